package org.wangwu.server.operability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("openapi")) && Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Run from inside the repository");
    }
}
