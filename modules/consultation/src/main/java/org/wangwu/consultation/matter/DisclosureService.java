package org.wangwu.consultation.matter;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.consultation.ConsultationFacts;
import org.wangwu.consultation.ConsultationModule;
import org.wangwu.consultation.ConsultationPermissions;
import org.wangwu.consultation.ConsultationPolicy;
import org.wangwu.consultation.matter.MatterViews.Answer;
import org.wangwu.consultation.meeting.Body;
import org.wangwu.consultation.meeting.Membership;
import org.wangwu.consultation.suggestion.SuggestionService;
import org.wangwu.platform.audit.AuditLog;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.time.PlatformClock;

/**
 * The two disclosures (两公开) and what lies between and after them: objections inside a window,
 * implementation updates under the supervision committee, the result disclosed, the households'
 * evaluations, and closing. Windows end by the county's job, or when a cadre acts after they ended.
 */
@ApplicationScoped
public class DisclosureService {

    @Inject
    StepMachine steps;

    @Inject
    ConsultationPermissions permissions;

    @Inject
    SuggestionService suggestions;

    @Inject
    Membership membership;

    @Inject
    ConsultationFacts facts;

    @Inject
    AuditLog audit;

    @Inject
    PlatformClock clock;

    public Uni<Objection> object(Mutiny.Session s, CountyCode county, Caller caller, UUID matterId, String reason) {
        return steps.lock(s, matterId).chain(m -> {
            permissions.object(caller, m.villageCode);
            if (m.step != Step.RESOLUTION_DISCLOSURE && m.step != Step.RESULT_DISCLOSURE) {
                m.requireStep(Step.RESOLUTION_DISCLOSURE, "An objection");
            }
            if (!clock.now().isBefore(m.disclosureEndsAt)) {
                throw ProblemException.conflict("disclosure-ended", "The disclosure window of " + m.step.label()
                        + " ended at " + m.disclosureEndsAt, Map.of("step", m.step.name()));
            }
            return suggestions.registered(s, caller).chain(me -> {
                Objection o = new Objection();
                o.id = UUID.randomUUID();
                o.matterId = m.id;
                o.step = m.step;
                o.raisedBy = caller.actor();
                o.reason = reason;
                o.status = Objection.Status.OPEN;
                o.raisedAt = clock.now();
                return s.persist(o).chain(() -> audit.record(s, county, caller, "consultation.objection-raised",
                        StepMachine.TARGET, m.id, Map.of("objection", o.id.toString(), "step", o.step.name()))).replaceWith(o);
            });
        });
    }

    /** Answers an open objection; sending it back returns the matter to resolution (决议) and answers the others too. */
    public Uni<Matter> answer(Mutiny.Session s, CountyCode county, Caller caller, ConsultationPolicy policy, UUID matterId,
                              UUID objectionId, Answer in) {
        return steps.lock(s, matterId).chain(m -> {
            permissions.runMatter(caller, m.villageCode);
            return s.find(Objection.class, objectionId).chain(o -> {
                if (o == null || !o.matterId.equals(m.id)) {
                    throw ProblemException.notFound("Objection", objectionId);
                }
                if (o.status != Objection.Status.OPEN) {
                    throw ProblemException.conflict("objection-answered", "This objection is already " + o.status);
                }
                m.requireStep(o.step, "Answering this objection");
                Instant now = clock.now();
                o.answer = in.answer();
                o.answeredBy = caller.actor();
                o.answeredAt = now;
                o.status = in.sendBack() ? Objection.Status.SENT_BACK : Objection.Status.ANSWERED;
                Uni<Void> audited = audit.record(s, county, caller, "consultation.objection-"
                        + (in.sendBack() ? "sent-back" : "answered"), StepMachine.TARGET, m.id,
                        Map.of("objection", o.id.toString())).replaceWithVoid();
                if (!in.sendBack()) {
                    return audited.chain(() -> closeIfDue(s, county, caller, policy, m)).replaceWith(m);
                }
                return audited.chain(() -> openObjections(s, m.id)).chain(others -> {
                    others.forEach(x -> {
                        x.status = Objection.Status.SENT_BACK;
                        x.answer = in.answer();
                        x.answeredBy = caller.actor();
                        x.answeredAt = now;
                    });
                    return steps.move(s, county, caller, m, StepRecord.Result.SENT_BACK, Step.RESOLUTION,
                            "异议成立，重新决议 / objection upheld: " + in.answer());
                });
            });
        });
    }

