package org.wangwu.consultation;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.module.ModuleService;

/** The county's current settings of the module, read in the unit of work that applies them. */
@ApplicationScoped
public class ConsultationSettings {

    @Inject
    ModuleService modules;

    public Uni<ConsultationPolicy> current(Mutiny.Session session) {
        return modules.settings(session, ConsultationModule.KEY).map(ConsultationPolicy::of);
    }
}
