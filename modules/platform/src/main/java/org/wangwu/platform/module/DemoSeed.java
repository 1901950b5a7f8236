package org.wangwu.platform.module;

import io.smallrye.mutiny.Uni;
import org.wangwu.platform.tenancy.CountyCode;

/**
 * A module's demo data for a demo county of the local run: months of plausible activity (and the
 * daily facts it causes), seeded after the county's register and with the module switched on, so a
 * newcomer sees awards, cases and charts rather than empty lists. Runs once per county.
 */
@FunctionalInterface
public interface DemoSeed {

    Uni<Void> seed(CountyCode county);
}
