package org.wangwu.server.operability;

import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;
import static org.wangwu.server.support.CreatedRecords.followed;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.wangwu.server.consultation.ConsultationFixture;
import org.wangwu.server.customs.CustomsFixture;
import org.wangwu.server.disputes.DisputesFixture;
import org.wangwu.server.points.PointsFixture;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Territories;

/**
 * Every create's {@code Location} names a record a client can read: followed with the creator's token it answers
 * 200 with the same id, and another county's staff get 403 there and 404 for the id under their own county.
 * (Objections, implementation updates, supervision opinions, evaluations and award objections, which need a
 * record far along its life, are followed in the walk-through tests that get them there.)
 */
@QuarkusTest
class CreatedLocationsTest {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes();

    @Test
    void theRegisterOfPeopleAndPlaces() {
        Territories.seedTwoCounties();
        String l = county(Api.LINZHOU) + "/territory";
        String township = Api.LINZHOU + (700 + ThreadLocalRandom.current().nextInt(300));
        String village = township + "201";
        followed(as("linzhou-admin").body(Map.of("code", township, "nameZh", "测试镇"))
                .post(l + "/townships"), "linzhou-admin", "anji-admin");
        followed(as("linzhou-admin").body(Map.of("code", village, "townshipCode", township, "nameZh", "测试村"))
                .post(l + "/villages"), "linzhou-admin", "anji-admin");
        followed(as("linzhou-admin").body(Map.of("villageCode", village, "code", "01", "name", "第一村民小组"))
                .post(l + "/groups"), "linzhou-admin", "anji-admin");
        followed(as("linzhou-admin").body(Map.of("villageCode", village, "number", "0001", "groupCode", "01"))
                .post(l + "/households"), "linzhou-admin", "anji-admin");
        followed(as("linzhou-admin").body(Map.of("villageCode", village, "householdNumber", "0001", "name", "测试",
                "gender", "MALE")).post(l + "/residents"), "linzhou-admin", "anji-admin");
    }

