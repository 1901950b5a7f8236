package org.wangwu.server.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.wangwu.platform.webhook.SignedPost;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Counties;
import org.wangwu.server.support.WangwuTestEnvironment;

/** Runs every {@code sh} block of docs/third-party.md, in order, as a newly registered app: the guide cannot drift. */
@QuarkusTest
class ThirdPartyGuideTest {

    private static final Pattern SH_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);

    @TestHTTPResource("/")
    URL platform;

    @Test
    void theGuidesShellBlocksWorkAsWritten() throws IOException, InterruptedException {
        Counties.onboardDemoCounties();
        for (String module : List.of("points", "disputes")) {
            as("jiyuan-admin").body(Map.of("enabled", true)).put(county(Api.JIYUAN) + "/modules/" + module + "/status")
                    .then().statusCode(200);
        }
        JsonPath app = AppRegistrationTest.register("jiyuan-admin", AppRegistrationTest.JIYUAN_APPS,
                List.of("points", "disputes"));
        StringBuilder script = new StringBuilder("set -euo pipefail\n");
        Matcher blocks = SH_BLOCK.matcher(guide());
        while (blocks.find()) {
            script.append(blocks.group(1)).append('\n');
        }
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", script.toString()).redirectErrorStream(true);
        bash.environment().putAll(Map.of("WANGWU", platform.toString().replaceAll("/$", ""),
                "KEYCLOAK", WangwuTestEnvironment.issuer(), "COUNTY", Api.JIYUAN,
                "CLIENT_ID", app.getString("clientId"), "CLIENT_SECRET", app.getString("clientSecret")));
        Process run = bash.start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, run.waitFor(), output);
        assertTrue(output.contains("\"code\":\"county-mismatch\""), output);
        assertTrue(output.contains("\"code\":\"scope-missing\""), output);
        assertTrue(output.contains("\"items\""), output);
        assertTrue(output.trim().endsWith("signature ok"), output);
    }

    @Test
    void theGuidesWebhookSignatureIsThePlatformsOwn() throws IOException {
        String guide = guide();
        String secret = value(guide, "WEBHOOK_SECRET=(\\S+)");
        String body = value(guide, "BODY='([^']+)'");
        String timestamp = value(guide, "SIGNATURE='t=(\\d+),");
        String v1 = value(guide, "SIGNATURE='t=\\d+,v1=([0-9a-f]+)'");
        assertEquals(SignedPost.sign(secret, timestamp + "." + body), v1);
    }

    private static String value(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "the guide no longer has " + regex);
        return m.group(1);
    }

    private static String guide() throws IOException {
        return Files.readString(Path.of(System.getProperty("wangwu.openapi.dir")).resolveSibling("docs")
                .resolve("third-party.md"));
    }
}
