package org.wangwu.server.territory;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Database;
import org.wangwu.server.support.Territories;

/** The county's register of people and places: CSV import, masking, audited unmasking, reach. */
@QuarkusTest
class RegisterTest {

    private static final String VILLAGE = Territories.JIYUAN_VILLAGE;

    @BeforeEach
    void seed() {
        Territories.seedTwoCounties();
    }

    @Test
    void aFileWithBadRowsNamesEachAndChangesNothing() {
        long before = Database.count("select count(*) from household");
        Territories.importCsv("jiyuan-admin", Api.JIYUAN, "households", "village_code,number,group_code\n"
                        + "419001100201,0101,01\n"
                        + "419001100299,0102,\n"
                        + "419001100201,0001,\n"
                        + "419001100201,0103,99\n"
                        + "419001100201,0101,\n")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors", hasSize(4))
                .body("errors.row", equalTo(List.of(2, 3, 4, 5)))
                .body("errors.field", equalTo(List.of("village_code", "number", "group_code", "number")));
        org.junit.jupiter.api.Assertions.assertEquals(before, Database.count("select count(*) from household"));
    }

    @Test
    void aHeaderThatDoesNotFitIsRefused() {
        Territories.importCsv("jiyuan-admin", Api.JIYUAN, "villages", "code,name_zh,colour\n419001100203,x,red\n")
                .then().statusCode(422).body("errors.field", hasItem("township_code")).body("errors.field", hasItem("colour"));
    }

    @Test
    void idNumbersAndPhonesAreMaskedInEveryResponseAndEncryptedAtRest() {
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/territory/villages/" + VILLAGE + "/residents").then()
                .statusCode(200)
                .body("items.find { it.name == '王建国' }.idNumber", equalTo("4101**********1238"))
                .body("items.find { it.name == '王建国' }.phone", equalTo("138****5678"))
                .body("items.find { it.name == '李秀英' }.idNumber", nullValue());
        org.junit.jupiter.api.Assertions.assertEquals(0, Database.count(
                "select count(*) from resident where id_number_cipher like '%410102196803021238%' "
                        + "or phone_cipher like '%13812345678%'"));
        org.junit.jupiter.api.Assertions.assertEquals(1, Database.count(
                "select count(*) from resident where name = '王建国' and id_number_cipher is not null"));
    }

    @Test
    void anUnmaskedReadIsForAdministratorsAndAudited() {
        String id = residentId("王建国");
        long readsBefore = Database.count("select count(*) from audit_record where action = 'resident.personal-data-read'"
                + " and target_id = '" + id + "'");
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/territory/residents/" + id + "/personal-data").then()
                .statusCode(200).body("idNumber", equalTo("410102196803021238")).body("phone", equalTo("13812345678"));
        as("jiyuan-admin").queryParam("action", "resident.personal-data-read").queryParam("targetId", id)
                .get(county(Api.JIYUAN) + "/audit/records").then().statusCode(200)
                .body("items", hasSize((int) readsBefore + 1)).body("items[0].actor", equalTo("jiyuan-admin"));
        as("jiyuan-cadre").get(county(Api.JIYUAN) + "/territory/residents/" + id + "/personal-data").then()
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aVillageCadreSeesOnlyTheirOwnVillage() {
        as("jiyuan-cadre").get(county(Api.JIYUAN) + "/territory/villages").then().statusCode(200)
                .body("code", equalTo(List.of(VILLAGE)));
        as("jiyuan-cadre").get(county(Api.JIYUAN) + "/territory/villages/" + VILLAGE + "/residents").then()
                .statusCode(200).body("items.name", hasItem("张伟"));
        as("jiyuan-cadre").get(county(Api.JIYUAN) + "/territory/villages/" + Territories.JIYUAN_OTHER_VILLAGE
                + "/residents").then().statusCode(403);
        as("jiyuan-township").get(county(Api.JIYUAN) + "/territory/villages").then().statusCode(200)
                .body("code", hasItem(Territories.JIYUAN_OTHER_VILLAGE));
        as("jiyuan-resident").get(county(Api.JIYUAN) + "/territory/villages").then().statusCode(403);
    }

    @Test
    void residentsPageByCursorAndFilterRepresentatives() {
        String next = as("jiyuan-admin").queryParam("limit", 1)
                .get(county(Api.JIYUAN) + "/territory/villages/" + VILLAGE + "/residents").then().statusCode(200)
                .body("items", hasSize(1)).extract().path("nextCursor");
        as("jiyuan-admin").queryParam("limit", 1).queryParam("cursor", next)
                .get(county(Api.JIYUAN) + "/territory/villages/" + VILLAGE + "/residents").then().statusCode(200)
                .body("items", hasSize(1));
        as("jiyuan-admin").queryParam("representative", true)
                .get(county(Api.JIYUAN) + "/territory/villages/" + VILLAGE + "/residents").then().statusCode(200)
                .body("items.representative", everyItem(equalTo(true))).body("items.name", not(hasItem("李秀英")));
    }

    @Test
    void aResidentAddedThroughTheApiPassesTheSameChecksAsAFileRow() {
        as("jiyuan-admin").body(Map.of("villageCode", VILLAGE, "householdNumber", "0002", "name", "张小明",
                        "gender", "MALE", "idNumber", "410102196803021237"))
                .post(county(Api.JIYUAN) + "/territory/residents").then().statusCode(422)
                .body("errors[0].field", equalTo("id_number")).body("errors[0].row", nullValue());
        as("jiyuan-admin").body(Map.of("villageCode", VILLAGE, "householdNumber", "0002", "name", "张小明",
                        "gender", "MALE", "phone", "13700001111", "relation", "子女"))
                .post(county(Api.JIYUAN) + "/territory/residents").then().statusCode(201).body("created", equalTo(1));
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/territory/villages/" + VILLAGE + "/groups").then()
                .statusCode(200).body("kind", hasItem("GRID"));
        as("jiyuan-admin").get(county(Api.JIYUAN) + "/territory/villages/" + VILLAGE + "/households").then()
                .statusCode(200).body("items.address", hasItem(containsString("花石村")));
    }

    private static String residentId(String name) {
        return as("jiyuan-admin").get(county(Api.JIYUAN) + "/territory/villages/" + VILLAGE + "/residents").then()
                .extract().path("items.find { it.name == '" + name + "' }.id");
    }
}
