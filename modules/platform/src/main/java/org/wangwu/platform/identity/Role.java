package org.wangwu.platform.identity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The platform's people, as Keycloak realm roles (DOMAIN.md, "People"). */
@Schema(name = "PlatformRole", description = "The platform's people, as Keycloak realm roles: PLATFORM_OPERATOR, COUNTY_ADMIN, TOWNSHIP_OFFICIAL, VILLAGE_CADRE, MEDIATOR, GRID_WORKER, RESIDENT, SUPERMARKET_CLERK, PROVINCIAL_VIEWER, THIRD_PARTY_APP")
public enum Role {
    PLATFORM_OPERATOR("platform-operator"),
    COUNTY_ADMIN("county-admin"),
    TOWNSHIP_OFFICIAL("township-official"),
    VILLAGE_CADRE("village-cadre"),
    MEDIATOR("mediator"),
    GRID_WORKER("grid-worker"),
    RESIDENT("resident"),
    SUPERMARKET_CLERK("supermarket-clerk"),
    PROVINCIAL_VIEWER("provincial-viewer"),
    THIRD_PARTY_APP("third-party-app");

    private final String realmRole;

    Role(String realmRole) {
        this.realmRole = realmRole;
    }

    public String realmRole() {
        return realmRole;
    }
}
