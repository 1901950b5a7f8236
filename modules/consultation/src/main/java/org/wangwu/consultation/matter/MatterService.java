package org.wangwu.consultation.matter;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.consultation.ConsultationFacts;
import org.wangwu.consultation.ConsultationPermissions;
import org.wangwu.consultation.ConsultationPolicy;
import org.wangwu.consultation.matter.MatterViews.EvaluationTally;
import org.wangwu.consultation.matter.MatterViews.MatterDetail;
import org.wangwu.consultation.matter.MatterViews.MatterView;
import org.wangwu.consultation.matter.MatterViews.NewMatter;
import org.wangwu.consultation.matter.MatterViews.ObjectionView;
import org.wangwu.consultation.matter.MatterViews.ProgressView;
import org.wangwu.consultation.matter.MatterViews.StepView;
import org.wangwu.consultation.meeting.MeetingService;
import org.wangwu.consultation.suggestion.SuggestionService;
import org.wangwu.platform.audit.AuditLog;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.territory.PlaceDirectory;
import org.wangwu.platform.time.PlatformClock;
import org.wangwu.platform.web.Cursor;
import org.wangwu.platform.web.Page;

/** Proposing a matter (from suggestions, or not), and reading matters with their whole timeline. */
@ApplicationScoped
public class MatterService {

    @Inject
    StepMachine steps;

    @Inject
    MeetingService meetings;

    @Inject
    SuggestionService suggestions;

    @Inject
    ConsultationPermissions permissions;

    @Inject
    ConsultationFacts facts;

    @Inject
    PlaceDirectory places;

    @Inject
    AuditLog audit;

    @Inject
    PlatformClock clock;

    public Uni<MatterView> create(Mutiny.Session s, CountyCode county, Caller caller, ConsultationPolicy policy,
                                  NewMatter in) {
        permissions.propose(caller, in.villageCode());
        ConsultationPolicy.Category category = policy.category(in.category());
        Matter.Procedure procedure = in.procedure() == null ? Matter.Procedure.FULL : in.procedure();
        if (procedure == Matter.Procedure.LIGHT) {
            if (category.fullProcedure()) {
                throw ProblemException.invalidField("procedure", "category " + category.code() + " (" + category.name()
                        + ") must take the full procedure (四议两公开) in this county");
            }
            if (in.form() == null) {
                throw ProblemException.invalidField("form", "is required for a lighter form");
            }
            policy.form(in.form());
        } else if (in.form() != null) {
            throw ProblemException.invalidField("form", "is only for a lighter form (procedure LIGHT)");
        }
        return places.village(s, in.villageCode()).chain(village -> {
            if (village == null) {
                throw ProblemException.invalidField("villageCode", "is not a village of this county");
            }
            Matter m = new Matter();
            m.id = UUID.randomUUID();
            m.villageCode = in.villageCode();
            m.category = category.code();
            m.title = in.title();
            m.description = in.description();
            m.estimatedAmount = in.estimatedAmount();
            m.procedure = procedure;
            m.form = in.form();
            m.step = procedure == Matter.Procedure.FULL ? Step.PROPOSAL : Step.LIGHT_MEETING;
            m.createdBy = caller.actor();
            m.createdAt = clock.now();
            m.stepSince = m.createdAt;
            Map<String, Object> detail = new HashMap<>();
            detail.put("title", m.title);
            detail.put("category", m.category);
            detail.put("procedure", m.procedure.name());
            List<UUID> merged = in.suggestionIds() == null ? List.of() : in.suggestionIds();
            detail.put("suggestions", merged.size());
            return s.persist(m)
                    .chain(() -> steps.start(s, county, m))
                    .chain(() -> facts.matterOpened(s, county, m))
                    .chain(() -> suggestions.merge(s, county, caller, m, merged))
                    .chain(() -> audit.record(s, county, caller, "consultation.matter-proposed", StepMachine.TARGET, m.id,
                            detail))
                    .replaceWith(() -> MatterView.of(m));
        });
    }

    /** A matter the caller may read (404 for one of another county: the tenant filter never finds it). */
    public Uni<Matter> readable(Mutiny.Session s, Caller caller, UUID id) {
        return s.find(Matter.class, id).map(m -> {
            if (m == null) {
                throw ProblemException.notFound("Matter", id);
            }
            permissions.read(caller, m.villageCode);
            return m;
        });
    }

