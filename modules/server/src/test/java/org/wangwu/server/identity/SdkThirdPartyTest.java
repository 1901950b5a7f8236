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
import java.util.ArrayList;
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
import org.wangwu.sdk.model.AccountView;
import org.wangwu.sdk.model.AwardStatus;
import org.wangwu.sdk.model.AwardView;
import org.wangwu.sdk.model.LedgerEntryView;
import org.wangwu.sdk.model.NewAward;
import org.wangwu.sdk.model.PageAccountView;
import org.wangwu.sdk.model.Problem;
import org.wangwu.sdk.model.Rule;
import org.wangwu.server.points.PointsFixture;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Territories;
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

    /** A rule of Jiyuan's catalogue that its apps may record, posted at once (no review, no disclosure days). */
    static final String APP_RULE = "APP-VOLUNTEER";

    String token;
    String clientId;

    @BeforeEach
    void anAppOfJiyuanWithPoints() {
        Territories.seedTwoCounties();
        for (String module : List.of("points", "disputes")) {
            as("jiyuan-admin").body(Map.of("enabled", true)).put(county(Api.JIYUAN) + "/modules/" + module + "/status")
                    .then().statusCode(200);
        }
        Map<String, Object> settings = PointsFixture.jiyuanSettings(0);
        List<Map<String, Object>> rules = new ArrayList<>(PointsFixture.testRules());
        rules.add(PointsFixture.rule(APP_RULE, "志愿服务平台登记的志愿服务", "VOLUNTEER_SERVICE", 2, false, 0,
                List.of("third-party-app", "village-cadre"), false));
        settings.put("rules", rules);
        PointsFixture.settings("jiyuan-admin", Api.JIYUAN, settings);
        JsonPath app = AppRegistrationTest.register("jiyuan-admin", AppRegistrationTest.JIYUAN_APPS, List.of("points"));
        clientId = app.getString("clientId");
        token = Tokens.client(clientId, app.getString("clientSecret"));
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

        // A deed for someone not in the county's register is refused before anything is written.
        Problem deed = problem(client, 422, () -> points.awardRequest(Api.JIYUAN,
                new NewAward().ruleCode(ruleCode).residentId(UUID.randomUUID()).description("参加村道清扫志愿活动"),
                "java-sdk-deed-" + UUID.randomUUID()));
        assertEquals("residentId", deed.getErrors().get(0).getField());

        // A deed under a rule that lists the county's apps is recorded, posted, and on the household's statement.
        String household = PointsFixture.freshHousehold(Territories.JIYUAN_VILLAGE);
        points.awardRequest(Api.JIYUAN, new NewAward().ruleCode(APP_RULE).householdId(UUID.fromString(household))
                .description("参加村道清扫志愿活动 2 小时"), "java-sdk-" + UUID.randomUUID());
        AccountView account = accountOf(points, household);
        List<LedgerEntryView> statement = points.accountStatement(Api.JIYUAN, account.getId(), null, null).getItems();
        assertEquals(1, statement.size(), "a fresh household's statement holds the one deed");
        assertEquals(2L, statement.get(0).getBalanceAfter().longValue());
        assertEquals("client:" + clientId, statement.get(0).getRecordedBy());
        AwardView award = points.awardGet(Api.JIYUAN, statement.get(0).getAwardId());
        assertEquals(AwardStatus.POSTED, award.getStatus());
        assertEquals(APP_RULE, award.getRuleCode());
        // A rule that does not list apps stays with the village's staff.
        Problem notListed = problem(client, 403, () -> points.awardRequest(Api.JIYUAN, new NewAward()
                .ruleCode("RECORD-DIRECT").householdId(UUID.fromString(household)).description("代录"),
                "java-sdk-" + UUID.randomUUID()));
        assertEquals("not-permitted", notListed.getCode());
    }

    @Test
    void theTypeScriptSdkDoesTheSameUnderNode() throws Exception {
        Path sdkTs = repositoryRoot().resolve("modules/sdk-ts");
        assertTrue(Files.exists(sdkTs.resolve("target/sdk/dist/index.js")),
                "build modules/sdk-ts first (./mvnw -B verify builds it before the server)");
        String household = PointsFixture.freshHousehold(Territories.JIYUAN_VILLAGE);
        ProcessBuilder node = new ProcessBuilder("node", "test/third-party.mjs",
                platform.toString(), Api.JIYUAN, Api.ANJI, token, APP_RULE, household,
                Territories.JIYUAN_VILLAGE).directory(sdkTs.toFile());
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
        assertEquals(1, seen.get("statement").size(), output);
        assertEquals("client:" + clientId, seen.get("statement").get(0).get("recordedBy").asText(), output);
        assertEquals("POSTED", seen.get("deed").get("status").asText(), output);
    }

    /** The household's account, found as an app finds it: paging the village's accounts. */
    private static AccountView accountOf(PointsApi points, String household) throws Exception {
        String cursor = null;
        do {
            PageAccountView page = points.accountList(Api.JIYUAN, cursor, 200, Territories.JIYUAN_VILLAGE);
            for (AccountView a : page.getItems()) {
                if (household.equals(String.valueOf(a.getHouseholdId()))) {
                    return a;
                }
            }
            cursor = page.getNextCursor();
        } while (cursor != null);
        throw new AssertionError("no account of household " + household);
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
