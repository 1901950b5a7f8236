package org.wangwu.points.award;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.attachment.Attachments;
import org.wangwu.platform.audit.AuditLog;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.event.DomainEvents;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.Role;
import org.wangwu.platform.tenancy.CombinedWrite;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.time.PlatformClock;
import org.wangwu.points.PointsModule;
import org.wangwu.points.PointsPermissions;
import org.wangwu.points.award.AwardViews.AwardView;
import org.wangwu.points.award.AwardViews.NewAward;
import org.wangwu.points.award.AwardViews.ObjectionView;
import org.wangwu.points.ledger.AccountService;
import org.wangwu.points.ledger.Ledger;
import org.wangwu.points.ledger.LedgerEntry;
import org.wangwu.points.ledger.PointsAccount;
import org.wangwu.points.rules.PointsPolicy;
import org.wangwu.points.rules.Rule;

/**
 * The way of an award: applied or recorded (caps checked under the account's lock), reviewed by
 * the village, disclosed for the county's days, held by objections until settled, then posted.
 */
@ApplicationScoped
public class AwardService {

    static final String EVIDENCE_OWNER = "points-award";

    @Inject
    Ledger ledger;

    @Inject
    AccountService accounts;

    @Inject
    PointsPermissions permissions;

    @Inject
    AuditLog audit;

    @Inject
    DomainEvents events;

    @Inject
    Attachments attachments;

    @Inject
    PlatformClock clock;

    /** A resident's application or a staff member's record; the award's rows are left in {@code write}. */
    public Uni<AwardView> request(Mutiny.Session session, CombinedWrite write, CountyCode county, Caller caller,
                                  PointsPolicy policy, NewAward in) {
        Rule rule = policy.rule(in.ruleCode());
        if (caller.has(Role.RESIDENT)) {
            permissions.apply(caller, rule);
            return accounts.ownResident(session, caller).chain(me -> {
                if (in.residentId() != null && !in.residentId().equals(me.id())
                        || in.householdId() != null && !in.householdId().equals(me.householdId())) {
                    throw ProblemException.forbidden("not-permitted", "Residents apply for points for themselves only");
                }
                NewAward own = new NewAward(in.ruleCode(), me.id(), null, in.description(), in.occurredOn());
                return ledger.holder(session, policy, me.id(), null).chain(h ->
                        create(session, write, county, caller, policy, rule, h, own, Award.Source.APPLICATION, null));
            });
        }
        return ledger.holder(session, policy, in.residentId(), in.householdId()).chain(h -> {
            permissions.record(caller, rule, h.villageCode());
            return create(session, write, county, caller, policy, rule, h, in, Award.Source.RECORDED, null);
        });
    }

    /** An award another module's event earns under the county's map; once per event. */
    public Uni<AwardView> fromEvent(Mutiny.Session session, CountyCode county, PointsPolicy policy, Rule rule,
                                    UUID eventId, String eventType, UUID residentId, UUID householdId, LocalDate on) {
        Caller system = Caller.system("points-event-awards", county);
        // Another node's clock may run a little ahead: an event is never dated after today here.
        LocalDate day = on.isAfter(clock.today()) ? clock.today() : on;
        NewAward in = new NewAward(rule.code(), residentId, householdId, "事件 / event " + eventType, day);
        CombinedWrite write = new CombinedWrite();
        return ledger.holder(session, policy, residentId, householdId)
                .chain(h -> create(session, write, county, system, policy, rule, h, in, Award.Source.EVENT, eventId))
                .call(() -> write.execute(session));
    }

