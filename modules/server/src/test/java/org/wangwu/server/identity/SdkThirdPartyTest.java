package org.wangwu.server.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.wangwu.sdk.ApiClient;
import org.wangwu.sdk.ApiException;
import org.wangwu.sdk.api.DisputesApi;
import org.wangwu.sdk.api.PointsApi;
import org.wangwu.sdk.model.NewAward;
import org.wangwu.sdk.model.Problem;
import org.wangwu.sdk.model.Rule;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Counties;
import org.wangwu.server.support.Tokens;

/**
 * A third-party app bound to Jiyuan with {@code module:points}, registered by the county administrator
 * through the apps API, calls the platform only through the generated SDKs with a client-credentials
 * token from the real Keycloak: Java ({@code modules/sdk-java}) and TypeScript under Node
 * ({@code modules/sdk-ts}, {@code test/third-party.mjs}). Refusals arrive as the SDK's typed problem.
 */
@QuarkusTest
class SdkThirdPartyTest {

    @TestHTTPResource("/")
    URL platform;

    String token;

    @BeforeEach
    void anAppOfJiyuanWithPoints() {
        Counties.onboardDemoCounties();
        for (String module : List.of("points", "disputes")) {
            as("jiyuan-admin").body(Map.of("enabled", true)).put(county(Api.JIYUAN) + "/modules/" + module + "/status")
                    .then().statusCode(200);
        }
        JsonPath app = AppRegistrationTest.register("jiyuan-admin", AppRegistrationTest.JIYUAN_APPS, List.of("points"));
        token = Tokens.client(app.getString("clientId"), app.getString("clientSecret"));
    }

    @Test
    void theJavaSdkReadsTheCatalogueAndDecodesEveryRefusal() throws Exception {
        ApiClient client = new ApiClient();
        URI base = platform.toURI();
        client.setScheme(base.getScheme()).setHost(base.getHost()).setPort(base.getPort()).setBasePath("");
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        PointsApi points = new PointsApi(client);
        DisputesApi disputes = new DisputesApi(client);

        List<Rule> rules = points.rulesList(Api.JIYUAN);
        assertFalse(rules.isEmpty(), "Jiyuan's rule catalogue");
        String ruleCode = rules.get(0).getCode();
        assertNotNull(ruleCode);

        Problem otherCounty = problem(client, 403, () -> points.rulesList(Api.ANJI));
        assertEquals("county-mismatch", otherCounty.getCode());
        Problem otherModule = problem(client, 403, () -> disputes.caseList(Api.JIYUAN, null, null, null, null));
        assertEquals("scope-missing", otherModule.getCode());
        Problem badBody = problem(client, 400, () -> points.awardRequest(Api.JIYUAN,
                new NewAward().ruleCode("not a code"), "java-sdk-bad-body-" + UUID.randomUUID()));
        assertFalse(badBody.getErrors() == null || badBody.getErrors().isEmpty(), "the bad field is named");
        assertEquals("ruleCode", badBody.getErrors().get(0).getField());

        // What the platform answers an app that records a deed or reads a statement (points allows staff only).
        Problem deed = problem(client, 403, () -> points.awardRequest(Api.JIYUAN,
                new NewAward().ruleCode(ruleCode).residentId(UUID.randomUUID()).description("参加村道清扫志愿活动"),
                "java-sdk-deed-" + UUID.randomUUID()));
        assertNotNull(deed.getCode());
    }

    @Test
    void theTypeScriptSdkDoesTheSameUnderNode() throws Exception {
        Path sdkTs = repositoryRoot().resolve("modules/sdk-ts");
        assertTrue(Files.exists(sdkTs.resolve("target/sdk/dist/index.js")),
                "build modules/sdk-ts first (./mvnw -B verify builds it before the server)");
        ProcessBuilder node = new ProcessBuilder("node", "test/third-party.mjs",
                platform.toString(), Api.JIYUAN, Api.ANJI, token).directory(sdkTs.toFile());
        node.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process run = node.start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, run.waitFor(), "the TypeScript SDK's calls: " + output);

        JsonNode seen = new ObjectMapper().readTree(output);
        assertTrue(seen.get("rules").size() > 0, output);
        assertProblem(seen.get("otherCounty"), 403, "county-mismatch");
        assertProblem(seen.get("disputes"), 403, "scope-missing");
        assertProblem(seen.get("badBody"), 400, "validation-failed");
        assertEquals("ruleCode", seen.get("badBody").get("problem").get("errors").get(0).get("field").asText(), output);
    }

    private static void assertProblem(JsonNode seen, int status, String code) {
        assertEquals(status, seen.get("httpStatus").asInt(), seen.toString());
        assertTrue(seen.get("contentType").asText().startsWith("application/problem+json"), seen.toString());
        assertEquals(status, seen.get("problem").get("status").asInt(), seen.toString());
        assertEquals(code, seen.get("problem").get("code").asText(), seen.toString());
    }

    /** The SDK's exception, its body decoded into the SDK's problem model. */
    private static Problem problem(ApiClient client, int status, Executable call) throws Exception {
        ApiException e = assertThrows(ApiException.class, call);
        assertEquals(status, e.getCode(), e.getResponseBody());
        assertTrue(e.getResponseHeaders().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                e.getResponseBody());
        Problem problem = client.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
        assertEquals(status, problem.getStatus());
        return problem;
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
