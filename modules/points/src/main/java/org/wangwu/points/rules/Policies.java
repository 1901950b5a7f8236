package org.wangwu.points.rules;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.module.ModuleService;
import org.wangwu.points.PointsModule;

/** The county's current settings of the module, read in the unit of work that applies them. */
@ApplicationScoped
public class Policies {

    @Inject
    ModuleService modules;

    public Uni<PointsPolicy> current(Mutiny.Session session) {
        return modules.settings(session, PointsModule.KEY).map(PointsPolicy::of);
    }

    public Uni<Boolean> enabled(Mutiny.Session session) {
        return modules.isEnabled(session, PointsModule.KEY);
    }
}
