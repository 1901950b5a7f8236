package org.wangwu.disputes.statistics;

import io.smallrye.mutiny.Uni;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.module.FactRecount.FactValue;
import org.wangwu.platform.tenancy.CountyCode;

/**
 * The daily facts the module records as cases move (place: the case's village), and how they are
 * recounted from the cases and their paths. Each fact below is counted where its step is recorded.
 */
public final class DisputeFacts {

    /** Cases taken in, by channel, on the day received. */
    public static final String RECEIVED = "cases-received";
    /** Cases taken in, by category (none until triage decides it), on the day received. */
    public static final String RECEIVED_BY_CATEGORY = "cases-received-by-category";
    /** Agreements reached, by the level that reached them. */
    public static final String RESOLVED = "cases-resolved";
    /** Days from intake to agreement, summed, by level; over {@link #RESOLVED} it is the average. */
    public static final String DAYS_TO_RESOLVE = "days-to-resolve";
    /** Cases marked overdue, by the level they were at. */
    public static final String OVERDUE = "cases-overdue";
    /** Moves up a level, by reason (mediation-failed, overdue, high-risk). */
    public static final String ESCALATED = "cases-escalated";
    /** Cases referred out, by where to (ARBITRATION, LITIGATION, ADMINISTRATIVE). */
    public static final String REFERRED_OUT = "cases-referred-out";
    /** Follow-up visits, by outcome (closed, reopened). */
    public static final String FOLLOW_UPS = "follow-ups";
    /** The parties' satisfaction at follow-up visits, summed; over {@link #FOLLOW_UPS} it is the average. */
    public static final String SATISFACTION_SUM = "satisfaction-sum";

    private static final String DAY = "to_char(timezone('Asia/Shanghai', %s), 'YYYY-MM-DD')";

    private DisputeFacts() {
    }

    /** Every fact recomputed from the county's cases and their steps (RLS keeps it to the county). */
    public static Uni<List<FactValue>> recount(Mutiny.Session session, CountyCode county) {
        String steps = "from dispute_case_step s join dispute_case c on c.tenant_id = s.tenant_id and c.id = s.case_id"
                + " where s.tenant_id = :county and ";
        String stepDay = DAY.formatted("s.occurred_at");
        List<Query> queries = List.of(
                new Query(RECEIVED, "select " + DAY.formatted("received_at") + ", village_code, channel, count(*)"
                        + " from dispute_case where tenant_id = :county group by 1, 2, 3"),
                new Query(RECEIVED_BY_CATEGORY, "select " + DAY.formatted("received_at")
                        + ", village_code, coalesce(category, ''), count(*) from dispute_case where tenant_id = :county"
                        + " group by 1, 2, 3"),
                new Query(RESOLVED, "select " + stepDay + ", c.village_code, s.level, count(*) " + steps
                        + "s.action = 'agreed' group by 1, 2, 3"),
                new Query(DAYS_TO_RESOLVE, "select " + stepDay + ", c.village_code, s.level,"
                        + " sum(floor(extract(epoch from s.occurred_at - c.received_at) / 86400)) " + steps
                        + "s.action = 'agreed' group by 1, 2, 3"),
                new Query(OVERDUE, "select " + stepDay + ", c.village_code, s.level, count(*) " + steps
                        + "s.action = 'marked-overdue' group by 1, 2, 3"),
                new Query(ESCALATED, "select " + stepDay + ", c.village_code, substr(s.action, 11), count(*) " + steps
                        + "s.action like 'escalated-%' group by 1, 2, 3"),
                new Query(REFERRED_OUT, "select " + stepDay + ", c.village_code, c.referred_to, count(*) " + steps
                        + "s.action = 'referred-out' group by 1, 2, 3"),
                new Query(FOLLOW_UPS, "select " + stepDay + ", c.village_code, s.action, count(*) " + steps
                        + "s.action in ('closed', 'reopened') group by 1, 2, 3"),
                new Query(SATISFACTION_SUM, "select " + stepDay + ", c.village_code, '', sum(s.satisfaction) " + steps
                        + "s.satisfaction is not null group by 1, 2, 3"));
        List<FactValue> out = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Query q : queries) {
            chain = chain.chain(() -> session.createNativeQuery(q.sql(), Object[].class)
                    .setParameter("county", county.value()).getResultList()
                    .invoke(rows -> rows.forEach(r -> out.add(new FactValue(q.fact(), LocalDate.parse((String) r[0]), (String) r[1],
                            r[2] == null ? "" : r[2].toString(), new BigDecimal(r[3].toString())))))
                    .replaceWithVoid());
        }
        return chain.replaceWith(out);
    }

    private record Query(String fact, String sql) {
    }
}
