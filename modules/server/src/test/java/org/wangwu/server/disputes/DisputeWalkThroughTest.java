package org.wangwu.server.disputes;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wangwu.server.disputes.DisputesFixture.ANJI_CASES;
import static org.wangwu.server.disputes.DisputesFixture.JIYUAN_CASES;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.platform.time.PlatformClock;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Database;
import org.wangwu.server.support.Territories;

/**
 * One case along its whole path, with the token of everyone who touches it: a grid worker reports,
 * the township triages, the village mediator fails, the township mediator succeeds, the court
 * confirms, the follow-up visit closes the loop; and the other county never sees it.
 */
@QuarkusTest
class DisputeWalkThroughTest {

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
    void aCaseGoesFromTheGridToClosedAndTheOtherCountyNeverSeesIt() throws Exception {
        // The grid worker reports from the field: a register resident against an outside person.
        String wang = DisputesFixture.residentId("王建国");
        String id = as("jiyuan-grid").body(Map.of(
                        "channel", "GRID", "villageCode", Territories.JIYUAN_VILLAGE, "title", "宅基地排水沟争议",
                        "facts", "王建国与外村承包人刘某因排水沟归属发生争执，双方多次口角。",
                        "parties", List.of(Map.of("role", "APPLICANT", "residentId", wang, "phone", "13812345678"),
                                Map.of("role", "RESPONDENT", "name", "刘某", "idNumber", "410102196803021238",
                                        "phone", "13912345678", "address", "济源市承留镇"))))
                .post(JIYUAN_CASES).then().statusCode(201)
                .body("state", equalTo("RECEIVED")).body("townshipCode", equalTo(Territories.JIYUAN_TOWNSHIP))
                .body("number", containsString("419001-")).extract().path("id");
        String path = JIYUAN_CASES + "/" + id;
        as("jiyuan-grid").get(path).then().statusCode(200).body("reportedBy", equalTo("jiyuan-grid"));
        as("jiyuan-grid").get(path + "/dossier").then().statusCode(403);

        // The township triages it to the village and assigns the village mediator.
        as("jiyuan-township").get(county(Api.JIYUAN) + "/disputes/workbench/oversight").then().statusCode(200)
                .body("unassigned.id", hasItem(id));
        as("jiyuan-township").body(Map.of("category", "land-homestead", "risk", "low", "level", "VILLAGE"))
                .post(path + "/triage").then().statusCode(200)
                .body("state", equalTo("TRIAGED")).body("level", equalTo("VILLAGE"));
        as("jiyuan-township").body(Map.of("mediators", List.of("jiyuan-mediator")))
                .post(path + "/assignment").then().statusCode(200)
                .body("state", equalTo("ASSIGNED"))
                .body("deadline", equalTo(LocalDate.now(PlatformClock.ZONE).plusDays(15).toString()))
                .body("mediators[0].username", equalTo("jiyuan-mediator"))
                .body("mediators[0].placeCode", equalTo(Territories.JIYUAN_VILLAGE));
        as("jiyuan-mediator").get(county(Api.JIYUAN) + "/disputes/workbench/mediator").then().statusCode(200)
                .body("mine.id", hasItem(id));

        // The parties and minutes are for the case's mediators, those above it, and the county.
        as("jiyuan-mediator").get(path + "/dossier").then().statusCode(200)
                .body("parties.find { it.name == '刘某' }.idNumber", equalTo("4101**********1238"))
                .body("parties.find { it.name == '刘某' }.phone", equalTo("139****5678"))
                .body("parties.find { it.name == '王建国' }.phone", equalTo("138****5678"));
        as("jiyuan-township-mediator").get(path + "/dossier").then().statusCode(200);
        as("jiyuan-county-mediator").get(path + "/dossier").then().statusCode(200);
        as("jiyuan-admin").get(path + "/dossier").then().statusCode(200);
        as("jiyuan-township").get(path + "/dossier").then().statusCode(403);
        as("jiyuan-cadre").get(path + "/dossier").then().statusCode(403);

        // The village mediator holds a session and fails: the case goes up to the township.
        String first = as("jiyuan-mediator").body(Map.of("scheduledAt", Instant.now().plusSeconds(3600).toString(),
                        "place", "花石村调解室", "participants", List.of("王建国", "刘某")))
                .post(path + "/sessions").then().statusCode(201).extract().path("id");
        as("jiyuan-mediator").body(Map.of("heldAt", Instant.now().toString(),
                        "participants", List.of("王建国", "刘某", "jiyuan-mediator"), "minutes", "双方各执一词，未能达成一致。"))
                .post(path + "/sessions/" + first + "/record").then().statusCode(200);
        as("jiyuan-mediator").body(Map.of("reason", "双方分歧较大，村级调解未成")).post(path + "/failure").then()
                .statusCode(200).body("state", equalTo("ESCALATED")).body("level", equalTo("TOWNSHIP"))
                .body("escalations", equalTo(1)).body("deadline", nullValue());
        as("jiyuan-mediator").get(path + "/dossier").then().statusCode(403);

        // The township assigns its own mediator, who succeeds.
        as("jiyuan-township").body(Map.of("mediators", List.of("jiyuan-township-mediator")))
                .post(path + "/assignment").then().statusCode(200)
                .body("deadline", equalTo(LocalDate.now(PlatformClock.ZONE).plusDays(30).toString()))
                .body("mediators.username", equalTo(List.of("jiyuan-township-mediator")));
        String second = as("jiyuan-township-mediator").body(Map.of("scheduledAt", Instant.now().toString(),
                        "place", "承留镇调委会", "participants", List.of("王建国", "刘某")))
                .post(path + "/sessions").then().statusCode(201).extract().path("id");
        as("jiyuan-township-mediator").body(Map.of("heldAt", Instant.now().toString(),
                        "participants", List.of("王建国", "刘某"), "minutes", "释法说理后双方同意和解。"))
                .post(path + "/sessions/" + second + "/record").then().statusCode(200);
        String terms = "一、排水沟归王建国所有；二、王建国于本月底前补偿刘某人民币500元。";
        as("jiyuan-township-mediator").body(Map.of("terms", terms)).post(path + "/agreement").then().statusCode(201)
                .body("level", equalTo("TOWNSHIP"))
                .body("text", containsString("人民调解协议书"))
                .body("text", containsString(terms))
                .body("text", containsString("申请人 王建国"))
                .body("text", containsString("30日内"))
                .body("text", not(containsString("{")));
        as("jiyuan-township-mediator").get(path + "/sessions").then().statusCode(200)
                .body("minutes", hasItem("释法说理后双方同意和解。"));

        byte[] pdf = as("jiyuan-township-mediator").accept("application/pdf").get(path + "/agreement/pdf").then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String printed = new PDFTextStripper().getText(doc).replaceAll("\\s", "");
            assertTrue(printed.contains("人民调解协议书"), printed);
            assertTrue(printed.contains("排水沟归王建国所有"), printed);
        }

