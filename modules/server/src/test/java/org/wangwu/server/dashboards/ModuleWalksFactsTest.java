package org.wangwu.server.dashboards;

import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.junit.QuarkusTest;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wangwu.platform.fact.Figure;
import org.wangwu.platform.time.PlatformClock;
import org.wangwu.server.disputes.DisputeSteps;
import org.wangwu.server.disputes.DisputesFixture;
import org.wangwu.server.points.PointsFixture;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Territories;

/**
 * After a dispute walk (intake, triage, assignment, a session and an agreement) and a points walk
 * (two awards, a deduction) the facts check finds every module's recorded facts equal to its recount
 * from its own records, and the province sees the
 * case in Jiyuan's figures, suppressed while it is one of fewer than five.
 */
@QuarkusTest
class ModuleWalksFactsTest {

    @Test
    void disputeAndPointsWalksLeaveFactsTheRecountAgreesWith() {
        DisputesFixture.twoCountiesWithDisputes();
        as("jiyuan-admin").body(Map.of("enabled", true)).put(county(Api.JIYUAN) + "/modules/dashboards/status")
                .then().statusCode(200);
        String month = YearMonth.now(PlatformClock.ZONE).toString();
        String statistics = county(Api.JIYUAN) + "/modules/disputes/statistics?from=" + month + "&to=" + month;
        String received = "rows.find { it.place == null && it.period == null }.figures.'cases-received'.value";
        Number before = as("jiyuan-admin").get(statistics).then().statusCode(200).extract().path(received);

        String id = DisputesFixture.assignedCase("VILLAGE", "jiyuan-mediator");
        DisputeSteps.agree("jiyuan-mediator", county(Api.JIYUAN) + "/disputes/cases/" + id);
        PointsFixture.seed(0);
        String household = PointsFixture.freshHousehold(Territories.JIYUAN_VILLAGE);
        PointsFixture.record("jiyuan-cadre", "RECORD-DIRECT", household).then().statusCode(201);
        PointsFixture.record("jiyuan-cadre", "RECORD-DIRECT", household).then().statusCode(201);
        PointsFixture.record("jiyuan-cadre", "DEDUCT", household).then().statusCode(201);

        String check = as("jiyuan-admin").post(county(Api.JIYUAN) + "/dashboards/fact-checks").then().statusCode(201)
                .body("factsCompared", greaterThan(0)).extract().asString();
        // The walks' own modules agree with their recounts. (Other modules' facts are not this test's: tests that
        // move the shared clock ahead and back leave LEVEL facts dated in the future.)
        assertEquals(0, io.restassured.path.json.JsonPath.from(check)
                .getInt("found.findAll { it.module == 'disputes' || it.module == 'points' }.size()"), check);
        Number after = as("jiyuan-admin").get(statistics).then().statusCode(200).extract().path(received);
        assertEquals(before.intValue() + 1, after.intValue(), "the county's figures count the case");
        // The province sees Jiyuan's disputes only as figures of the month: the county's own count, or "<5" while it
        // is one of fewer than five (how many cases the suite took in this month before this test is not its own).
        Map<String, Object> figure = as("henan-viewer").get("/api/v1/provinces/41/overview?from=" + month + "&to=" + month)
                .then().statusCode(200).extract().path("modules.find { it.table.module == 'disputes' }.table.rows.find {"
                        + " it.place == '" + Api.JIYUAN + "' && it.period == '" + month + "' }.figures.'cases-received'");
        if (after.intValue() < 5) {
            assertEquals("<5", figure.get("suppressed"), figure.toString());
        } else if (figure.get("suppressed") == null) {
            assertEquals(after.intValue(), ((Number) figure.get("value")).intValue(), figure.toString());
        } else {
            // Hidden only to protect another county's small count (complementary suppression).
            assertEquals(Figure.PROTECTING, figure.get("suppressed"), figure.toString());
        }
    }
}
