package org.wangwu.server.disputes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wangwu.server.disputes.DisputesFixture.JIYUAN_CASES;
import static org.wangwu.server.disputes.DisputesFixture.figure;
import static org.wangwu.server.disputes.DisputesFixture.statistics;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.platform.module.FactRecount.FactValue;
import org.wangwu.platform.module.ModuleDescriptor;
import org.wangwu.platform.module.ModuleRegistry;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Territories;

/**
 * The module's daily facts are recorded as cases move and are what its statistics read; a recount
 * from the cases gives the same facts; the demo seed fills a county with months of them.
 */
@QuarkusTest
class DisputeFactsTest {

    @Inject
    ModuleRegistry registry;

    @Inject
    TenantTransactions tx;

    @BeforeEach
    void counties() {
        DisputesFixture.twoCountiesWithDisputes();
    }

    @Test
    void aSettledCaseCountsInTheStatisticsAndTheRecountAgrees() throws Throwable {
        JsonPath before = statistics("jiyuan-admin", Api.JIYUAN);
        String id = DisputesFixture.assignedCase("VILLAGE", "jiyuan-mediator");
        DisputeSteps.agree("jiyuan-mediator", JIYUAN_CASES + "/" + id);
        JsonPath after = statistics("jiyuan-admin", Api.JIYUAN);
        assertEquals(figure(before, "cases-received") + 1, figure(after, "cases-received"));
        assertEquals(figure(before, "cases-resolved") + 1, figure(after, "cases-resolved"));
        assertTrue(figure(after, "resolved-share-village") > 0);
        // Anji's figures are its own, and Jiyuan's are not Anji's to read.
        assertEquals(figure(statistics("anji-admin", Api.ANJI), "cases-received"),
                figure(statistics("anji-admin", Api.ANJI), "cases-received"));
        as("anji-admin").get(county(Api.JIYUAN) + "/modules/disputes/statistics?from=2026-01&to=2026-12").then()
                .statusCode(403);
        assertEquals(recorded(Api.JIYUAN), recounted(Api.JIYUAN));
    }

    @Test
    void theDemoSeedFillsACountyWithMonthsOfCasesAtEveryLevel() throws Throwable {
        for (String register : List.of("townships", "villages", "groups", "households", "residents")) {
            Territories.importCsv("linzhou-admin", Api.LINZHOU, register, demoCsv(register));
        }
        as("linzhou-admin").body(Map.of("enabled", true)).put(county(Api.LINZHOU) + "/modules/disputes/status")
                .then().statusCode(200);
        VertxContextSupport.subscribeAndAwait(() -> disputes().demoSeed().seed(CountyCode.of(Api.LINZHOU)));

        JsonPath figures = statistics("linzhou-admin", Api.LINZHOU);
        assertEquals(60, figure(figures, "cases-received"));
        for (String level : List.of("village", "township", "county")) {
            assertTrue(figure(figures, "resolved-share-" + level) > 0, level + " resolved some");
        }
        assertTrue(figure(figures, "satisfaction") >= 1, "cases were followed up");
        assertTrue(figure(figures, "days-to-resolve") > 0, "days to resolve");
        List<Number> receivedByMonth = figures.getList(
                "rows.findAll { it.place == null && it.period != null }.figures.'cases-received'.value", Number.class);
        assertTrue(receivedByMonth.stream().filter(n -> n != null && n.doubleValue() > 0).count() >= 6,
                "months of cases: " + receivedByMonth);
        List<String> states = as("linzhou-admin").queryParam("limit", 200).get(county(Api.LINZHOU) + "/disputes/cases")
                .then().statusCode(200).extract().path("items.state");
        for (String state : List.of("RECEIVED", "ASSIGNED", "AGREED", "CLOSED")) {
            assertTrue(states.contains(state), state + " among " + states);
        }
        assertEquals(recorded(Api.LINZHOU), recounted(Api.LINZHOU));
        // Linzhou's figures are not Jiyuan's to read.
        as("jiyuan-admin").get(county(Api.LINZHOU) + "/modules/disputes/statistics?from=2026-01&to=2026-12").then()
                .statusCode(403);
    }

    private ModuleDescriptor disputes() {
        return registry.find("disputes").orElseThrow();
    }

    /** The facts as recorded, zeros left out (a category moved away leaves one). */
    private Map<String, BigDecimal> recorded(String code) throws Throwable {
        CountyCode county = CountyCode.of(code);
        List<Object[]> rows = VertxContextSupport.subscribeAndAwait(() -> tx.inCounty(county, s -> s.createNativeQuery(
                "select fact, to_char(day, 'YYYY-MM-DD'), place_code, dimension, value from daily_fact"
                        + " where module_key = 'disputes' and value <> 0", Object[].class).getResultList()));
        Map<String, BigDecimal> out = new TreeMap<>();
        rows.forEach(r -> out.put(r[0] + "|" + r[1] + "|" + r[2] + "|" + r[3], new BigDecimal(r[4].toString()).stripTrailingZeros()));
        return out;
    }

    private Map<String, BigDecimal> recounted(String code) throws Throwable {
        CountyCode county = CountyCode.of(code);
        List<FactValue> values = VertxContextSupport.subscribeAndAwait(() -> tx.inCounty(county,
                s -> disputes().recount().recount(s, county)));
        Map<String, BigDecimal> out = new TreeMap<>();
        values.stream().filter(v -> v.value().signum() != 0).forEach(v -> out.put(v.fact() + "|" + v.day() + "|"
                + v.placeCode() + "|" + v.dimension(), v.value().stripTrailingZeros()));
        return out;
    }

    private static String demoCsv(String register) throws IOException {
        try (InputStream in = DisputeFactsTest.class.getClassLoader()
                .getResourceAsStream("demo/" + Api.LINZHOU + "/" + register + ".csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
