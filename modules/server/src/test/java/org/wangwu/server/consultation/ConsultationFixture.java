package org.wangwu.server.consultation;

import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Territories;

/**
 * What the consultation tests set up through the API, once per run: the module on in both counties,
 * Huashi's bodies and logins, and Dagouhe (大沟河村), a village of exactly known size for quorum:
 * 12 residents in 6 households, 10 of them adults, 6 representatives, 4 party members.
 */
public final class ConsultationFixture {

    static final String BASE = county(Api.JIYUAN) + "/consultation";
    static final String PUBLIC = "/api/v1/public/counties/" + Api.JIYUAN + "/consultation";
    static final String HUASHI = Territories.JIYUAN_VILLAGE;
    static final String DAGOUHE = "419001100203";
    static final String DAGOUHE_CADRE = "jiyuan-cadre-dagouhe";

    private static boolean seeded;

    private ConsultationFixture() {
    }

    public static synchronized void seed() {
        Territories.seedTwoCounties();
        if (seeded) {
            return;
        }
        for (String[] c : new String[][] {{"jiyuan-admin", Api.JIYUAN}, {"anji-admin", Api.ANJI}}) {
            as(c[0]).body(Map.of("enabled", true)).put(county(c[1]) + "/modules/consultation/status").then().statusCode(200);
        }
        resetSettings();
        // Huashi: a supervision committee member with a login, in 王建国's household.
        Territories.importCsv("jiyuan-admin", Api.JIYUAN, "residents",
                "village_code,household_number,name,gender,birth_date,relation,representative,party_member\n"
                        + HUASHI + ",0001,陈秀梅,FEMALE,1975-06-01,儿媳,false,false\n").then().statusCode(200);
        link("jiyuan-resident", HUASHI, "王建国");
        link("jiyuan-resident2", HUASHI, "张伟");
        link("jiyuan-supervisor", HUASHI, "陈秀梅");
        seat("jiyuan-cadre", HUASHI, "PARTY_BRANCH", "王建国", "书记");
        seat("jiyuan-cadre", HUASHI, "PARTY_BRANCH", "张伟", "委员");
        seat("jiyuan-cadre", HUASHI, "TWO_COMMITTEES", "王建国", "书记、主任");
        seat("jiyuan-cadre", HUASHI, "TWO_COMMITTEES", "张伟", "委员");
        seat("jiyuan-cadre", HUASHI, "TWO_COMMITTEES", "李秀英", "委员");
        seat("jiyuan-cadre", HUASHI, "SUPERVISION_COMMITTEE", "陈秀梅", "主任");

        Territories.importCsv("jiyuan-admin", Api.JIYUAN, "villages", "code,township_code,name_zh,name_en\n"
                + DAGOUHE + ",419001100,大沟河村,Dagouhe\n").then().statusCode(200);
        StringBuilder households = new StringBuilder("village_code,number\n");
        for (int h = 1; h <= 6; h++) {
            households.append(DAGOUHE).append(",000").append(h).append('\n');
        }
        Territories.importCsv("jiyuan-admin", Api.JIYUAN, "households", households.toString()).then().statusCode(200);
        Territories.importCsv("jiyuan-admin", Api.JIYUAN, "residents",
                "village_code,household_number,name,gender,birth_date,relation,representative,party_member\n"
                        + DAGOUHE + ",0001,刘一,MALE,1960-01-01,户主,true,true\n"
                        + DAGOUHE + ",0001,刘二,FEMALE,1962-01-01,配偶,true,false\n"
                        + DAGOUHE + ",0002,孙三,MALE,1970-01-01,户主,true,true\n"
                        + DAGOUHE + ",0002,孙四,MALE,2016-01-01,子女,false,false\n"
                        + DAGOUHE + ",0003,周五,MALE,1975-01-01,户主,true,true\n"
                        + DAGOUHE + ",0003,周六,FEMALE,1978-01-01,配偶,false,false\n"
                        + DAGOUHE + ",0004,吴七,MALE,1980-01-01,户主,true,false\n"
                        + DAGOUHE + ",0004,吴八,FEMALE,1982-01-01,配偶,false,false\n"
                        + DAGOUHE + ",0005,郑九,MALE,1985-01-01,户主,true,true\n"
                        + DAGOUHE + ",0005,郑十,FEMALE,1990-01-01,配偶,false,false\n"
                        + DAGOUHE + ",0006,王十一,MALE,1995-01-01,户主,false,false\n"
                        + DAGOUHE + ",0006,王十二,FEMALE,2018-01-01,子女,false,false\n").then().statusCode(200);
        for (String name : List.of("刘一", "孙三", "周五")) {
            seat(DAGOUHE_CADRE, DAGOUHE, "PARTY_BRANCH", name, "委员");
        }
        for (String name : List.of("刘一", "孙三", "周五", "吴七", "郑九")) {
            seat(DAGOUHE_CADRE, DAGOUHE, "TWO_COMMITTEES", name, "委员");
        }
        seeded = true;
    }

