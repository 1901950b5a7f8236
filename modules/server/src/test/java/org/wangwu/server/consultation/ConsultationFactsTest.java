package org.wangwu.server.consultation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wangwu.server.consultation.ConsultationFixture.DAGOUHE;
import static org.wangwu.server.consultation.ConsultationFixture.DAGOUHE_CADRE;
import static org.wangwu.server.support.Api.as;
import static org.wangwu.server.support.Api.county;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.consultation.ConsultationRecount;
import org.wangwu.platform.module.FactRecount.FactValue;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.time.PlatformClock;
import org.wangwu.server.support.Api;

/**
 * The facts recorded as matters move are the facts the module's own tables give: after opening,
 * meetings, a pass and a failure, every recorded value equals the recount, and the changes show.
 */
@QuarkusTest
class ConsultationFactsTest {

    @Inject
    TenantTransactions tx;

    @Inject
    ConsultationRecount recount;

    @Inject
    PlatformClock clock;

    @BeforeEach
    void seed() {
        ConsultationFixture.seed();
    }

    @AfterEach
    void restoreClock() {
        clock.reset();
    }

    /** Recorded facts of the module in a county, keyed fact|day|place|dimension. */
    private static <T> T await(java.util.function.Supplier<io.smallrye.mutiny.Uni<T>> work) {
        try {
            return io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, BigDecimal> recorded(String county) {
        return await(() -> tx.inCounty(CountyCode.of(county), s -> s.createNativeQuery("""
                        select fact, day, place_code, dimension, value from daily_fact where module_key = 'consultation'""",
                        Object[].class).getResultList()).map(rows -> {
                    Map<String, BigDecimal> out = new TreeMap<>();
                    rows.forEach(r -> out.put(r[0] + "|" + r[1] + "|" + r[2] + "|" + r[3], new BigDecimal(r[4].toString())
                            .stripTrailingZeros()));
                    return out;
                }));
    }

    private Map<String, BigDecimal> recounted(String county) {
        return await(() -> tx.inCounty(CountyCode.of(county), s -> recount.recount(s, CountyCode.of(county))).map(values -> {
            Map<String, BigDecimal> out = new TreeMap<>();
            for (FactValue f : values) {
                out.put(f.fact() + "|" + f.day() + "|" + f.placeCode() + "|" + f.dimension(), f.value().stripTrailingZeros());
            }
            return out;
        }));
    }

    private static Map<String, BigDecimal> uptoToday(Map<String, BigDecimal> facts) {
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        Map<String, BigDecimal> out = new TreeMap<>();
        facts.forEach((k, v) -> {
            if (k.split("\\|", -1)[1].compareTo(today) <= 0) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static BigDecimal sum(Map<String, BigDecimal> facts, String fact, String dimension) {
        return facts.entrySet().stream().filter(e -> e.getKey().startsWith(fact + "|")
                        && e.getKey().split("\\|", -1)[3].equals(dimension) && e.getKey().split("\\|", -1)[2].equals(DAGOUHE))
                .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static long openedThisMonth() {
        String month = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString().substring(0, 7);
        return as("jiyuan-admin").get(county(Api.JIYUAN) + "/modules/consultation/statistics?from=" + month + "&to=" + month)
                .then().statusCode(200).extract().jsonPath()
                .getLong("rows.find { it.place == null && it.period == null }.figures.matters-opened.value");
    }

    @Test
    void recordedFactsEqualTheRecountAndFollowTheMatters() {
        Map<String, BigDecimal> before = recorded(Api.JIYUAN);
        long openedBefore = openedThisMonth();
        String matter = ConsultationFixture.dagouheAtResolution("事实 " + System.nanoTime());
        ConsultationFixture.meet("jiyuan-township", matter, "RESOLUTION", "REPRESENTATIVES_MEETING",
                ConsultationFixture.flagged(DAGOUHE, "representative").subList(0, 4), "FOR", null);
        String dropped = ConsultationFixture.propose(DAGOUHE_CADRE, ConsultationFixture.matter(DAGOUHE, "OTHER", "不议"));
        ConsultationFixture.meet(DAGOUHE_CADRE, dropped, "PROPOSAL", "PARTY_BRANCH",
                List.of("刘一", "孙三", "周五").stream().map(n -> ConsultationFixture.residentId(DAGOUHE, n)).toList(),
                "AGAINST", null);
        Map<String, BigDecimal> after = recorded(Api.JIYUAN);

        // Days up to today: tests that move the clock forward leave facts of days that have not come yet.
        assertEquals(uptoToday(recounted(Api.JIYUAN)), uptoToday(after), "recorded facts differ from the recount");
        assertEquals(openedBefore + 2, openedThisMonth(), "the county's statistic is derived from the facts");
        assertEquals(uptoToday(recounted(Api.ANJI)), uptoToday(recorded(Api.ANJI)));
        assertEquals(BigDecimal.ONE, sum(after, "matters-opened", "COLLECTIVE_INCOME")
                .subtract(sum(before, "matters-opened", "COLLECTIVE_INCOME")));
        assertEquals(BigDecimal.ONE, sum(after, "steps-passed", "REVIEW").subtract(sum(before, "steps-passed", "REVIEW")));
        assertEquals(BigDecimal.ONE, sum(after, "matters-closed", "OTHER").subtract(sum(before, "matters-closed", "OTHER")));
        // The inquorate meeting counts its 4 of 6 representatives.
        assertEquals(new BigDecimal(4), sum(after, "attendance-present", "REPRESENTATIVES_MEETING")
                .subtract(sum(before, "attendance-present", "REPRESENTATIVES_MEETING")));
        assertEquals(new BigDecimal(6), sum(after, "attendance-expected", "REPRESENTATIVES_MEETING")
                .subtract(sum(before, "attendance-expected", "REPRESENTATIVES_MEETING")));
        List.of("PROPOSAL", "RESOLUTION").forEach(step -> org.junit.jupiter.api.Assertions.assertTrue(
                after.keySet().stream().anyMatch(k -> k.startsWith("matters-at-step|") && k.endsWith("|" + DAGOUHE + "|" + step))));
    }

    @Test
    void aMatterOpenedTodayAlsoCountsInTheLevelsOfLaterDaysAlreadyRecorded() {
        // A node whose clock runs ten days ahead opens a matter: the village's PROPOSAL level is recorded on that day.
        clock.advance(java.time.Duration.ofDays(10));
        ConsultationFixture.propose(DAGOUHE_CADRE, ConsultationFixture.matter(DAGOUHE, "OTHER", "快钟 " + System.nanoTime()));
        String ahead = clock.today().toString();
        clock.reset();
        BigDecimal before = recorded(Api.JIYUAN).get("matters-at-step|" + ahead + "|" + DAGOUHE + "|PROPOSAL");

        // Today's matter stands at PROPOSAL at the end of that later day too, and its recorded level says so.
        ConsultationFixture.propose(DAGOUHE_CADRE, ConsultationFixture.matter(DAGOUHE, "OTHER", "今天 " + System.nanoTime()));
        Map<String, BigDecimal> after = levels(recorded(Api.JIYUAN));
        assertEquals(before.add(BigDecimal.ONE), after.get("matters-at-step|" + ahead + "|" + DAGOUHE + "|PROPOSAL"));
        assertEquals(levels(recounted(Api.JIYUAN)), after, "every day's recorded level equals the recount's");
    }

    /** The village's matters-at-step levels, every day, future ones included. */
    private static Map<String, BigDecimal> levels(Map<String, BigDecimal> facts) {
        Map<String, BigDecimal> out = new TreeMap<>();
        facts.forEach((k, v) -> {
            if (k.startsWith("matters-at-step|") && k.split("\\|", -1)[2].equals(DAGOUHE)) {
                out.put(k, v);
            }
        });
        return out;
    }
}
