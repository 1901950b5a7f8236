package org.wangwu.server.consultation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wangwu.server.consultation.ConsultationFixture.DAGOUHE;
import static org.wangwu.server.consultation.ConsultationFixture.DAGOUHE_CADRE;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.consultation.ConsultationRecount;
import org.wangwu.platform.module.FactRecount.FactValue;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
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

    @BeforeEach
    void seed() {
        ConsultationFixture.seed();
    }

    /** Recorded facts of the module in a county, keyed fact|day|place|dimension. */
    private Map<String, BigDecimal> recorded(String county) {
        return tx.inCounty(CountyCode.of(county), s -> s.createNativeQuery("""
                        select fact, day, place_code, dimension, value from daily_fact where module_key = 'consultation'""",
                        Object[].class).getResultList()).map(rows -> {
                    Map<String, BigDecimal> out = new TreeMap<>();
                    rows.forEach(r -> out.put(r[0] + "|" + r[1] + "|" + r[2] + "|" + r[3], new BigDecimal(r[4].toString())
                            .stripTrailingZeros()));
                    return out;
                }).await().indefinitely();
    }

    private Map<String, BigDecimal> recounted(String county) {
        return tx.inCounty(CountyCode.of(county), s -> recount.recount(s, CountyCode.of(county))).map(values -> {
            Map<String, BigDecimal> out = new TreeMap<>();
            for (FactValue f : values) {
                out.put(f.fact() + "|" + f.day() + "|" + f.placeCode() + "|" + f.dimension(), f.value().stripTrailingZeros());
            }
            return out;
        }).await().indefinitely();
    }

    private static BigDecimal sum(Map<String, BigDecimal> facts, String fact, String dimension) {
        return facts.entrySet().stream().filter(e -> e.getKey().startsWith(fact + "|")
                        && e.getKey().split("\\|", -1)[3].equals(dimension) && e.getKey().split("\\|", -1)[2].equals(DAGOUHE))
                .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void recordedFactsEqualTheRecountAndFollowTheMatters() {
        Map<String, BigDecimal> before = recorded(Api.JIYUAN);
        String matter = ConsultationFixture.dagouheAtResolution("事实 " + System.nanoTime());
        ConsultationFixture.meet("jiyuan-township", matter, "RESOLUTION", "REPRESENTATIVES_MEETING",
                ConsultationFixture.flagged(DAGOUHE, "representative").subList(0, 4), "FOR", null);
        String dropped = ConsultationFixture.propose(DAGOUHE_CADRE, ConsultationFixture.matter(DAGOUHE, "OTHER", "不议"));
        ConsultationFixture.meet(DAGOUHE_CADRE, dropped, "PROPOSAL", "PARTY_BRANCH",
                ConsultationFixture.flagged(DAGOUHE, "partyMember").subList(0, 3), "AGAINST", null);
        Map<String, BigDecimal> after = recorded(Api.JIYUAN);

        assertEquals(recounted(Api.JIYUAN), after, "recorded facts differ from the recount");
        assertEquals(recounted(Api.ANJI), recorded(Api.ANJI));
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
}
