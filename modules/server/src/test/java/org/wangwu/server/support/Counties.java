package org.wangwu.server.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.Map;

/** Onboards the realm's counties once per run, through the operator API, as any test needs them. */
public final class Counties {

    private static volatile boolean onboarded;

    private Counties() {
    }

    public static synchronized void onboardDemoCounties() {
        if (onboarded) {
            return;
        }
        onboard(Api.JIYUAN, "济源市", "Jiyuan", "41");
        onboard(Api.LINZHOU, "林州市", "Linzhou", "41");
        onboard(Api.ANJI, "安吉县", "Anji", "33");
        onboarded = true;
    }

    private static void onboard(String code, String zh, String en, String province) {
        int status = given().auth().oauth2(Tokens.user("operator")).contentType(ContentType.JSON)
                .body(Map.of("code", code, "nameZh", zh, "nameEn", en, "province", province))
                .post("/api/v1/platform/counties").statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("Onboarding " + code + " answered " + status);
        }
    }
}
