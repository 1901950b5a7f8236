package org.wangwu.server.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Where the web console (modules/console, served at /) signs in: the realm this server trusts and the realm's
 * public client. Not part of the API: the console reads it once before it has a token.
 */
@Path("/console/config.json")
public class ConsoleConfigResource {

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String issuer;

    @ConfigProperty(name = "wangwu.console.client-id", defaultValue = "wangwu-console")
    String clientId;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Map<String, String> config() {
        int realms = issuer.lastIndexOf("/realms/");
        return Map.of("url", issuer.substring(0, realms), "realm", issuer.substring(realms + "/realms/".length()),
                "clientId", clientId);
    }
}
