package org.wangwu.server.support;

import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Assertions;

/**
 * A create as a client follows it: 201 with a {@code Location} that the creator reads back (the same record, or the
 * file for an attachment); another county's staff get 403 on that address and 404 for the id under their own county.
 */
public final class CreatedRecords {

    private static final Map<String, String> COUNTY_OF_USER = Map.of("jiyuan", Api.JIYUAN, "anji", Api.ANJI,
            "linzhou", Api.LINZHOU);

    private CreatedRecords() {
    }

    /** The new record's id, once its Location was followed as {@code user} and as {@code otherCountyUser}. */
    public static String followed(Response created, String user, String otherCountyUser) {
        created.then().statusCode(201);
        String location = created.header("Location");
        Assertions.assertNotNull(location, "A 201 without Location: " + created.asString());
        String id = created.jsonPath().getString("id");
        if (id == null) {
            id = created.jsonPath().getString("ids[0]");
        }
        Assertions.assertNotNull(id, "A 201 whose body names no id: " + created.asString());
        Assertions.assertTrue(location.endsWith("/" + id), location + " does not name " + id);

        Response read = Api.as(user).get(location);
        Assertions.assertEquals(200, read.statusCode(), "GET " + location + " as " + user + ": " + read.asString());
        if (read.contentType().startsWith("application/json")) {
            // The record itself, or a detail that holds it (a matter's detail: {"matter": {"id": ...}, ...}).
            String readId = read.jsonPath().getString("id");
            Assertions.assertEquals(id, readId != null ? readId : read.jsonPath().getString("matter.id"),
                    "GET " + location + " answered another record: " + read.asString());
        }

        String own = county(user);
        String other = county(otherCountyUser);
        Assertions.assertNotEquals(own, other, "The other user must be of another county");
        Api.as(otherCountyUser).get(location).then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        String underOther = location.replace("/counties/" + own + "/", "/counties/" + other + "/");
        Api.as(otherCountyUser).get(underOther).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        return id;
    }

    private static String county(String user) {
        String county = COUNTY_OF_USER.get(user.split("-")[0]);
        Assertions.assertNotNull(county, "No county known for " + user);
        return county;
    }
}
