package org.wangwu.platform.tenancy;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.wangwu.platform.app.AppGate;
import org.wangwu.platform.error.Problem;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.CurrentCaller;
import org.wangwu.platform.module.ModuleRegistry;

/**
 * The gate in front of every {@code /api/v1/counties/{county}/...} call: the path's county must be
 * the county of the verified token, the county must be active, a module's path answers only where
 * the county has switched the module on, and a third-party app reaches only its granted modules, is
 * not revoked and keeps to its rate limit ({@link AppGate}).
 * Public notices under {@code /api/v1/public/counties/{county}/{module}/...} need no token, but the
 * county must be active and the module on.
 */
public class CountyAccessFilter {

    private static final Pattern COUNTY_PATH = Pattern.compile("^/api/v1/(public/)?counties/([^/]+)(?:/([^/]+))?");

    @Inject
    CurrentCaller currentCaller;

    @Inject
    TenantTransactions tx;

    @Inject
    ModuleRegistry registry;

    @Inject
    AppGate apps;

    @Inject
    CountyGate gate;

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Uni<Response> admit(ContainerRequestContext request, ResourceInfo resource) {
        Matcher path = COUNTY_PATH.matcher(request.getUriInfo().getPath());
        if (!path.find()) {
            return Uni.createFrom().nullItem();
        }
        boolean publicNotice = path.group(1) != null;
        String segment = path.group(3);
        boolean moduleCall = segment != null && registry.isModule(segment);
        if (publicNotice) {
            // Public notices (公示) need no login, but only of an active county's switched-on module.
            if (!CountyCode.isValid(path.group(2)) || !moduleCall) {
                throw ProblemException.notFound("Public notice", request.getUriInfo().getPath());
            }
            CountyCode county = CountyCode.of(path.group(2));
            return tx.inCounty(county, session -> gate.check(session, county, segment).replaceWith((Response) null));
        }
        if (currentCaller.isAnonymous()) {
            throw new ProblemException(Problem.of(401, "unauthenticated", "Unauthorized", "A valid bearer token is required"));
        }
        if (!CountyCode.isValid(path.group(2))) {
            throw ProblemException.notFound("County", path.group(2));
        }
        CountyCode county = CountyCode.of(path.group(2));
        Caller caller = currentCaller.get();
        if (!caller.belongsTo(county)) {
            throw ProblemException.forbidden("county-mismatch",
                    "Your token does not grant access to county " + county);
        }
        if (caller.isThirdPartyApp() && !(moduleCall && caller.hasModuleScope(segment))) {
            throw ProblemException.forbidden("scope-missing",
                    "This application is not granted " + (moduleCall ? "module " + segment : "this part of the API"));
        }
        String moduleKey = moduleCall ? segment : null;
        if (!caller.isThirdPartyApp() && resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(GateInWorkTransaction.class)) {
            CountyGate.defer(county, moduleKey);
            return Uni.createFrom().nullItem();
        }
        return tx.inCounty(county, session -> gate.check(session, county, moduleKey).replaceWith((Response) null)
                .call(() -> caller.isThirdPartyApp() ? apps.admit(session, county, caller, segment) : Uni.createFrom().voidItem()));
    }
}