    private Uni<AwardView> create(Mutiny.Session session, CombinedWrite write, CountyCode county, Caller caller,
                                  PointsPolicy policy, Rule rule, Ledger.Holder holder, NewAward in,
                                  Award.Source source, UUID eventId) {
        LocalDate occurredOn = in.occurredOn() == null ? clock.today() : in.occurredOn();
        if (occurredOn.isAfter(clock.today())) {
            throw ProblemException.invalidField("occurredOn", "must not be in the future");
        }
        String period = PointsPolicy.periodKey(rule, occurredOn);
        // The account's lock makes the cap check and the new award one step for concurrent requests.
        return ledger.openAndLock(session, county.value(), holder)
                .chain(account -> capUsed(session, account.id, rule, period).chain(used -> {
                    if (rule.capPerPeriod() > 0 && used + Math.abs(rule.points()) > rule.capPerPeriod()) {
                        throw ProblemException.conflict("cap-reached", "Rule " + rule.code() + " allows at most "
                                + rule.capPerPeriod() + " points per " + rule.capPeriod().toLowerCase() + "; "
                                + used + " are already recorded for " + period,
                                Map.of("cap", rule.capPerPeriod(), "used", used, "period", period));
                    }
                    Award a = new Award();
                    a.id = UUID.randomUUID();
                    a.tenantId = county.value();
                    a.accountId = account.id;
                    a.villageCode = holder.villageCode();
                    a.holderName = holder.name();
                    a.ruleCode = rule.code();
                    a.ruleItem = rule.item();
                    a.category = rule.category();
                    a.points = rule.points();
                    a.evidenceRequired = rule.evidenceRequired();
                    a.source = source;
                    a.description = in.description();
                    a.residentId = in.residentId();
                    a.occurredOn = occurredOn;
                    a.periodKey = period;
                    a.requestedBy = caller.actor();
                    a.requestedAt = clock.now();
                    a.eventId = eventId;
                    // A resident's own application is always reviewed, and evidence is checked at review.
                    boolean review = source == Award.Source.APPLICATION || rule.reviewRequired() || rule.evidenceRequired();
                    a.status = Award.Status.PENDING_REVIEW;
                    boolean posts = !review && policy.disclosureDays() == 0;
                    return audit.tail(session, county, posts ? 2 : 1).map(tail -> {
                        audit.record(write, tail, caller, "points.award-requested", "points-award", a.id,
                                Map.of("rule", a.ruleCode, "points", a.points, "source", source.name(),
                                        "account", account.id.toString()));
                        if (!review) {
                            disclose(write, tail, county, caller, policy, a, account);
                        }
                        insert(write, a);
                        return AwardView.of(a);
                    });
                }));
    }

    private static void insert(CombinedWrite write, Award a) {
        write.insert("points_award",
                "tenant_id", a.tenantId, "id", a.id, "account_id", a.accountId, "village_code", a.villageCode,
                "holder_name", a.holderName, "rule_code", a.ruleCode, "rule_item", a.ruleItem,
                "category", a.category, "points", a.points, "evidence_required", a.evidenceRequired,
                "status", a.status, "source", a.source, "description", a.description,
                "resident_id", a.residentId, "occurred_on", a.occurredOn, "period_key", a.periodKey,
                "requested_by", a.requestedBy, "requested_at", a.requestedAt,
                "disclosure_ends_at", a.disclosureEndsAt, "posted_at", a.postedAt, "entry_id", a.entryId,
                "event_id", a.eventId, "version", a.version);
    }

    private Uni<Long> capUsed(Mutiny.Session session, UUID accountId, Rule rule, String period) {
        if (rule.capPerPeriod() <= 0) {
            return Uni.createFrom().item(0L); // no cap: nothing to sum
        }
        String ruleCode = rule.code();
        return session.createSelectionQuery("""
                        select coalesce(sum(abs(points)), 0) from Award where accountId = :a and ruleCode = :r
                        and periodKey = :p and status <> :rejected""", Long.class)
                .setParameter("a", accountId).setParameter("r", ruleCode).setParameter("p", period)
                .setParameter("rejected", Award.Status.REJECTED).getSingleResult();
    }

    public Uni<AwardView> review(Mutiny.Session session, CountyCode county, Caller caller, PointsPolicy policy, UUID id,
                                 AwardViews.Review in) {
        return lockAward(session, id).chain(a -> {
            permissions.review(caller, a.villageCode, a.requestedBy);
            a.require(Award.Status.PENDING_REVIEW, "reviewed");
            a.reviewedBy = caller.actor();
            a.reviewedAt = clock.now();
            a.reviewReason = in.reason();
            if (in.decision() == AwardViews.Decision.REJECT) {
                if (in.reason() == null || in.reason().isBlank()) {
                    throw ProblemException.invalidField("reason", "is required when rejecting");
                }
                a.status = Award.Status.REJECTED;
                return audit.record(session, county, caller, "points.award-rejected", "points-award", a.id,
                        Map.of("reason", in.reason())).replaceWith(() -> AwardView.of(a));
            }
            Uni<Void> evidence = !a.evidenceRequired ? Uni.createFrom().voidItem()
                    : attachments.list(session, PointsModule.KEY, EVIDENCE_OWNER, a.id).invoke(files -> {
                        if (files.isEmpty()) {
                            throw ProblemException.conflict("evidence-missing",
                                    "Rule " + a.ruleCode + " needs evidence; none is attached yet");
                        }
                    }).replaceWithVoid();
            return evidence
                    .chain(() -> ledger.lock(session, a.accountId))
                    .chain((PointsAccount account) -> {
                        CombinedWrite write = new CombinedWrite();
                        return audit.tail(session, county, policy.disclosureDays() == 0 ? 2 : 1).chain(tail -> {
                            audit.record(write, tail, caller, "points.award-approved", "points-award", a.id,
                                    in.reason() == null ? Map.of() : Map.of("reason", in.reason()));
                            disclose(write, tail, county, caller, policy, a, account);
                            return write.execute(session);
                        });
                    })
                    .map(ignored -> AwardView.of(a));
        });
    }

