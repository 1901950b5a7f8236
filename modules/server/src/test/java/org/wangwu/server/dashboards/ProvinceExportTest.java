package org.wangwu.server.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wangwu.server.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Territories;

/** The overview and each drill-down download as CSV and XLSX with Chinese headers, suppressed as published. */
@QuarkusTest
class ProvinceExportTest {

    static final List<String> HEADERS = List.of("模块", "指标", "单位", "地区代码", "地区", "月份", "数值");

    private static boolean seeded;

    @AfterAll
    static void undoFacts() {
        Facts.undo();
        seeded = false;
    }

    /**
     * Seeded before the first test rather than in a {@code @BeforeAll}: Quarkus points RestAssured at the test
     * port before each test, so a class run first with its own port would seed against the wrong one.
     */
    @BeforeEach
    void seed() {
        Territories.seedTwoCounties();
        if (seeded) {
            return;
        }
        seeded = true;
        Facts.flow(Api.JIYUAN, "notices-posted", "2025-09-03", Territories.JIYUAN_VILLAGE, "", 30);
        Facts.flow(Api.LINZHOU, "notices-posted", "2025-09-04", "", "", 3);
    }

    @Test
    void theOverviewAndEachDrillDownDownloadAsCsvAndXlsx() {
        for (String path : List.of("/api/v1/provinces/41/overview/export", "/api/v1/provinces/41/counties/" + Api.JIYUAN
                + "/export", "/api/v1/provinces/41/counties/" + Api.JIYUAN + "/townships/" + Territories.JIYUAN_TOWNSHIP + "/export")) {
            Response csv = as("henan-viewer").get(path + "?format=csv&from=2025-09&to=2025-09");
            csv.then().statusCode(200).contentType("text/csv");
            String text = new String(csv.asByteArray(), StandardCharsets.UTF_8).replace("\uFEFF", "");
            assertTrue(text.startsWith(String.join(",", HEADERS)), text);
            Response xlsx = as("henan-viewer").get(path + "?format=xlsx&from=2025-09&to=2025-09");
            xlsx.then().statusCode(200).contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            List<List<String>> rows = Exports.xlsxRows(xlsx.asByteArray());
            assertEquals(HEADERS, rows.get(0));
            assertEquals(text.strip().split("\r?\n").length, rows.size(), "the same lines in both");
        }
        String overview = as("henan-viewer").get("/api/v1/provinces/41/overview/export?format=csv&from=2025-09&to=2025-09")
                .asString();
        assertTrue(overview.contains("村务公告栏,发布公告数,notices,410581,林州市,2025-09,<5"), overview);
        assertTrue(overview.contains("村务公告栏,发布公告数,notices,419001,济源市,2025-09,x"), overview);
        assertTrue(overview.contains("村务公告栏,发布公告数,notices,,河南省合计,2025-09,33"), overview);
    }
}