    public Uni<MatterDetail> detail(Mutiny.Session s, Matter m) {
        return steps.timeline(s, m.id).chain(timeline -> meetings.ofMatter(s, m.id)
                .chain(ms -> objections(s, m.id).chain(os -> progress(s, m.id).chain(ps -> tally(s, m.id)
                        .map(t -> new MatterDetail(MatterView.of(m), timeline.stream().map(StepView::of).toList(), ms,
                                os.stream().map(ObjectionView::of).toList(), ps.stream().map(ProgressView::of).toList(),
                                t))))));
    }

    /** Matters of a place (a village, or every village a township or county code begins), newest first. */
    public Uni<Page<Matter>> list(Mutiny.Session s, String place, Step step, List<Step> steps, int limit,
                                      String cursor) {
        Cursor after = Cursor.parse(cursor);
        String hql = "from Matter where villageCode like :place" + (step == null ? "" : " and step = :step")
                + (steps == null ? "" : " and step in (:steps)")
                + (after == null ? "" : Cursor.after("createdAt", "id")) + " order by createdAt desc, id desc";
        var q = s.createSelectionQuery(hql, Matter.class).setParameter("place", place + "%").setMaxResults(limit + 1);
        if (step != null) {
            q.setParameter("step", step);
        }
        if (steps != null) {
            q.setParameter("steps", steps);
        }
        if (after != null) {
            q.setParameter("cursorAt", after.at()).setParameter("cursorId", after.id());
        }
        return q.getResultList().map(rows -> Page.of(rows, limit, m -> m, m -> Cursor.of(m.createdAt, m.id)));
    }

    public Uni<List<Objection>> objections(Mutiny.Session s, UUID matterId) {
        return s.createSelectionQuery("from ConsultationObjection where matterId = :m order by raisedAt, id", Objection.class)
                .setParameter("m", matterId).getResultList();
    }

    public Uni<Objection> objection(Mutiny.Session s, UUID matterId, UUID objectionId) {
        return s.createSelectionQuery("from ConsultationObjection where matterId = :m and id = :o", Objection.class)
                .setParameter("m", matterId).setParameter("o", objectionId).getSingleResultOrNull()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Objection", objectionId));
    }

    /** One implementation update or supervision opinion of the matter, of the kind asked for. */
    public Uni<Progress> progress(Mutiny.Session s, UUID matterId, Progress.Kind kind, UUID updateId) {
        return s.createSelectionQuery("from Progress where matterId = :m and kind = :k and id = :p", Progress.class)
                .setParameter("m", matterId).setParameter("k", kind).setParameter("p", updateId).getSingleResultOrNull()
                .onItem().ifNull().failWith(() -> ProblemException.notFound(
                        kind == Progress.Kind.SUPERVISION ? "Supervision opinion" : "Progress update", updateId));
    }

    /** One household's evaluation: for whoever gave it and for the staff who reach the village, not other villagers. */
    public Uni<Evaluation> evaluation(Mutiny.Session s, Caller caller, Matter m, UUID evaluationId) {
        return s.createSelectionQuery("from Evaluation where matterId = :m and id = :e", Evaluation.class)
                .setParameter("m", m.id).setParameter("e", evaluationId).getSingleResultOrNull()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Evaluation", evaluationId))
                .map(e -> {
                    permissions.readEvaluation(caller, m.villageCode, e.evaluatedBy);
                    return e;
                });
    }

    public Uni<List<Progress>> progress(Mutiny.Session s, UUID matterId) {
        return s.createSelectionQuery("from Progress where matterId = :m order by recordedAt, id", Progress.class)
                .setParameter("m", matterId).getResultList();
    }

    public Uni<EvaluationTally> tally(Mutiny.Session s, UUID matterId) {
        return s.createSelectionQuery("select rating, count(e) from Evaluation e where matterId = :m group by rating",
                        Object[].class).setParameter("m", matterId).getResultList().map(rows -> {
                    long[] n = new long[3];
                    rows.forEach(r -> n[((Evaluation.Rating) r[0]).ordinal()] = ((Number) r[1]).longValue());
                    return new EvaluationTally(n[0], n[1], n[2]);
                });
    }
}