    public Uni<Progress> progress(Mutiny.Session s, CountyCode county, Caller caller, ConsultationPolicy policy,
                                  UUID matterId, MatterViews.NewProgress in) {
        return steps.lock(s, matterId).chain(m -> {
            permissions.runMatter(caller, m.villageCode);
            return closeIfDue(s, county, caller, policy, m).chain(() -> {
                m.requireStep(Step.IMPLEMENTATION, "An implementation update");
                return record(s, county, caller, m, Progress.Kind.PROGRESS, in.note(), in.percent(), null);
            });
        });
    }

    /** An opinion of the supervision committee on the implementation (村务监督). */
    public Uni<Progress> supervise(Mutiny.Session s, CountyCode county, Caller caller, UUID matterId,
                                   MatterViews.NewSupervision in) {
        return steps.lock(s, matterId).chain(m -> suggestions.registered(s, caller)
                .chain(me -> membership.sitsOn(s, m.villageCode, Body.SUPERVISION_COMMITTEE, me.id())).chain(member -> {
                    permissions.supervise(caller, m.villageCode, member);
                    m.requireStep(Step.IMPLEMENTATION, "Supervision of the implementation");
                    return record(s, county, caller, m, Progress.Kind.SUPERVISION, in.opinion(), null, in.approved());
                }));
    }

    /** Discloses the implementation result; the supervision committee must have found the latest work in order. */
    public Uni<Matter> discloseResult(Mutiny.Session s, CountyCode county, Caller caller, ConsultationPolicy policy,
                                      UUID matterId, String summary) {
        return steps.lock(s, matterId).chain(m -> {
            permissions.runMatter(caller, m.villageCode);
            return closeIfDue(s, county, caller, policy, m).chain(() -> {
                m.requireStep(Step.IMPLEMENTATION, "Disclosing the result");
                return s.createSelectionQuery("from Progress where matterId = :m order by recordedAt desc, id desc",
                        Progress.class).setParameter("m", m.id).getResultList().chain(list -> {
                    boolean approved = !list.isEmpty() && list.get(0).kind == Progress.Kind.SUPERVISION
                            && Boolean.TRUE.equals(list.get(0).approved);
                    if (!approved) {
                        throw ProblemException.conflict("supervision-missing", "The village affairs supervision committee "
                                + "has not found the latest implementation in order; the result cannot be disclosed yet");
                    }
                    m.resultSummary = summary;
                    return steps.move(s, county, caller, m, StepRecord.Result.PASSED, Step.RESULT_DISCLOSURE, null)
                            .invoke(() -> m.disclosureEndsAt = m.stepSince.plus(Duration.ofDays(policy.resultDisclosureDays())))
                            .call(() -> steps.publish(s, county, ConsultationModule.RESULT_DISCLOSED, m,
                                    Map.of("summary", summary, "disclosureEndsAt", m.disclosureEndsAt.toString())));
                });
            });
        });
    }

    /** One evaluation per household, while the result is up for evaluation. */
    public Uni<Evaluation> evaluate(Mutiny.Session s, CountyCode county, Caller caller, ConsultationPolicy policy,
                                    UUID matterId, MatterViews.NewEvaluation in) {
        return steps.lock(s, matterId).chain(m -> {
            permissions.evaluate(caller, m.villageCode);
            return closeIfDue(s, county, caller, policy, m).chain(() -> {
                m.requireStep(Step.EVALUATION, "An evaluation");
                return suggestions.registered(s, caller).chain(me -> s.createSelectionQuery(
                                "select count(e) from Evaluation e where matterId = :m and householdId = :h", Long.class)
                        .setParameter("m", m.id).setParameter("h", me.householdId()).getSingleResult().chain(n -> {
                            if (n > 0) {
                                throw ProblemException.conflict("already-evaluated",
                                        "Your household has already evaluated this matter; each household evaluates once");
                            }
                            Evaluation e = Evaluation.of(m.id, me.householdId(), in.rating(), in.comment(),
                                    caller.actor(), clock.now());
                            return s.persist(e)
                                    .chain(() -> facts.evaluated(s, county, m.villageCode, e.rating.name(), e.evaluatedAt))
                                    .chain(() -> audit.record(s, county, caller, "consultation.matter-evaluated-by-household",
                                            StepMachine.TARGET, m.id, Map.of("rating", e.rating.name())))
                                    .replaceWith(e);
                        }));
            });
        });
    }

