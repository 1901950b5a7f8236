package org.wangwu.server.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests as a named demo user or app, the way a console page or a third-party app sends them. */
public final class Api {

    public static final String JIYUAN = "419001";
    public static final String ANJI = "330523";
    public static final String LINZHOU = "410581";

    private Api() {
    }

    public static RequestSpecification as(String username) {
        return given().auth().oauth2(Tokens.user(username)).contentType(ContentType.JSON);
    }

    public static RequestSpecification asApp(String clientId) {
        return given().auth().oauth2(Tokens.client(clientId, clientId + "-secret")).contentType(ContentType.JSON);
    }

    public static String county(String code) {
        return "/api/v1/counties/" + code;
    }
}
