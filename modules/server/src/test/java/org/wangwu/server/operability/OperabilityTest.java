package org.wangwu.server.operability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Probes, metrics and the published API document, as Kubernetes and third-party developers see them. */
@QuarkusTest
class OperabilityTest {

    /** Run the tests with -Dwangwu.openapi.update=true to accept a deliberate change of the API. */
    private static final boolean UPDATE = Boolean.getBoolean("wangwu.openapi.update");

    @Test
    void livenessAndReadinessCoverDatabaseAndKeycloak() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Keycloak", "Database"));
    }

    @Test
    void prometheusMetricsAreServed() {
        // An API request (refused without a token) is what the server's request metrics count.
        given().get("/api/v1/platform/counties").then().statusCode(401);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void theServedApiDocumentIsTheOneInTheRepository() throws IOException {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        Path published = repositoryRoot().resolve("openapi/wangwu-api.yaml");
        if (UPDATE) {
            Files.writeString(published, served);
        }
        Assertions.assertTrue(Files.exists(published), "openapi/wangwu-api.yaml is missing");
        Assertions.assertEquals(Files.readString(published), served,
                "The API changed: review the change, then run the tests with -Dwangwu.openapi.update=true");
    }

    /**
     * Where a create's {@code Location} points when the resource names it itself (CreatedLocation otherwise adds the
     * new record's id to the path posted to).
     */
    private static final Map<String, String> NAMED_LOCATIONS = Map.of(
            "countyAdministratorCreate", "/api/v1/counties/{county}/staff/{username}",
            "registrationRevise", "/api/v1/counties/{county}/customs/registrations/{id}",
            "caseAgree", "/api/v1/counties/{county}/disputes/cases/{id}/agreement",
            "accountReverse", "/api/v1/counties/{county}/points/accounts/{id}/entries/{entry}",
            "listCommend", "/api/v1/counties/{county}/customs/list-entries/{id}");

    @Test
    void everyCreatedLocationIsAnAddressTheDocumentReads() throws IOException {
        JsonNode paths = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().asString()).path("paths");
        Set<String> readable = new TreeSet<>();
        paths.fields().forEachRemaining(p -> {
            if (p.getValue().path("get").path("responses").has("200")) {
                readable.add(p.getKey().replaceAll("\\{[^}]+}", "{}"));
            }
        });
        List<String> unreadable = new ArrayList<>();
        int creates = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext(); ) {
                JsonNode op = ops.next().getValue();
                if (!op.path("responses").has("201")) {
                    continue;
                }
                creates++;
                String id = op.path("operationId").asText();
                String target = NAMED_LOCATIONS.getOrDefault(id, p.getKey() + "/{id}").replaceAll("\\{[^}]+}", "{}");
                if (!readable.contains(target)) {
                    unreadable.add(id + " (" + target + ")");
                }
            }
        }
        Assertions.assertTrue(creates > 30, "Only " + creates + " creates in the document");
        Assertions.assertEquals(List.of(), unreadable, "Creates whose Location has no GET answering 200");
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("openapi")) && Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Run from inside the repository");
    }
}
