package org.wangwu.platform.tenancy;

import io.smallrye.common.vertx.ContextLocals;
import java.util.Optional;

/**
 * The county of the unit of work running on the current Vert.x (duplicated) context. Only
 * {@link TenantTransactions} sets it, from a county passed in explicitly, so HTTP requests,
 * scheduled jobs and event consumers all reach it the same way.
 */
public final class CurrentCounty {

    private static final String KEY = "wangwu.county";

    private CurrentCounty() {
    }

    static void set(CountyCode county) {
        ContextLocals.put(KEY, county);
    }

    static void clear() {
        ContextLocals.remove(KEY);
    }

    public static Optional<CountyCode> get() {
        try {
            return ContextLocals.get(KEY);
        } catch (UnsupportedOperationException | IllegalStateException notOnDuplicatedContext) {
            return Optional.empty();
        }
    }

    public static CountyCode require() {
        return get().orElseThrow(() -> new IllegalStateException("No county in this unit of work"));
    }
}