    /** Public disclosure for the county's days; with no days set, the award posts at once (parts of {@code write}). */
    private void disclose(CombinedWrite write, AuditLog.Tail tail, CountyCode county, Caller caller, PointsPolicy policy,
                          Award a, PointsAccount lockedAccount) {
        if (policy.disclosureDays() == 0) {
            post(write, tail, county, caller, policy, a, lockedAccount);
            return;
        }
        a.status = Award.Status.DISCLOSED;
        a.disclosureEndsAt = clock.now().plus(Duration.ofDays(policy.disclosureDays()));
    }

    /** Posts the award now, in a write of its own (one audit record). */
    private Uni<Void> post(Mutiny.Session session, CountyCode county, Caller caller, PointsPolicy policy, Award a,
                           PointsAccount account) {
        CombinedWrite write = new CombinedWrite();
        return audit.tail(session, county, 1).chain(tail -> {
            post(write, tail, county, caller, policy, a, account);
            return write.execute(session);
        });
    }

    /** Writes the award to the ledger: a credit as a new lot, or a deduction of what the balance holds. */
    private void post(CombinedWrite write, AuditLog.Tail tail, CountyCode county, Caller caller, PointsPolicy policy,
                      Award a, PointsAccount account) {
        String memo = a.ruleCode + " " + a.ruleItem;
        LedgerEntry e = a.points > 0
                ? ledger.credit(write, account, LedgerEntry.Kind.AWARD, a.points, policy.expiresOn(clock.today()),
                        Ledger.Link.award(a.id, a.category), caller.actor(), memo)
                // A deduction takes what there is: a balance never goes below zero.
                : ledger.debit(write, account, LedgerEntry.Kind.DEDUCTION, Math.min(-a.points, account.balance), null,
                        Ledger.Link.award(a.id, a.category), caller.actor(), memo);
        a.status = Award.Status.POSTED;
        a.postedAt = e.occurredAt;
        a.entryId = e.id;
        Map<String, Object> payload = new HashMap<>();
        payload.put("awardId", a.id.toString());
        payload.put("accountId", a.accountId.toString());
        payload.put("villageCode", a.villageCode);
        payload.put("ruleCode", a.ruleCode);
        payload.put("category", a.category);
        payload.put("points", e.points);
        events.publish(write, county, PointsModule.AWARD_POSTED, "points-award", a.id, payload);
        audit.record(write, tail, caller, "points.award-posted", "points-award", a.id,
                Map.of("entry", e.id.toString(), "points", e.points));
    }

    public Uni<ObjectionView> object(Mutiny.Session session, CountyCode county, Caller caller, UUID id, String reason) {
        return lockAward(session, id).chain(a -> {
            permissions.object(caller, a.villageCode);
            if (a.status != Award.Status.DISCLOSED && a.status != Award.Status.OBJECTED) {
                a.require(Award.Status.DISCLOSED, "objected to");
            }
            if (!clock.now().isBefore(a.disclosureEndsAt) && a.status == Award.Status.DISCLOSED) {
                throw ProblemException.conflict("disclosure-ended", "The disclosure period of this award has ended",
                        Map.of("state", a.status.name()));
            }
            Objection o = new Objection();
            o.id = UUID.randomUUID();
            o.awardId = a.id;
            o.raisedBy = caller.actor();
            o.reason = reason;
            o.status = Objection.Status.OPEN;
            o.raisedAt = clock.now();
            a.status = Award.Status.OBJECTED;
            return session.persist(o)
                    .chain(() -> audit.record(session, county, caller, "points.award-objected", "points-award", a.id,
                            Map.of("objection", o.id.toString())))
                    .replaceWith(() -> ObjectionView.of(o));
        });
    }

