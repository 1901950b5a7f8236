package org.wangwu.server.customs;

import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Territories;

/** What the points module shows of the awards customs events earned, read through the points API. */
final class CustomsPoints {

    private CustomsPoints() {
    }

    /** Waits (polling the points API while the dispatcher delivers) for the award an event earned a household. */
    static Map<String, Object> awaitEventAward(String household) {
        for (int i = 0; i < 60; i++) {
            Optional<Map<String, Object>> found = eventAwards(household).stream().findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("No points award arrived for household " + household);
    }

    static List<Map<String, Object>> eventAwards(String household) {
        List<Map<String, Object>> items = as("jiyuan-admin").queryParam("limit", 200)
                .queryParam("village", Territories.JIYUAN_VILLAGE)
                .get(county(Api.JIYUAN) + "/points/awards").then().statusCode(200).extract().path("items");
        return items.stream().filter(a -> "EVENT".equals(a.get("source")) && household.equals(as("jiyuan-admin")
                .get(county(Api.JIYUAN) + "/points/accounts/" + a.get("accountId")).then().statusCode(200)
                .extract().path("householdId"))).toList();
    }
}