    /** The county's own values for the module ({@code {}}: every default, i.e. the law's thresholds). */
    static void settings(Map<String, Object> values) {
        for (int attempt = 0; attempt < 3; attempt++) {
            int revision = as("jiyuan-admin").get(county(Api.JIYUAN) + "/modules/consultation/settings").then()
                    .statusCode(200).extract().path("revision");
            Response r = as("jiyuan-admin").body(Map.of("revision", revision, "values", values))
                    .put(county(Api.JIYUAN) + "/modules/consultation/settings");
            if (r.statusCode() == 200) {
                return;
            }
            if (r.statusCode() != 409) {
                throw new IllegalStateException("Settings refused: " + r.asString());
            }
        }
        throw new IllegalStateException("Settings kept changing underneath");
    }

    static void resetSettings() {
        settings(Map.of());
    }

    static String residentId(String village, String name) {
        return as("jiyuan-admin").queryParam("limit", 200).get(county(Api.JIYUAN) + "/territory/villages/" + village
                + "/residents").then().statusCode(200).extract().path("items.find { it.name == '" + name + "' }.id");
    }

    /** The ids of the village's residents with a register flag set ({@code representative}, {@code partyMember}). */
    static List<String> flagged(String village, String flag) {
        return as("jiyuan-admin").queryParam("limit", 200).get(county(Api.JIYUAN) + "/territory/villages/" + village
                + "/residents").then().statusCode(200).extract().path("items.findAll { it." + flag + " }.id");
    }

    private static void link(String username, String village, String name) {
        String linked = as("jiyuan-admin").queryParam("limit", 200).get(county(Api.JIYUAN) + "/territory/villages/"
                + village + "/residents").then().statusCode(200)
                .extract().path("items.find { it.accountUsername == '" + username + "' }.id");
        if (linked == null) {
            as("jiyuan-admin").body(Map.of("username", username))
                    .put(county(Api.JIYUAN) + "/territory/residents/" + residentId(village, name) + "/account")
                    .then().statusCode(200);
        }
    }

    static void seat(String cadre, String village, String body, String name, String position) {
        as(cadre).body(Map.of("position", position)).put(BASE + "/villages/" + village + "/bodies/" + body + "/members/"
                + residentId(village, name)).then().statusCode(200);
    }

    static Map<String, Object> matter(String village, String category, String title) {
        Map<String, Object> m = new HashMap<>();
        m.put("villageCode", village);
        m.put("category", category);
        m.put("title", title);
        m.put("description", "事项说明：" + title);
        return m;
    }

    static String propose(String cadre, Map<String, Object> body) {
        return as(cadre).body(body).post(BASE + "/matters").then().statusCode(201).extract().path("id");
    }

    static String open(String user, String matter, String step, String body) {
        return as(user).body(Map.of("step", step, "body", body, "heldOn", LocalDate.now().minusDays(1).toString()))
                .post(BASE + "/matters/" + matter + "/meetings").then().statusCode(201).extract().path("id");
    }

