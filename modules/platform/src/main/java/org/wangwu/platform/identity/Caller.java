package org.wangwu.platform.identity;

import java.util.Optional;
import java.util.Set;
import org.wangwu.platform.tenancy.CountyCode;

/**
 * Who is calling, as the verified token says: roles, the county they belong to, their reach below
 * county level, and for third-party apps the module scopes granted. Permissions classes decide from
 * this alone.
 */
public record Caller(
        String subject,
        String username,
        String clientId,
        Set<String> roles,
        Optional<CountyCode> county,
        Optional<String> township,
        Optional<String> village,
        Optional<String> province,
        Set<String> scopes,
        String requestId) {

    public static final String MODULE_SCOPE_PREFIX = "module:";

    /**
     * A token holding the resident role and any other role of the platform acts as a resident only:
     * a villager's own login never carries staff powers (no reviewing one's own household's points,
     * no reading neighbours' data); staff work from a staff login.
     */
    public Caller {
        if (roles.contains(Role.RESIDENT.realmRole())) {
            Set<String> staff = java.util.Arrays.stream(Role.values()).filter(r -> r != Role.RESIDENT)
                    .map(Role::realmRole).collect(java.util.stream.Collectors.toSet());
            roles = roles.stream().filter(r -> !staff.contains(r)).collect(java.util.stream.Collectors.toUnmodifiableSet());
        }
    }

    /** A caller acting for the platform itself, e.g. a scheduled job, with the roles its work needs. */
    public static Caller system(String jobName, CountyCode county, Role... acting) {
        Set<String> roles = java.util.Arrays.stream(acting).map(Role::realmRole).collect(java.util.stream.Collectors.toSet());
        return new Caller("system:" + jobName, "system:" + jobName, null, roles, Optional.of(county),
                Optional.empty(), Optional.empty(), Optional.empty(), Set.of(), null);
    }

    /** A caller acting for the platform at one township or village (9 or 12 digits), e.g. a demo seed's cadre. */
    public static Caller system(String name, CountyCode county, String placeCode, Role... acting) {
        Caller c = system(name, county, acting);
        boolean village = placeCode.length() == 12;
        return new Caller(c.subject(), c.username(), null, c.roles(), c.county(),
                Optional.of(placeCode.substring(0, 9)), village ? Optional.of(placeCode) : Optional.empty(),
                Optional.empty(), Set.of(), null);
    }

    public boolean has(Role role) {
        return roles.contains(role.realmRole());
    }

    public boolean hasAny(Role... candidates) {
        for (Role role : candidates) {
            if (has(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean isThirdPartyApp() {
        return has(Role.THIRD_PARTY_APP);
    }

    public boolean hasModuleScope(String moduleKey) {
        return scopes.contains(MODULE_SCOPE_PREFIX + moduleKey);
    }

    public boolean belongsTo(CountyCode code) {
        return county.map(code::equals).orElse(false);
    }

    /** The name written into audit records. */
    public String actor() {
        return isThirdPartyApp() && clientId != null ? "client:" + clientId : username;
    }

    /**
     * How far below the county this caller reaches, decided here once. County administrators and the
     * county's apps reach the whole county. Anyone else reaches the place their token names (the
     * village when it names one, else the township). Without a place, only a caller whose every role
     * works county-wide (a mediator of the county's centre) reaches the county; a township official,
     * village cadre, grid worker, resident or clerk whose token names no place reaches nothing.
     */
    public Reach reach() {
        if (county.isEmpty()) {
            return Reach.none();
        }
        String code = county.get().value();
        if (hasAny(Role.COUNTY_ADMIN, Role.THIRD_PARTY_APP)) {
            return Reach.of(code);
        }
        Optional<String> place = village.or(() -> township);
        if (place.isPresent()) {
            return place.get().startsWith(code) && place.get().length() > code.length() ? Reach.of(place.get())
                    : Reach.none();
        }
        boolean placeBound = hasAny(Role.TOWNSHIP_OFFICIAL, Role.VILLAGE_CADRE, Role.GRID_WORKER, Role.RESIDENT,
                Role.SUPERMARKET_CLERK);
        return !placeBound && has(Role.MEDIATOR) ? Reach.of(code) : Reach.none();
    }

    /** Whether a place (township or village code) of the caller's county is within {@link #reach()}. */
    public boolean reaches(String placeCode) {
        return reach().includes(placeCode);
    }
}