    @Test
    void aWebhookSubscription() {
        Territories.seedTwoCounties();
        followed(as("jiyuan-admin").body(Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", List.of("*")))
                .post(county(Api.JIYUAN) + "/webhooks"), "jiyuan-admin", "anji-admin");
    }

    @Test
    void aLoveSupermarketItsGoodsARedemptionAndALedgerCorrection() {
        PointsFixture.seed(0);
        String points = county(Api.JIYUAN) + "/points";
        String market = followed(as("jiyuan-cadre").body(Map.of("name", "花石村爱心超市 " + UUID.randomUUID().toString()
                        .substring(0, 4), "placeCode", Territories.JIYUAN_VILLAGE, "clerks", List.of("jiyuan-clerk")))
                .post(points + "/supermarkets"), "jiyuan-cadre", "anji-admin");
        String soap = followed(as("jiyuan-cadre").body(Map.of("name", "肥皂", "pricePoints", 2, "stock", 10))
                .post(points + "/supermarkets/" + market + "/goods"), "jiyuan-cadre", "anji-admin");
        String household = PointsFixture.freshHousehold(Territories.JIYUAN_VILLAGE);
        String account = PointsFixture.record("jiyuan-cadre", "RECORD-DIRECT", household).then().statusCode(201)
                .extract().path("accountId");
        followed(as("jiyuan-clerk").header("Idempotency-Key", PointsFixture.key())
                .body(Map.of("accountId", account, "goodsId", soap, "quantity", 1))
                .post(points + "/supermarkets/" + market + "/redemptions"), "jiyuan-clerk", "anji-clerk");
        String award = as("jiyuan-cadre").get(points + "/accounts/" + account + "/statement").then().statusCode(200)
                .extract().path("items.find { it.kind == 'AWARD' }.id");
        followed(as("jiyuan-cadre").header("Idempotency-Key", PointsFixture.key()).body(Map.of("reason", "记错了户"))
                .post(points + "/accounts/" + account + "/entries/" + award + "/reversal"), "jiyuan-cadre", "anji-admin");
    }

    @Test
    void aMediationSessionAndEvidence() {
        DisputesFixture.twoCountiesWithDisputes();
        String path = county(Api.JIYUAN) + "/disputes/cases/" + DisputesFixture.assignedCase("VILLAGE", "jiyuan-mediator");
        followed(as("jiyuan-mediator").body(Map.of("scheduledAt", Instant.now().toString(), "place", "调解室"))
                .post(path + "/sessions"), "jiyuan-mediator", "anji-mediator");
        followed(as("jiyuan-mediator").contentType("multipart/form-data").multiPart("file", "photo.pdf", PDF,
                "application/pdf").post(path + "/attachments"), "jiyuan-mediator", "anji-mediator");
    }

    @Test
    void aSuggestionAMatterAMeetingAndTheirFiles() {
        ConsultationFixture.seed();
        String base = county(Api.JIYUAN) + "/consultation";
        String suggestion = followed(as("jiyuan-resident").body(Map.of("villageCode", Territories.JIYUAN_VILLAGE,
                "category", "PUBLIC_WORKS", "text", "建议在村口装路灯。")).post(base + "/suggestions"),
                "jiyuan-resident", "anji-resident");
        followed(as("jiyuan-resident").contentType("multipart/form-data").multiPart("file", "photo.pdf", PDF,
                "application/pdf").post(base + "/suggestions/" + suggestion + "/attachments"),
                "jiyuan-resident", "anji-resident");
        Map<String, Object> matter = new HashMap<>();
        matter.put("villageCode", Territories.JIYUAN_VILLAGE);
        matter.put("category", "PUBLIC_WORKS");
        matter.put("title", "村口路灯");
        matter.put("description", "事项说明：村口路灯");
        String id = followed(as("jiyuan-cadre").body(matter).post(base + "/matters"), "jiyuan-cadre", "anji-cadre");
        String meeting = followed(as("jiyuan-cadre").body(Map.of("step", "PROPOSAL", "body", "PARTY_BRANCH",
                        "heldOn", LocalDate.now().minusDays(1).toString())).post(base + "/matters/" + id + "/meetings"),
                "jiyuan-cadre", "anji-cadre");
        followed(as("jiyuan-cadre").contentType("multipart/form-data").multiPart("file", "sheet.pdf", PDF,
                "application/pdf").post(base + "/matters/" + id + "/meetings/" + meeting + "/attachments"),
                "jiyuan-cadre", "anji-cadre");
    }

    @Test
    void aCouncilMemberACovenantVersionAPledgeACommendation() {
        CustomsFixture.seed();
        String base = CustomsFixture.base(Api.JIYUAN);
        String village = base + "/villages/" + Territories.JIYUAN_VILLAGE;
        followed(as("jiyuan-cadre").body(Map.of("username", "jiyuan-grid", "name", "网格员", "role", "MEMBER"))
                .post(village + "/council"), "jiyuan-cadre", "anji-cadre");
        // A covenant version where no consultation runs (Linzhou): where one does, it names its matter.
        Territories.importCsv("linzhou-admin", Api.LINZHOU, "townships", "code,name_zh,name_en\n410581100,任村镇,Rencun\n");
        Territories.importCsv("linzhou-admin", Api.LINZHOU, "villages", "code,township_code,name_zh,name_en\n"
                + "410581100201,410581100,桃园村,Taoyuan\n");
        CustomsFixture.enable("linzhou-admin", Api.LINZHOU, "customs");
        String linzhou = CustomsFixture.base(Api.LINZHOU);
        String version = followed(as("linzhou-admin").body(Map.of("title", "桃园村村规民约（修订）",
                        "body", "为推进移风易俗，树立文明新风，制定本村规民约。", "rules", List.of("婚事新办")))
                .post(linzhou + "/villages/410581100201/covenant-versions"), "linzhou-admin", "anji-admin");
        followed(as("linzhou-admin").contentType("multipart/form-data").multiPart("file", "covenant.pdf", PDF,
                "application/pdf").post(linzhou + "/covenant-versions/" + version + "/attachments"),
                "linzhou-admin", "anji-admin");
        String household = CustomsFixture.household("jiyuan-admin", Api.JIYUAN, Territories.JIYUAN_VILLAGE, "钱进");
        followed(as("jiyuan-cadre").contentType("multipart/form-data").multiPart("householdId", household)
                .multiPart("file", "page.pdf", PDF, "application/pdf").post(base + "/pledges"),
                "jiyuan-cadre", "anji-cadre");
        followed(as("jiyuan-cadre").body(Map.of("householdId", household, "reason", "孝老爱亲"))
                .post(base + "/list-entries/commendations"), "jiyuan-cadre", "anji-cadre");
    }
}
