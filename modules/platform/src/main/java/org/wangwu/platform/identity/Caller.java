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

    /** A caller acting for the platform itself, e.g. a scheduled job, with the roles its work needs. */
    public static Caller system(String jobName, CountyCode county, Role... acting) {
        Set<String> roles = java.util.Arrays.stream(acting).map(Role::realmRole).collect(java.util.stream.Collectors.toSet());
        return new Caller("system:" + jobName, "system:" + jobName, null, roles, Optional.of(county),
                Optional.empty(), Optional.empty(), Optional.empty(), Set.of(), null);
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
     * Whether a place (township or village code) is within this caller's reach: county-wide staff
     * reach everything in their county, township staff their township's villages, village staff
     * their village.
     */
    public boolean reaches(String placeCode) {
        if (placeCode == null || county.isEmpty() || !county.get().contains(placeCode)) {
            return false;
        }
        if (village.isPresent()) {
            return placeCode.startsWith(village.get());
        }
        return township.map(placeCode::startsWith).orElse(true);
    }
}
