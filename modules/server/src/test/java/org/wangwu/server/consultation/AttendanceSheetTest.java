package org.wangwu.server.consultation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.wangwu.server.consultation.ConsultationFixture.BASE;
import static org.wangwu.server.consultation.ConsultationFixture.DAGOUHE;
import static org.wangwu.server.consultation.ConsultationFixture.DAGOUHE_CADRE;
import static org.wangwu.server.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A sign-in sheet (签到表) in CSV: people found in the register by name and household, every bad row reported, none recorded. */
@QuarkusTest
class AttendanceSheetTest {

    @BeforeEach
    void seed() {
        ConsultationFixture.seed();
    }

    private static Response sheet(String matter, String meeting, String csv) {
        return as(DAGOUHE_CADRE).contentType("text/csv; charset=UTF-8").body(csv)
                .post(BASE + "/matters/" + matter + "/meetings/" + meeting + "/attendance/sheet");
    }

    @Test
    void aSheetWithBadRowsIsReportedRowByRowAndAGoodOneIsRecorded() {
        String matter = ConsultationFixture.dagouheAtResolution("签到表 " + System.nanoTime());
        String meeting = ConsultationFixture.open(DAGOUHE_CADRE, matter, "RESOLUTION", "VILLAGERS_MEETING");
        sheet(matter, meeting, """
                name,household_number,proxy_name,proxy_household_number,vote
                刘一,0001,,,同意
                张三,0001,,,同意
                孙四,0002,,,同意
                周五,0003,,,maybe
                刘一,0001,,,反对
                吴七,0004,王十一,0006,FOR
                """).then().statusCode(422).contentType("application/problem+json")
                .body("errors.row", equalTo(java.util.List.of(2, 3, 4, 5)))
                .body("errors[0].message", containsString("张三"))
                .body("errors[1].message", containsString("孙四"))
                .body("errors[2].field", equalTo("vote"));
        as(DAGOUHE_CADRE).get(BASE + "/matters/" + matter + "/meetings").then().statusCode(200)
                .body("[-1].attendees.size()", equalTo(0));
        sheet(matter, meeting, "name,household\n刘一,0001\n").then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItem("household_number"));

        sheet(matter, meeting, """
                name,household_number,proxy_name,proxy_household_number,vote
                刘一,0001,,,同意
                孙三,0002,,,同意
                周五,0003,,,同意
                吴七,0004,王十一,0006,FOR
                郑九,0005,,,反对
                刘二,0001,,,弃权
                """).then().statusCode(200).body("attendees.size()", equalTo(6));
        ConsultationFixture.conclude(DAGOUHE_CADRE, matter, meeting, java.util.Map.of("voteMode", "PER_PERSON",
                        "minutes", "签到表导入", "resolution", "同意方案。"))
                .then().statusCode(200).body("status", equalTo("PASSED")).body("present", equalTo(7))
                .body("votesFor", equalTo(5)).body("votesAgainst", equalTo(1)).body("votesAbstain", equalTo(1));
        org.junit.jupiter.api.Assertions.assertEquals(DAGOUHE, as(DAGOUHE_CADRE).get(BASE + "/matters/" + matter)
                .then().statusCode(200).extract().path("matter.villageCode"));
    }
}
