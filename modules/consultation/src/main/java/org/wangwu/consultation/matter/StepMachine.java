package org.wangwu.consultation.matter;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.consultation.ConsultationFacts;
import org.wangwu.platform.audit.AuditLog;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.event.DomainEvents;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.time.PlatformClock;

/**
 * Moves a matter from step to step, the one way it ever moves: the open step record is closed with
 * how it ended, the next is opened, and the audit record and daily facts are written in the same
 * transaction. Which move is legal is decided by the services that call it.
 */
@ApplicationScoped
public class StepMachine {

    static final String TARGET = "consultation-matter";

    @Inject
    AuditLog audit;

    @Inject
    ConsultationFacts facts;

    @Inject
    DomainEvents events;

    @Inject
    PlatformClock clock;

    /** A matter under lock, so that two moves of it never interleave. */
    public Uni<Matter> lock(Mutiny.Session s, UUID id) {
        return s.createSelectionQuery("from Matter where id = :id", Matter.class).setParameter("id", id)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResultOrNull()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Matter", id));
    }

    /** Opens the first step of a new matter. */
    public Uni<Void> start(Mutiny.Session s, CountyCode county, Matter m) {
        return open(s, m, m.step, m.createdAt)
                .chain(s::flush)
                .chain(() -> facts.levels(s, county, m.villageCode, List.of(m.step), ConsultationFacts.day(m.createdAt)));
    }

    /** Leaves the current step with {@code result} and enters {@code to}; a final step closes the matter. */
    public Uni<Matter> move(Mutiny.Session s, CountyCode county, Caller caller, Matter m, StepRecord.Result result,
                            Step to, String note) {
        Instant now = clock.now();
        Step from = m.step;
        return current(s, m).chain(record -> {
            record.leftAt = now;
            record.result = result;
            record.note = note;
            m.step = to;
            m.stepSince = now;
            m.disclosureEndsAt = null;
            if (to.isFinal()) {
                m.closedAt = now;
            }
            Map<String, Object> detail = new HashMap<>();
            detail.put("from", from.name());
            detail.put("to", to.name());
            detail.put("result", result.name());
            if (note != null) {
                detail.put("note", note);
            }
            return open(s, m, to, now)
                    .chain(s::flush)
                    .chain(() -> facts.stepLeft(s, county, m, record, to))
                    .chain(() -> !to.isFinal() ? Uni.createFrom().voidItem()
                            : facts.matterClosed(s, county, m, from == Step.EVALUATION && m.procedure == Matter.Procedure.FULL))
                    .chain(() -> audit.record(s, county, caller, "consultation.step-" + result.name().toLowerCase()
                            .replace('_', '-'), TARGET, m.id, detail))
                    .replaceWith(m);
        });
    }

    /** Publishes one of the module's events about a matter, with what every consumer needs to know of it. */
    public Uni<Void> publish(Mutiny.Session s, CountyCode county, String type, Matter m, Map<String, Object> more) {
        Map<String, Object> payload = new HashMap<>(more);
        payload.put("matterId", m.id.toString());
        payload.put("title", m.title);
        payload.put("category", m.category);
        payload.put("villageCode", m.villageCode);
        payload.put("procedure", m.procedure.name());
        return events.publish(s, county, type, TARGET, m.id, payload).replaceWithVoid();
    }

    public Uni<List<StepRecord>> timeline(Mutiny.Session s, UUID matterId) {
        return s.createSelectionQuery("from StepRecord where matterId = :m order by enteredAt, id", StepRecord.class)
                .setParameter("m", matterId).getResultList();
    }

    private Uni<StepRecord> current(Mutiny.Session s, Matter m) {
        return s.createSelectionQuery("from StepRecord where matterId = :m and leftAt is null", StepRecord.class)
                .setParameter("m", m.id).getSingleResult();
    }

    private Uni<Void> open(Mutiny.Session s, Matter m, Step step, Instant at) {
        return s.persist(StepRecord.of(m.id, step, at, null, null));
    }
}