    /** A cadre closes the evaluation (it also closes by itself when the county's evaluation days are over). */
    public Uni<Matter> close(Mutiny.Session s, CountyCode county, Caller caller, UUID matterId) {
        return steps.lock(s, matterId).chain(m -> {
            permissions.runMatter(caller, m.villageCode);
            m.requireStep(Step.EVALUATION, "Closing");
            return closeEvaluation(s, county, caller, m);
        });
    }

    /** The job: every window and evaluation period of the county that has run out moves on. */
    public Uni<Integer> closeDue(Mutiny.Session s, CountyCode county, ConsultationPolicy policy) {
        Caller system = Caller.system("consultation-windows", county);
        Instant evaluationStart = clock.now().minus(Duration.ofDays(policy.evaluationDays()));
        return s.createSelectionQuery("""
                        select id from Matter where (step in (:windows) and disclosureEndsAt <= :now)
                        or (step = :evaluation and stepSince <= :evaluationStart) order by createdAt""", UUID.class)
                .setParameter("windows", List.of(Step.RESOLUTION_DISCLOSURE, Step.RESULT_DISCLOSURE))
                .setParameter("now", clock.now()).setParameter("evaluation", Step.EVALUATION)
                .setParameter("evaluationStart", evaluationStart).getResultList()
                .chain(ids -> {
                    Uni<Integer> chain = Uni.createFrom().item(0);
                    for (UUID id : ids) {
                        chain = chain.chain(n -> steps.lock(s, id).chain(m -> {
                            Step before = m.step;
                            if (m.step == Step.EVALUATION) {
                                return closeEvaluation(s, county, system, m).replaceWith(n + 1);
                            }
                            return closeIfDue(s, county, system, policy, m).map(x -> m.step != before ? n + 1 : n);
                        }));
                    }
                    return chain;
                });
    }

    /** A disclosure window that has run out with no open objection passes its step. */
    Uni<Void> closeIfDue(Mutiny.Session s, CountyCode county, Caller caller, ConsultationPolicy policy, Matter m) {
        boolean window = m.step == Step.RESOLUTION_DISCLOSURE || m.step == Step.RESULT_DISCLOSURE;
        if (!window || clock.now().isBefore(m.disclosureEndsAt)) {
            return Uni.createFrom().voidItem();
        }
        return openObjections(s, m.id).chain(open -> {
            if (!open.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Step from = m.step;
            return steps.move(s, county, caller, m, StepRecord.Result.PASSED, from.next(), null)
                    .chain(() -> from != Step.RESOLUTION_DISCLOSURE ? Uni.createFrom().voidItem()
                            : steps.publish(s, county, ConsultationModule.MATTER_RESOLVED, m,
                                    Map.of("resolution", m.resolution, "resolvedOn", ConsultationFacts.day(clock.now()).toString())));
        });
    }

    private Uni<Matter> closeEvaluation(Mutiny.Session s, CountyCode county, Caller caller, Matter m) {
        return steps.move(s, county, caller, m, StepRecord.Result.PASSED, Step.CLOSED, null)
                .call(() -> s.createSelectionQuery("select rating, count(e) from Evaluation e where matterId = :m group by rating",
                        Object[].class).setParameter("m", m.id).getResultList().chain(rows -> {
                    Map<String, Object> tally = new java.util.HashMap<>();
                    for (Evaluation.Rating r : Evaluation.Rating.values()) {
                        tally.put(r.name(), 0L);
                    }
                    rows.forEach(r -> tally.put(((Evaluation.Rating) r[0]).name(), ((Number) r[1]).longValue()));
                    return steps.publish(s, county, ConsultationModule.MATTER_EVALUATED, m, Map.of("evaluations", tally));
                }));
    }

    private Uni<Progress> record(Mutiny.Session s, CountyCode county, Caller caller, Matter m, Progress.Kind kind,
                                 String note, Integer percent, Boolean approved) {
        Progress p = Progress.of(m.id, kind, note, percent, approved, caller.actor(), clock.now());
        return s.persist(p).chain(() -> audit.record(s, county, caller, "consultation." + kind.name().toLowerCase()
                + "-recorded", StepMachine.TARGET, m.id, Map.of("note", note))).replaceWith(p);
    }

    private Uni<List<Objection>> openObjections(Mutiny.Session s, UUID matterId) {
        return s.createSelectionQuery("from ConsultationObjection where matterId = :m and status = :open", Objection.class)
                .setParameter("m", matterId).setParameter("open", Objection.Status.OPEN).getResultList();
    }
}
