package org.wangwu.platform.tenancy;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Supplies the tenant filter's parameter. Outside a county's unit of work it yields a value that
 * matches no row, so a forgotten scope reads nothing rather than everything.
 */
@ApplicationScoped
@Unremovable
public class CurrentCountyResolver implements Supplier<String> {

    static final String NO_COUNTY = "------";

    @Override
    public String get() {
        return CurrentCounty.get().map(CountyCode::value).orElse(NO_COUNTY);
    }
}
