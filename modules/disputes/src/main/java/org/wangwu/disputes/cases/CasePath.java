package org.wangwu.disputes.cases;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.disputes.DisputesModule;
import org.wangwu.platform.audit.AuditLog;
import org.wangwu.platform.event.DomainEvents;
import org.wangwu.platform.fact.DailyFacts;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.time.PlatformClock;

/**
 * Records each change on a case's path, in the caller's unit of work: the step (from which state, to
 * which, at which level, by whom), its audit record, the event where other modules care, and the
 * daily facts it causes (place: the case's village). Every transition goes through here once.
 */
@ApplicationScoped
public class CasePath {

    public static final String OWNER_TYPE = "dispute-case";

    @Inject
    AuditLog audit;

    @Inject
    DomainEvents events;

    @Inject
    DailyFacts facts;

    @Inject
    PlatformClock clock;

    /** A fact the change adds to: on the change's day, or on another (a case's category counts on the day it came in). */
    record Count(String fact, LocalDate day, String dimension, long amount) {
    }

    /** One change of a case and what it causes besides its step. */
    public static final class Change {
        private final DisputeCase dispute;
        private final CaseState from;
        private final CaseState to;
        private final Level level;
        private final Map<String, Object> payload;
        private final String action;
        private final String note;
        private Instant at;
        private Integer satisfaction;
        private String auditAction;
        private Map<String, ?> auditDetail = Map.of();
        private String eventType;
        private Map<String, ?> eventDetail = Map.of();
        private final List<Count> counts = new ArrayList<>();

        private Change(DisputeCase dispute, CaseState from, String action, String note) {
            this.dispute = dispute;
            this.from = from;
            this.to = dispute.state;
            this.level = dispute.level;
            this.payload = payload(dispute);
            this.action = action;
            this.note = note;
        }

        /** The case as it is after the change (taken as it is now), the state it came from, the step's name, a note. */
        public static Change of(DisputeCase dispute, CaseState from, String action, String note) {
            return new Change(dispute, from, action, note);
        }

        /** When it happened, if not now (the demo seed writes months of history). */
        public Change at(Instant when) {
            this.at = when;
            return this;
        }

        public Change satisfaction(int score) {
            this.satisfaction = score;
            return this;
        }

        public Change audited(String auditedAction, Map<String, ?> detail) {
            this.auditAction = auditedAction;
            this.auditDetail = detail;
            return this;
        }

        public Change published(String type, Map<String, ?> detail) {
            this.eventType = type;
            this.eventDetail = detail;
            return this;
        }

        /** Adds to a daily fact on the change's day. */
        public Change counts(String fact, String dimension, long amount) {
            counts.add(new Count(fact, null, dimension, amount));
            return this;
        }

        public Change countsOn(LocalDate day, String fact, String dimension, long amount) {
            counts.add(new Count(fact, day, dimension, amount));
            return this;
        }
    }

    public Uni<Void> record(Mutiny.Session session, CountyCode county, Caller caller, Change change) {
        DisputeCase c = change.dispute;
        Instant at = change.at == null ? clock.now() : change.at;
        CaseStep s = new CaseStep();
        s.id = UUID.randomUUID();
        s.caseId = c.id;
        s.occurredAt = at;
        s.action = change.action;
        s.fromState = change.from;
        s.toState = change.to;
        s.level = change.level;
        s.actor = caller.actor();
        s.satisfaction = change.satisfaction;
        s.note = change.note == null ? null : change.note.length() > 2000 ? change.note.substring(0, 2000) : change.note;
        Uni<Void> chain = session.persist(s);
        if (change.auditAction != null) {
            chain = chain.chain(() -> audit.record(session, county, caller, change.auditAction, OWNER_TYPE, c.id,
                    change.auditDetail)).replaceWithVoid();
        }
        if (change.eventType != null) {
            chain = chain.chain(() -> publish(session, county, change.eventType, c.id, change.payload, change.eventDetail));
        }
        LocalDate today = LocalDate.ofInstant(at, PlatformClock.ZONE);
        for (Count count : change.counts) {
            chain = chain.chain(() -> facts.record(session, county, DisputesModule.KEY, count.fact(),
                    count.day() == null ? today : count.day(), c.villageCode, count.dimension(), count.amount()));
        }
        return chain;
    }

    /** Publishes an event about the case as it is now, with what the type adds. */
    public Uni<Void> publish(Mutiny.Session session, CountyCode county, String type, DisputeCase c, Map<String, ?> extra) {
        return publish(session, county, type, c.id, payload(c), extra);
    }

    private Uni<Void> publish(Mutiny.Session session, CountyCode county, String type, UUID caseId,
                              Map<String, Object> base, Map<String, ?> extra) {
        Map<String, Object> payload = new LinkedHashMap<>(base);
        payload.putAll(extra);
        return events.publish(session, county, type, OWNER_TYPE, caseId, payload).replaceWithVoid();
    }

    /** Events carry no personal data: only what a dashboard or another module needs. */
    private static Map<String, Object> payload(DisputeCase c) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("caseId", c.id.toString());
        payload.put("number", c.number);
        payload.put("villageCode", c.villageCode);
        payload.put("townshipCode", c.townshipCode);
        if (c.category != null) {
            payload.put("category", c.category);
        }
        if (c.level != null) {
            payload.put("level", c.level.name());
        }
        payload.put("state", c.state.name());
        return payload;
    }
}
