package org.wangwu.server.disputes;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wangwu.server.disputes.DisputesFixture.JIYUAN_CASES;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.platform.time.PlatformClock;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Database;

/**
 * The deadline job, with the clock moved forward: an overdue case is marked and escalated once, however
 * often the job runs; at the top level it is marked only; high risk escalates at triage.
 */
@QuarkusTest
class OverdueEscalationTest {

    private static final String JOB = county(Api.JIYUAN) + "/modules/disputes/jobs/deadlines";

    @Inject
    PlatformClock clock;

    @BeforeEach
    void counties() {
        DisputesFixture.twoCountiesWithDisputes();
    }

    @AfterEach
    void restoreClock() {
        clock.reset();
    }

    @Test
    void anOverdueVillageCaseIsEscalatedToTheTownshipOnceWhateverTheRuns() {
        String id = DisputesFixture.assignedCase("VILLAGE", "jiyuan-mediator");
        String path = JIYUAN_CASES + "/" + id;
        as("jiyuan-admin").post(JOB).then().statusCode(200);
        as("jiyuan-admin").get(path).then().statusCode(200).body("state", equalTo("ASSIGNED"))
                .body("overdue", equalTo(false));

        clock.advance(Duration.ofDays(16));
        as("jiyuan-admin").post(JOB).then().statusCode(200).body("processed", greaterThanOrEqualTo(1));
        long version = ((Number) as("jiyuan-admin").get(path).then().statusCode(200)
                .body("state", equalTo("ESCALATED")).body("level", equalTo("TOWNSHIP"))
                .body("escalations", equalTo(1)).body("mediators.size()", equalTo(0))
                .extract().path("version")).longValue();
        as("jiyuan-admin").post(JOB).then().statusCode(200);

        as("jiyuan-admin").get(path).then().statusCode(200).body("state", equalTo("ESCALATED"))
                .body("level", equalTo("TOWNSHIP")).body("version", equalTo((int) version));
        List<String> steps = as("jiyuan-admin").get(path + "/history").then().extract().path("action");
        assertEquals(List.of("received", "triaged", "assigned", "marked-overdue", "escalated-overdue"), steps);
        assertEquals(1, Database.count("select count(*) from domain_event where aggregate_id = '" + id
                + "' and type = 'disputes.case-escalated'"));
        as("jiyuan-township").get(county(Api.JIYUAN) + "/disputes/workbench/oversight").then().statusCode(200)
                .body("unassigned.id", hasItem(id));
    }

    @Test
    void atTheTopLevelAnOverdueCaseIsMarkedOnceAndStaysWithItsMediators() {
        String id = DisputesFixture.assignedCase("COUNTY", "jiyuan-county-mediator");
        String path = JIYUAN_CASES + "/" + id;
        clock.advance(Duration.ofDays(31));
        as("jiyuan-admin").post(JOB).then().statusCode(200);
        as("jiyuan-admin").post(JOB).then().statusCode(200);
        as("jiyuan-admin").get(path).then().statusCode(200).body("state", equalTo("ASSIGNED"))
                .body("level", equalTo("COUNTY")).body("overdue", equalTo(true));
        List<String> steps = as("jiyuan-admin").get(path + "/history").then().extract().path("action");
        assertEquals(1, steps.stream().filter("marked-overdue"::equals).count());
        as("jiyuan-county-mediator").get(county(Api.JIYUAN) + "/disputes/workbench/mediator").then().statusCode(200)
                .body("overdue.id", hasItem(id));
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/disputes/workbench/oversight").then().statusCode(200)
                .body("overdue.id", hasItem(id));
    }

    @Test
    void aHighRiskCaseGoesStraightToTheCountyCentreAndRaisesAnEvent() {
        String id = DisputesFixture.create("jiyuan-admin", DisputesFixture.walkIn("高风险纠纷"));
        as("jiyuan-township").body(Map.of("category", "unpaid-wages", "risk", "high", "level", "VILLAGE"))
                .post(JIYUAN_CASES + "/" + id + "/triage").then().statusCode(200)
                .body("state", equalTo("ESCALATED")).body("level", equalTo("COUNTY"));
        assertEquals(1, Database.count("select count(*) from domain_event where aggregate_id = '" + id
                + "' and type = 'disputes.case-escalated' and payload like '%high-risk%'"));
        // A county case's mediators are the county's to assign.
        as("jiyuan-township").body(Map.of("mediators", List.of("jiyuan-township-mediator")))
                .post(JIYUAN_CASES + "/" + id + "/assignment").then().statusCode(403);
        as("jiyuan-admin").body(Map.of("mediators", List.of("jiyuan-county-mediator")))
                .post(JIYUAN_CASES + "/" + id + "/assignment").then().statusCode(200)
                .body("state", equalTo("ASSIGNED"));
    }

    @Test
    void aHighRiskCaseTriagedAtTheTopLevelIsTriagedThereNotEscalatedToItself() {
        String id = DisputesFixture.create("jiyuan-admin", DisputesFixture.walkIn("高风险县级"));
        as("jiyuan-admin").body(Map.of("category", "unpaid-wages", "risk", "high", "level", "COUNTY"))
                .post(JIYUAN_CASES + "/" + id + "/triage").then().statusCode(200)
                .body("state", equalTo("TRIAGED")).body("level", equalTo("COUNTY")).body("escalations", equalTo(0));
        List<String> steps = as("jiyuan-admin").get(JIYUAN_CASES + "/" + id + "/history").then().extract().path("action");
        assertEquals(List.of("received", "triaged"), steps);
        assertEquals(0, Database.count("select count(*) from domain_event where aggregate_id = '" + id
                + "' and type = 'disputes.case-escalated'"));
    }

    @Test
    void theJudicialWindowReminderIsSentOnce() {
        String id = DisputesFixture.assignedCase("VILLAGE", "jiyuan-mediator");
        String path = JIYUAN_CASES + "/" + id;
        DisputeSteps.agree("jiyuan-mediator", path);
        clock.advance(Duration.ofDays(24));
        as("jiyuan-admin").post(JOB).then().statusCode(200).body("processed", greaterThanOrEqualTo(1));
        as("jiyuan-admin").post(JOB).then().statusCode(200);
        assertEquals(1, Database.count("select count(*) from domain_event where aggregate_id = '" + id
                + "' and type = 'disputes.judicial-window-closing'"));
        // After the window the application is refused, naming the state.
        clock.advance(Duration.ofDays(7));
        as("jiyuan-mediator").body(Map.of("court", "济源市人民法院")).post(path + "/judicial-confirmation").then()
                .statusCode(409).body("code", equalTo("judicial-window-closed")).body("context.state", equalTo("AGREED"));
    }

    @Test
    void onlyACountyAdministratorRunsTheJob() {
        as("jiyuan-township").post(JOB).then().statusCode(403);
        as("jiyuan-mediator").post(JOB).then().statusCode(403);
    }
}
