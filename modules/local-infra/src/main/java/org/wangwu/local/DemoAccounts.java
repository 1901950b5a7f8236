package org.wangwu.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The demo logins and third-party clients, read from the realm file so that what the run command prints cannot drift from it. */
record DemoAccounts(List<Login> logins, List<App> apps) {

    record Login(String username, String role, String county, String reach) {
    }

    record App(String clientId, String secret, String county, String scopes) {
    }

    static DemoAccounts read(Path realmFile) {
        JsonNode realm;
        try {
            realm = new ObjectMapper().readTree(realmFile.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> countyOf = new HashMap<>();
        for (JsonNode org : realm.path("organizations")) {
            for (JsonNode member : org.path("members")) {
                countyOf.put(member.path("username").asText(), org.path("alias").asText() + " " + org.path("description").asText());
            }
        }
        Map<String, JsonNode> clients = new HashMap<>();
        realm.path("clients").forEach(client -> clients.put(client.path("clientId").asText(), client));

        List<Login> logins = new ArrayList<>();
        List<App> apps = new ArrayList<>();
        for (JsonNode user : realm.path("users")) {
            String username = user.path("username").asText();
            String county = countyOf.getOrDefault(username, "-");
            String roles = join(user.path("realmRoles"), ",");
            if (user.hasNonNull("serviceAccountClientId")) {
                JsonNode client = clients.get(user.path("serviceAccountClientId").asText());
                if (roles.contains("third-party-app")) {
                    List<String> modules = new ArrayList<>();
                    client.path("defaultClientScopes").forEach(s -> {
                        if (s.asText().startsWith("module:")) {
                            modules.add(s.asText());
                        }
                    });
                    apps.add(new App(client.path("clientId").asText(), client.path("secret").asText(), county, String.join(" ", modules)));
                }
            } else {
                List<String> reach = new ArrayList<>();
                user.path("attributes").properties().forEach(a -> reach.add(a.getKey() + " " + join(a.getValue(), ",")));
                logins.add(new Login(username, roles, county, reach.isEmpty() ? "-" : String.join(", ", reach)));
            }
        }
        return new DemoAccounts(logins, apps);
    }

    private static String join(JsonNode array, String separator) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return String.join(separator, values);
    }
}
