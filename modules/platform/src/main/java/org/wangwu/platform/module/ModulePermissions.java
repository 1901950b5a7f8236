package org.wangwu.platform.module;

import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.Role;

/**
 * A module's permissions class (Decidim's {@code permissions.rb}): the one place that decides who may
 * do what in the module. Resources and services ask it; they never decide themselves. The platform
 * asks it too, for the parts of a module it serves (running its jobs, reading its statistics).
 * Reach below the county comes from {@link Caller#reach()}, computed once by the platform.
 */
public interface ModulePermissions {

    /** Who may run one of the module's jobs by hand, now. County administrators, unless the module says otherwise. */
    default void runJobs(Caller caller) {
        require(caller.has(Role.COUNTY_ADMIN), "Only a county administrator runs the module's jobs by hand");
    }

    /** Who reads the module's statistics (aggregates only). County staff who oversee, and the county's apps. */
    default void readStatistics(Caller caller) {
        require(caller.isThirdPartyApp() || caller.hasAny(Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICIAL),
                "Your role does not read statistics");
        caller.reach().placePrefix();
    }

    /** Who reads the module's jobs and their last runs. County administrators, unless the module says otherwise. */
    default void readJobs(Caller caller) {
        require(caller.has(Role.COUNTY_ADMIN), "Only a county administrator reads the module's jobs");
    }

    /** Refuses with a 403 problem saying why, unless {@code allowed}. */
    static void require(boolean allowed, String why) {
        if (!allowed) {
            throw ProblemException.forbidden("not-permitted", why);
        }
    }
}