    /** Attendees with a vote each ({@code null} vote: none). */
    static List<Map<String, Object>> voting(List<String> residentIds, String vote) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String id : residentIds) {
            Map<String, Object> a = new HashMap<>();
            a.put("residentId", id);
            if (vote != null) {
                a.put("vote", vote);
            }
            out.add(a);
        }
        return out;
    }

    static Response attend(String user, String matter, String meeting, List<Map<String, Object>> attendees) {
        return as(user).body(Map.of("attendees", attendees))
                .put(BASE + "/matters/" + matter + "/meetings/" + meeting + "/attendance");
    }

    static Response conclude(String user, String matter, String meeting, Map<String, Object> conclusion) {
        return as(user).body(conclusion).post(BASE + "/matters/" + matter + "/meetings/" + meeting + "/conclusion");
    }

    static Map<String, Object> perPerson(String minutes) {
        Map<String, Object> c = new HashMap<>();
        c.put("voteMode", "PER_PERSON");
        c.put("minutes", minutes);
        return c;
    }

    /** One whole meeting: convened, everyone listed voting as given, concluded; returns the meeting's status. */
    static String meet(String user, String matter, String step, String body, List<String> present, String vote,
                       String resolution) {
        String meeting = open(user, matter, step, body);
        attend(user, matter, meeting, voting(present, vote)).then().statusCode(200);
        Map<String, Object> c = perPerson(step + " 会议纪要");
        if (resolution != null) {
            c.put("resolution", resolution);
        }
        return conclude(user, matter, meeting, c).then().statusCode(200).extract().path("status");
    }

    static String step(String user, String matter) {
        return as(user).get(BASE + "/matters/" + matter).then().statusCode(200).extract().path("matter.step");
    }

    /** A Huashi matter whose resolution a representatives' meeting of everyone adopted: now under disclosure. */
    public static String huashiUnderDisclosure(String title) {
        String id = propose("jiyuan-cadre", matter(HUASHI, "PUBLIC_WORKS", title));
        List<String> branch = List.of(residentId(HUASHI, "王建国"), residentId(HUASHI, "张伟"));
        meet("jiyuan-cadre", id, "PROPOSAL", "PARTY_BRANCH", branch, "FOR", null);
        List<String> committees = new ArrayList<>(branch);
        committees.add(residentId(HUASHI, "李秀英"));
        meet("jiyuan-cadre", id, "DELIBERATION", "TWO_COMMITTEES", committees, "FOR", null);
        meet("jiyuan-cadre", id, "REVIEW", "PARTY_MEMBERS", flagged(HUASHI, "partyMember"), "FOR", null);
        meet("jiyuan-cadre", id, "RESOLUTION", "REPRESENTATIVES_MEETING", flagged(HUASHI, "representative"), "FOR",
                "同意" + title);
        return id;
    }

    /** A Huashi matter just proposed: its proposal meeting (the party branch's) not yet convened. */
    public static String huashiProposed(String title) {
        return propose("jiyuan-cadre", matter(HUASHI, "PUBLIC_WORKS", title));
    }

    /** A Dagouhe matter taken through proposal, deliberation and review, now awaiting resolution. */
    static String dagouheAtResolution(String title) {
        String id = propose(DAGOUHE_CADRE, matter(DAGOUHE, "COLLECTIVE_INCOME", title));
        List<String> branch = List.of(residentId(DAGOUHE, "刘一"), residentId(DAGOUHE, "孙三"), residentId(DAGOUHE, "周五"));
        meet(DAGOUHE_CADRE, id, "PROPOSAL", "PARTY_BRANCH", branch, "FOR", null);
        List<String> committees = new ArrayList<>(branch);
        committees.add(residentId(DAGOUHE, "吴七"));
        committees.add(residentId(DAGOUHE, "郑九"));
        meet(DAGOUHE_CADRE, id, "DELIBERATION", "TWO_COMMITTEES", committees, "FOR", null);
        meet(DAGOUHE_CADRE, id, "REVIEW", "PARTY_MEMBERS", flagged(DAGOUHE, "partyMember"), "FOR", null);
        return id;
    }
}
