package org.wangwu.server.support;

import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;


/** Seeds each county's register once per run, through the CSV import, as a county would. */
public final class Territories {

    public static final String JIYUAN_TOWNSHIP = "419001100";
    public static final String JIYUAN_VILLAGE = "419001100201";
    public static final String JIYUAN_OTHER_VILLAGE = "419001100202";
    public static final String ANJI_TOWNSHIP = "330523101";
    public static final String ANJI_VILLAGE = "330523101201";

    private static volatile boolean seeded;

    private Territories() {
    }

    public static synchronized void seedTwoCounties() {
        Counties.onboardDemoCounties();
        if (seeded) {
            return;
        }
        importCsv("jiyuan-admin", Api.JIYUAN, "townships", "code,name_zh,name_en\n419001100,承留镇,Chengliu\n");
        importCsv("jiyuan-admin", Api.JIYUAN, "villages", "code,township_code,name_zh,name_en,kind\n"
                + "419001100201,419001100,花石村,Huashi,村\n419001100202,419001100,南勋村,Nanxun,VILLAGE\n");
        importCsv("jiyuan-admin", Api.JIYUAN, "groups", "village_code,code,name,kind\n"
                + "419001100201,01,第一村民小组,GROUP\n419001100201,G1,花石一网格,网格\n");
        importCsv("jiyuan-admin", Api.JIYUAN, "households", "village_code,number,group_code,address\n"
                + "419001100201,0001,01,花石村1号\n419001100201,0002,01,花石村2号\n419001100202,0001,,南勋村1号\n");
        importCsv("jiyuan-admin", Api.JIYUAN, "residents",
                "village_code,household_number,name,gender,birth_date,relation,id_number,phone,representative,party_member\n"
                        + "419001100201,0001,王建国,男,1968-03-02,户主,410102196803021238,13812345678,是,是\n"
                        + "419001100201,0001,李秀英,女,1970-05-09,配偶,,,否,否\n"
                        + "419001100201,0002,张伟,MALE,1985-11-20,户主,,13987654321,true,false\n"
                        + "419001100202,0001,赵敏,FEMALE,1990-01-01,户主,,,false,false\n");
        importCsv("anji-admin", Api.ANJI, "townships", "code,name_zh,name_en\n330523101,天荒坪镇,Tianhuangping\n");
        importCsv("anji-admin", Api.ANJI, "villages", "code,township_code,name_zh,name_en\n330523101201,330523101,余村,Yucun\n");
        importCsv("anji-admin", Api.ANJI, "households", "village_code,number\n330523101201,0001\n");
        importCsv("anji-admin", Api.ANJI, "residents", "village_code,household_number,name,gender\n"
                + "330523101201,0001,潘春林,男\n");
        seeded = true;
    }

    public static io.restassured.response.Response importCsv(String user, String countyCode, String register, String csv) {
        io.restassured.response.Response response = as(user).contentType("text/csv; charset=UTF-8").body(csv)
                .post(county(countyCode) + "/territory/imports/" + register);
        if (response.statusCode() != 200 && !seeded) {
            throw new IllegalStateException("Import of " + register + " failed: " + response.asString());
        }
        return response;
    }

}