        // Unmasked data: for the case's mediator, audited; never for the township official.
        String liu = as("jiyuan-township-mediator").get(path + "/dossier").then().statusCode(200)
                .extract().path("parties.find { it.name == '刘某' }.id");
        as("jiyuan-township-mediator").get(path + "/parties/" + liu + "/personal-data").then().statusCode(200)
                .body("idNumber", equalTo("410102196803021238")).body("phone", equalTo("13912345678"));
        as("jiyuan-township").get(path + "/parties/" + liu + "/personal-data").then().statusCode(403);
        assertEquals(1, Database.count("select count(*) from audit_record where action = "
                + "'disputes.party-personal-data-read' and target_id = '" + liu + "' and actor = 'jiyuan-township-mediator'"));

        // Judicial confirmation inside the window; the case cannot close while the court decides.
        as("jiyuan-township-mediator").body(Map.of("court", "济源市人民法院")).post(path + "/judicial-confirmation")
                .then().statusCode(200).body("state", equalTo("JUDICIAL_CONFIRMATION_PENDING"));
        as("jiyuan-township-mediator").body(Map.of("agreementHonoured", true, "satisfaction", 5))
                .post(path + "/follow-up").then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("illegal-transition"))
                .body("context.state", equalTo("JUDICIAL_CONFIRMATION_PENDING"));
        as("jiyuan-township-mediator").body(Map.of("confirmed", true)).post(path + "/judicial-confirmation/decision")
                .then().statusCode(200).body("state", equalTo("CONFIRMED"));

        // The follow-up visit, once due, closes the loop.
        as("jiyuan-township-mediator").body(Map.of("agreementHonoured", true, "satisfaction", 5))
                .post(path + "/follow-up").then().statusCode(409).body("code", equalTo("follow-up-not-due"));
        clock.advance(Duration.ofDays(31));
        as("jiyuan-township-mediator").get(county(Api.JIYUAN) + "/disputes/workbench/mediator").then()
                .statusCode(200).body("followUpsDue.id", hasItem(id));
        as("jiyuan-township-mediator").body(Map.of("agreementHonoured", true, "satisfaction", 6))
                .post(path + "/follow-up").then().statusCode(422);
        as("jiyuan-township-mediator").body(Map.of("agreementHonoured", true, "satisfaction", 5, "note", "款已付清"))
                .post(path + "/follow-up").then().statusCode(200)
                .body("state", equalTo("CLOSED")).body("closedAt", not(nullValue()));

        List<String> steps = as("jiyuan-admin").get(path + "/history").then().statusCode(200)
                .extract().path("action");
        assertEquals(List.of("received", "triaged", "assigned", "mediation-started", "escalated-mediation-failed",
                "assigned", "mediation-started", "agreed", "judicial-confirmation-applied", "judicially-confirmed",
                "closed"), steps);
        for (String type : List.of("received", "escalated", "resolved", "closed")) {
            assertEquals(1, Database.count("select count(*) from domain_event where aggregate_id = '" + id
                    + "' and type = 'disputes.case-" + type + "'"), type);
        }
        assertEquals(0, Database.count("select count(*) from domain_event where aggregate_id = '" + id
                + "' and payload like '%13912345678%'"));
        assertTrue(DisputesFixture.figure(DisputesFixture.statistics("jiyuan-admin", Api.JIYUAN),
                "resolved-share-township") > 0);

        // The other county: refused at its gate with Jiyuan's path, and not found under its own.
        as("anji-admin").get(path).then().statusCode(403);
        as("anji-admin").get(ANJI_CASES + "/" + id).then().statusCode(404);
        as("anji-admin").get(ANJI_CASES + "/" + id + "/dossier").then().statusCode(404);
        as("anji-mediator").get(ANJI_CASES + "/" + id + "/history").then().statusCode(404);
        as("anji-admin").get(ANJI_CASES).then().statusCode(200).body("items.id", not(hasItem(id)));
        Api.asApp("anji-disputes-app").get(ANJI_CASES + "/" + id).then().statusCode(404);
    }
}
