package org.wangwu.platform.tenancy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a county resource method whose work runs in {@link TenantTransactions#inCounty}: the county
 * gate's database checks (county active, module on) run as the first statements of that
 * transaction instead of a transaction of their own, so the request is one transaction. The
 * token checks (county of the token, app scope) still run before the method. A third-party app's
 * call keeps the separate gate (its rate limit is counted there).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface GateInWorkTransaction {
}
