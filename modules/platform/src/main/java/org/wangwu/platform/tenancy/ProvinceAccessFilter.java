package org.wangwu.platform.tenancy;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.wangwu.platform.county.Province;
import org.wangwu.platform.error.Problem;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.CurrentCaller;
import org.wangwu.platform.identity.Role;

/**
 * The gate in front of every {@code /api/v1/provinces/{province}/...} call, beside the county gate:
 * the token must be a province's (a provincial viewer, or a read-only app bound to a province), its
 * {@code province} claim the path's, and it must belong to no county: a county's token reaches no
 * province path. What lies behind reads aggregates only ({@link TenantTransactions#inProvince}).
 */
public class ProvinceAccessFilter {

    /** The scope a province-bound app needs for the province's aggregates. */
    public static final String PROVINCE_SCOPE = Caller.MODULE_SCOPE_PREFIX + "dashboards";

    private static final Pattern PROVINCE_PATH = Pattern.compile("^/api/v1/provinces/([^/]+)");

    @Inject
    CurrentCaller currentCaller;

    @Inject
    TenantTransactions tx;

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Uni<Response> admit(ContainerRequestContext request) {
        Matcher path = PROVINCE_PATH.matcher(request.getUriInfo().getPath());
        if (!path.find()) {
            return Uni.createFrom().nullItem();
        }
        if (currentCaller.isAnonymous()) {
            throw new ProblemException(Problem.of(401, "unauthenticated", "Unauthorized", "A valid bearer token is required"));
        }
        String province = path.group(1);
        if (!province.matches("[1-8][0-9]")) {
            throw ProblemException.notFound("Province", province);
        }
        Caller caller = currentCaller.get();
        if (caller.county().isPresent()) {
            throw ProblemException.forbidden("county-token", "A county's token reaches no province path");
        }
        if (!caller.province().map(province::equals).orElse(false)) {
            throw ProblemException.forbidden("province-mismatch", "Your token does not grant access to province " + province);
        }
        boolean viewer = caller.has(Role.PROVINCIAL_VIEWER);
        boolean app = caller.isThirdPartyApp() && caller.scopes().contains(PROVINCE_SCOPE);
        if (!viewer && !app) {
            throw ProblemException.forbidden("not-permitted", "Only provincial viewers and the province's apps read its figures");
        }
        return tx.platform(session -> session.find(Province.class, province)).map(found -> {
            if (found == null) {
                throw ProblemException.notFound("Province", province);
            }
            return null;
        });
    }
}
