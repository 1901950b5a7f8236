package org.wangwu.server.consultation;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wangwu.server.consultation.ConsultationFixture.BASE;
import static org.wangwu.server.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.platform.module.ModuleRegistry;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.time.PlatformClock;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Database;

/**
 * Disclosure windows: an objection upheld sends the matter back to resolution, an open objection
 * holds the window past its end, and the module's job moves on what has run out, safely twice.
 */
@QuarkusTest
class DisclosureWindowTest {

    @Inject
    PlatformClock clock;

    @Inject
    ModuleRegistry registry;

    @BeforeEach
    void seed() {
        ConsultationFixture.seed();
    }

    @AfterEach
    void restore() {
        clock.reset();
    }

    private int closeWindows() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> registry.find("consultation").orElseThrow()
                    .job("close-windows").orElseThrow().work().apply(CountyCode.of(Api.JIYUAN)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static String object(String user, String matter, String reason) {
        return as(user).body(Map.of("reason", reason)).post(BASE + "/matters/" + matter + "/objections").then()
                .statusCode(201).extract().path("id");
    }

    @Test
    void anUpheldObjectionSendsTheMatterBackAndAnOpenOneHoldsTheWindow() {
        String matter = ConsultationFixture.huashiUnderDisclosure("修缮祠堂 " + System.nanoTime());
        String objection = object("jiyuan-resident", matter, "决议未经村民会议，应重新表决。");
        as("jiyuan-cadre").body(Map.of("answer", "异议成立，重新召开村民代表会议。", "sendBack", true))
                .post(BASE + "/matters/" + matter + "/objections/" + objection + "/answer").then().statusCode(200)
                .body("step", equalTo("RESOLUTION"));
        as("jiyuan-resident2").body(Map.of("reason", "再议")).post(BASE + "/matters/" + matter + "/objections")
                .then().statusCode(409).body("code", equalTo("step-not-open"));

        ConsultationFixture.meet("jiyuan-cadre", matter, "RESOLUTION", "REPRESENTATIVES_MEETING",
                ConsultationFixture.flagged(ConsultationFixture.HUASHI, "representative"), "FOR", "重新表决通过。");
        String held = object("jiyuan-resident2", matter, "请公开预算明细。");
        clock.advance(Duration.ofDays(8));
        as("jiyuan-resident").body(Map.of("reason", "太晚了")).post(BASE + "/matters/" + matter + "/objections")
                .then().statusCode(409).body("code", equalTo("disclosure-ended"));
        closeWindows();
        assertEquals("RESOLUTION_DISCLOSURE", ConsultationFixture.step("jiyuan-cadre", matter), "an open objection holds it");
        as("jiyuan-cadre").body(Map.of("answer", "预算明细已在公开栏张贴。", "sendBack", false))
                .post(BASE + "/matters/" + matter + "/objections/" + held + "/answer").then().statusCode(200)
                .body("step", equalTo("IMPLEMENTATION"));
        assertEquals(1, Database.count("select count(*) from domain_event where type = 'consultation.matter-resolved'"
                + " and aggregate_id = '" + matter + "'"));
    }

    @Test
    void theJobMovesOnWindowsThatRanOutAndFindsNothingTheSecondTime() {
        String matter = ConsultationFixture.huashiUnderDisclosure("村道路灯 " + System.nanoTime());
        closeWindows();
        assertEquals("RESOLUTION_DISCLOSURE", ConsultationFixture.step("jiyuan-cadre", matter));
        clock.advance(Duration.ofDays(8));
        assertTrue(closeWindows() >= 1);
        assertEquals("IMPLEMENTATION", ConsultationFixture.step("jiyuan-cadre", matter));
        assertEquals(0, closeWindows());
        assertEquals(1, Database.count("select count(*) from domain_event where type = 'consultation.matter-resolved'"
                + " and aggregate_id = '" + matter + "'"));
    }
}