    /**
     * Settles every open objection of an award: upheld withdraws the award, dismissed resumes its
     * disclosure (and posts it at once if the period has already run out).
     */
    public Uni<AwardView> settle(Mutiny.Session session, CountyCode county, Caller caller, PointsPolicy policy, UUID id,
                                 AwardViews.Settlement in) {
        return lockAward(session, id).chain(a -> {
            permissions.settleObjection(caller, a.villageCode);
            a.require(Award.Status.OBJECTED, "settled");
            return openObjections(session, a.id).chain(open -> {
                Instant now = clock.now();
                boolean upheld = in.outcome() == AwardViews.Outcome.UPHELD;
                for (Objection o : open) {
                    o.status = upheld ? Objection.Status.UPHELD : Objection.Status.DISMISSED;
                    o.settledBy = caller.actor();
                    o.settledAt = now;
                    o.settlement = in.reason();
                }
                Uni<Void> audited = audit.record(session, county, caller, upheld ? "points.objection-upheld"
                        : "points.objection-dismissed", "points-award", a.id, Map.of("reason", in.reason(),
                        "objections", open.size())).replaceWithVoid();
                if (upheld) {
                    a.status = Award.Status.REJECTED;
                    a.reviewReason = "异议成立 / objection upheld: " + in.reason();
                    return audited.replaceWith(() -> AwardView.of(a));
                }
                a.status = Award.Status.DISCLOSED;
                if (now.isBefore(a.disclosureEndsAt)) {
                    return audited.replaceWith(() -> AwardView.of(a));
                }
                return audited.chain(() -> ledger.lock(session, a.accountId))
                        .chain((PointsAccount account) -> post(session, county, caller, policy, a, account))
                        .map(ignored -> AwardView.of(a));
            });
        });
    }

    /** Posts every award whose disclosure ended without an open objection; repeating it posts nothing twice. */
    public Uni<Integer> postDue(Mutiny.Session session, CountyCode county, PointsPolicy policy) {
        Caller system = Caller.system("points-disclosure", county);
        return session.createSelectionQuery("""
                        from Award where status = :disclosed and disclosureEndsAt <= :now order by disclosureEndsAt, id""",
                        Award.class)
                .setParameter("disclosed", Award.Status.DISCLOSED).setParameter("now", clock.now())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).setMaxResults(500).getResultList()
                .chain(due -> postEach(session, county, system, policy, due, 0));
    }

    private Uni<Integer> postEach(Mutiny.Session session, CountyCode county, Caller caller, PointsPolicy policy,
                                  List<Award> due, int i) {
        if (i >= due.size()) {
            return Uni.createFrom().item(due.size());
        }
        Award a = due.get(i);
        return ledger.lock(session, a.accountId)
                .chain(account -> post(session, county, caller, policy, a, account))
                .chain(() -> postEach(session, county, caller, policy, due, i + 1));
    }

    public Uni<Award> readable(Mutiny.Session session, Caller caller, PointsPolicy policy, UUID id) {
        return session.find(Award.class, id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Award", id))
                .call(a -> accounts.readable(session, caller, policy, a.accountId));
    }

    /** One objection, for whoever raised it and for whoever reads the award. */
    public Uni<ObjectionView> objection(Mutiny.Session session, Caller caller, PointsPolicy policy, UUID awardId,
                                        UUID objectionId) {
        return session.createSelectionQuery("from Objection where awardId = :a and id = :o", Objection.class)
                .setParameter("a", awardId).setParameter("o", objectionId).getSingleResultOrNull()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Objection", objectionId))
                .chain(o -> o.raisedBy.equals(caller.actor()) ? Uni.createFrom().item(ObjectionView.of(o))
                        : readable(session, caller, policy, awardId).map(a -> ObjectionView.of(o)));
    }

    public Uni<List<ObjectionView>> objections(Mutiny.Session session, UUID awardId) {
        return session.createSelectionQuery("from Objection where awardId = :a order by raisedAt, id", Objection.class)
                .setParameter("a", awardId).getResultList()
                .map(list -> list.stream().map(ObjectionView::of).toList());
    }

    private Uni<List<Objection>> openObjections(Mutiny.Session session, UUID awardId) {
        return session.createSelectionQuery("from Objection where awardId = :a and status = :open", Objection.class)
                .setParameter("a", awardId).setParameter("open", Objection.Status.OPEN).getResultList();
    }

    private Uni<Award> lockAward(Mutiny.Session session, UUID id) {
        return session.createSelectionQuery("from Award where id = :id", Award.class).setParameter("id", id)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResultOrNull()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Award", id));
    }
}
