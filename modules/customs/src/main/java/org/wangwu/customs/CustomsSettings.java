package org.wangwu.customs;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.module.ModuleService;

/** The county's current standards, read in the unit of work that applies them. */
@ApplicationScoped
public class CustomsSettings {

    /** The module whose resolutions ratify covenants where a county has it switched on. */
    public static final String CONSULTATION = "consultation";

    @Inject
    ModuleService modules;

    public Uni<CustomsPolicy> current(Mutiny.Session session) {
        return modules.settings(session, CustomsModule.KEY).map(CustomsPolicy::of);
    }

    public Uni<Boolean> enabled(Mutiny.Session session) {
        return modules.isEnabled(session, CustomsModule.KEY);
    }

    /** Whether covenants of this county take effect by consultation resolution (else by a recorded meeting). */
    public Uni<Boolean> consultationOn(Mutiny.Session session) {
        return modules.isEnabled(session, CONSULTATION);
    }
}
