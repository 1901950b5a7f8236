package org.wangwu.consultation;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.module.FactRecount;
import org.wangwu.platform.tenancy.CountyCode;

/**
 * The module's daily facts recomputed from its own tables (row-level security keeps them to the
 * county): what {@link ConsultationFacts} records as changes happen must equal this. Days are
 * calendar days in China; the level of matters at a step is counted at the end of each day on which
 * a matter entered or left it.
 */
@ApplicationScoped
public class ConsultationRecount implements FactRecount {

    private static final String DAY = "(%s at time zone 'Asia/Shanghai')::date";

    /**
     * How many of a village's matters stand at a step at the end of each day on which one entered or left
     * it: (day, village, step, matters). {@link ConsultationFacts} records the same levels from it.
     */
    static final String LEVELS_AT_STEP = """
            with changed as (
                select %1$s as day, m.village_code, r.step from consultation_step_record r
                join consultation_matter m on m.tenant_id = r.tenant_id and m.id = r.matter_id
                union
                select %2$s, m.village_code, r.step from consultation_step_record r
                join consultation_matter m on m.tenant_id = r.tenant_id and m.id = r.matter_id
                where r.left_at is not null)
            select c.day, c.village_code, c.step, (
                select count(*) from consultation_step_record r
                join consultation_matter m on m.tenant_id = r.tenant_id and m.id = r.matter_id
                where m.village_code = c.village_code and r.step = c.step
                and r.entered_at < ((c.day + 1)::timestamp at time zone 'Asia/Shanghai')
                and (r.left_at is null or r.left_at >= ((c.day + 1)::timestamp at time zone 'Asia/Shanghai')))
            from changed c""".formatted(DAY.formatted("r.entered_at"), DAY.formatted("r.left_at"));

    /** One fact per query: its SQL answers (day, village, dimension, value). */
    private record Query(String fact, String sql) {
    }

    private static final List<Query> QUERIES = List.of(
            new Query(ConsultationFacts.MATTERS_OPENED, "select " + day("created_at")
                    + ", village_code, category, count(*) from consultation_matter group by 1, 2, 3"),
            new Query(ConsultationFacts.STEPS_PASSED, "select " + day("r.left_at") + ", m.village_code, r.step, count(*)"
                    + " from consultation_step_record r join consultation_matter m on m.tenant_id = r.tenant_id"
                    + " and m.id = r.matter_id where r.result = 'PASSED' group by 1, 2, 3"),
            new Query(ConsultationFacts.STEP_DAYS, "select " + day("r.left_at") + ", m.village_code, r.step, sum("
                    + day("r.left_at") + " - " + day("r.entered_at") + ")"
                    + " from consultation_step_record r join consultation_matter m on m.tenant_id = r.tenant_id"
                    + " and m.id = r.matter_id where r.result = 'PASSED' group by 1, 2, 3"),
            new Query(ConsultationFacts.MATTERS_CLOSED, "select " + day("closed_at")
                    + ", village_code, category, count(*) from consultation_matter where closed_at is not null group by 1, 2, 3"),
            new Query(ConsultationFacts.MATTERS_COMPLETED, "select " + day("closed_at") + ", village_code, category, count(*)"
                    + " from consultation_matter where step = 'CLOSED' and procedure = 'FULL' group by 1, 2, 3"),
            new Query(ConsultationFacts.ATTENDANCE_PRESENT, attendance("present")),
            new Query(ConsultationFacts.ATTENDANCE_EXPECTED, attendance("expected")),
            new Query(ConsultationFacts.EVALUATIONS, "select " + day("e.evaluated_at") + ", m.village_code, e.rating, count(*)"
                    + " from consultation_evaluation e join consultation_matter m on m.tenant_id = e.tenant_id"
                    + " and m.id = e.matter_id group by 1, 2, 3"),
            new Query(ConsultationFacts.SUGGESTIONS, "select " + day("submitted_at")
                    + ", village_code, category, count(*) from consultation_suggestion group by 1, 2, 3"),
            new Query(ConsultationFacts.MATTERS_AT_STEP, LEVELS_AT_STEP));

    private static String day(String column) {
        return DAY.formatted(column);
    }

    private static String attendance(String column) {
        return "select " + day("x.concluded_at") + ", m.village_code, x.body, sum(x." + column + ")"
                + " from consultation_meeting x join consultation_matter m on m.tenant_id = x.tenant_id"
                + " and m.id = x.matter_id where x.expected is not null and x.status in ('INQUORATE', 'PASSED', 'REJECTED')"
                + " group by 1, 2, 3";
    }

    @Override
    public Uni<List<FactValue>> recount(Mutiny.Session session, CountyCode county) {
        Uni<List<FactValue>> all = Uni.createFrom().item(new ArrayList<>());
        for (Query q : QUERIES) {
            all = all.chain(values -> session.createNativeQuery(q.sql(), Object[].class).getResultList().map(rows -> {
                rows.forEach(r -> values.add(new FactValue(q.fact(), LocalDate.parse(r[0].toString()), (String) r[1],
                        (String) r[2], new BigDecimal(r[3].toString()))));
                return values;
            }));
        }
        return all;
    }
}
