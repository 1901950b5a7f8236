package org.wangwu.disputes.cases;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.disputes.DisputesModule;
import org.wangwu.disputes.DisputesPermissions;
import org.wangwu.disputes.DisputesRules;
import org.wangwu.platform.document.DocumentTemplate;
import org.wangwu.disputes.cases.CaseRequests.Failure;
import org.wangwu.disputes.cases.CaseRequests.NewAgreement;
import org.wangwu.disputes.cases.CaseRequests.NewSession;
import org.wangwu.disputes.cases.CaseRequests.ReferOut;
import org.wangwu.disputes.cases.CaseRequests.SessionRecord;
import org.wangwu.disputes.cases.CaseViews.AgreementView;
import org.wangwu.disputes.cases.CaseViews.CaseSummary;
import org.wangwu.disputes.cases.CaseViews.SessionView;
import org.wangwu.disputes.statistics.DisputeFacts;
import org.wangwu.platform.audit.AuditLog;
import org.wangwu.platform.county.County;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.territory.PlaceDirectory;
import org.wangwu.platform.time.PlatformClock;

/** Mediation (调解): sessions held with minutes, then an agreement, a failure that escalates, or a referral out. */
@ApplicationScoped
public class MediationService {

    @Inject
    DisputesPermissions permissions;

    @Inject
    CaseFiles files;

    @Inject
    CasePath path;

    @Inject
    Escalations escalations;

    @Inject
    PlaceDirectory places;

    @Inject
    AuditLog audit;

    @Inject
    PlatformClock clock;

    public Uni<SessionView> schedule(Mutiny.Session session, CountyCode county, Caller caller, UUID id, NewSession in) {
        return files.load(session, id).chain(file -> {
            permissions.mediate(caller, file);
            DisputeCase c = file.dispute();
            CaseState from = c.state;
            if (from != CaseState.IN_MEDIATION) {
                from.requireMove(CaseState.IN_MEDIATION, "schedule a mediation session");
                c.state = CaseState.IN_MEDIATION;
            }
            MediationSession s = new MediationSession();
            s.id = UUID.randomUUID();
            s.caseId = c.id;
            s.level = c.level;
            s.scheduledAt = in.scheduledAt();
            s.place = in.place();
            s.participants = files.write(in.participants() == null ? List.of() : in.participants());
            s.createdBy = caller.actor();
            Map<String, String> detail = Map.of("session", s.id.toString(), "scheduledAt", s.scheduledAt.toString());
            return session.persist(s)
                    .chain(() -> from == CaseState.IN_MEDIATION
                            ? audit.record(session, county, caller, "disputes.session-scheduled", CasePath.OWNER_TYPE,
                                    c.id, detail).replaceWithVoid()
                            : path.record(session, county, caller, CasePath.Change.of(c, from, "mediation-started",
                                    in.place()).audited("disputes.session-scheduled", detail)))
                    .replaceWith(() -> files.view(s));
        });
    }

    public Uni<SessionView> recordSession(Mutiny.Session session, CountyCode county, Caller caller, UUID id,
                                          UUID sessionId, SessionRecord in) {
        return files.load(session, id).chain(file -> {
            permissions.mediate(caller, file);
            return session.find(MediationSession.class, sessionId);
        }).chain(s -> {
            if (s == null || !s.caseId.equals(id)) {
                throw ProblemException.notFound("Mediation session", sessionId);
            }
            if (s.heldAt != null) {
                throw ProblemException.conflict("session-already-recorded", "This session was recorded as held at "
                        + s.heldAt, Map.of("heldAt", s.heldAt.toString()));
            }
            s.heldAt = in.heldAt();
            s.participants = files.write(in.participants());
            s.minutes = in.minutes();
            s.recordedBy = caller.actor();
            return audit.record(session, county, caller, "disputes.session-recorded", CasePath.OWNER_TYPE, id,
                    Map.of("session", s.id.toString(), "participants", in.participants().size())).replaceWith(() -> files.view(s));
        });
    }

    public Uni<AgreementView> agree(Mutiny.Session session, CountyCode county, Caller caller, UUID id, NewAgreement in) {
        return files.load(session, id).chain(file -> {
            permissions.mediate(caller, file);
            DisputeCase c = file.dispute();
            CaseState from = c.state;
            from.requireMove(CaseState.AGREED, "record an agreement");
            return session.createSelectionQuery(
                            "select count(*) from MediationSession where caseId = :id and heldAt is not null", Long.class)
                    .setParameter("id", id).getSingleResult().chain(held -> {
                        if (held == 0) {
                            throw ProblemException.conflict("no-session-held", "Record the mediation session held "
                                    + "before recording its agreement", Map.of("state", c.state.name()));
                        }
                        return files.rules(session);
                    })
                    .chain(rules -> files.parties(session, id).chain(parties -> agreementFacts(session, county, file,
                            parties, in, rules).chain(facts -> {
                                LocalDate effective = in.effectiveOn() == null ? clock.today() : in.effectiveOn();
                                c.agreementTerms = in.terms();
                                c.agreementText = DocumentTemplate.fill(rules.agreementTemplate(), facts);
                                return recordResolution(session, county, caller,
                                        resolution(c, from, effective, rules, clock.now()), c, parties);
                            })))
                    .replaceWith(() -> AgreementView.of(c));
        });
    }

    /** Applies an agreement reached at the case's level to the case, and says what it records. */
    public CasePath.Change resolution(DisputeCase c, CaseState from, LocalDate effective, DisputesRules rules, Instant at) {
        c.agreementEffectiveOn = effective;
        c.judicialDeadline = effective.plusDays(rules.judicialWindowDays());
        c.judicialReminded = false;
        c.followUpDueOn = effective.plusDays(rules.followUpAfterDays());
        c.resolvedAt = at;
        c.resolvedLevel = c.level;
        c.overdue = false;
        c.state = CaseState.AGREED;
        long days = Duration.between(c.receivedAt, at).toDays();
        return CasePath.Change.of(c, from, "agreed", null).at(at)
                .audited("disputes.agreement-recorded", Map.of("level", c.level.name(), "effectiveOn", effective.toString()))
                .counts(DisputeFacts.RESOLVED, c.level.name(), 1)
                .counts(DisputeFacts.DAYS_TO_RESOLVE, c.level.name(), days);
    }

    /**
     * Records a resolution: its event names the parties' register entries (residents and their
     * households) so that, for instance, the points module can reward them.
     */
    public Uni<Void> recordResolution(Mutiny.Session session, CountyCode county, Caller caller, CasePath.Change resolution,
                                      DisputeCase c, List<CaseParty> parties) {
        return registerParties(session, parties).chain(named -> path.record(session, county, caller, resolution
                .published(DisputesModule.EVENT_RESOLVED, Map.of("resolvedLevel", c.resolvedLevel.name(),
                        "daysToResolve", Duration.between(c.receivedAt, c.resolvedAt).toDays(), "parties", named,
                        "residentIds", distinct(named, "residentId"), "householdIds", distinct(named, "householdId")))));
    }

    /** The parties who are in the register, by role, resident and household: ids only, no names. */
    private Uni<List<Map<String, String>>> registerParties(Mutiny.Session session, List<CaseParty> parties) {
        List<Map<String, String>> named = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (CaseParty p : parties) {
            if (p.residentId == null) {
                continue;
            }
            chain = chain.chain(() -> places.resident(session, p.residentId).invoke(r -> {
                Map<String, String> party = new LinkedHashMap<>();
                party.put("role", p.role.name());
                party.put("residentId", p.residentId.toString());
                if (r != null && r.householdId() != null) {
                    party.put("householdId", r.householdId().toString());
                }
                named.add(party);
            }).replaceWithVoid());
        }
        return chain.replaceWith(named);
    }

    private static List<String> distinct(List<Map<String, String>> parties, String key) {
        Set<String> out = new LinkedHashSet<>();
        parties.forEach(p -> {
            if (p.get(key) != null) {
                out.add(p.get(key));
            }
        });
        return List.copyOf(out);
    }

    private Uni<Map<String, String>> agreementFacts(Mutiny.Session session, CountyCode county, CaseFile file,
                                                    List<CaseParty> parties, NewAgreement in, DisputesRules rules) {
        DisputeCase c = file.dispute();
        return session.find(County.class, county.value())
                .chain(found -> places.village(session, c.villageCode).map(village -> {
                    Map<String, String> facts = new HashMap<>();
                    facts.put("caseNumber", c.number);
                    facts.put("county", found == null ? county.value() : found.nameZh);
                    facts.put("village", village == null ? c.villageCode : village.nameZh());
                    facts.put("parties", String.join("；", parties.stream().map(p -> roleZh(p.role) + " " + p.name).toList()));
                    facts.put("facts", c.facts);
                    facts.put("terms", in.terms());
                    facts.put("mediators", String.join("、", file.active().stream().map(a -> a.mediatorUsername).toList()));
                    facts.put("level", switch (c.level) {
                        case VILLAGE -> "村级";
                        case TOWNSHIP -> "乡镇级";
                        case COUNTY -> "县级";
                    });
                    facts.put("date", (in.effectiveOn() == null ? clock.today() : in.effectiveOn()).toString());
                    facts.put("judicialWindowDays", String.valueOf(rules.judicialWindowDays()));
                    return facts;
                }));
    }

    private static String roleZh(CaseParty.PartyRole role) {
        return switch (role) {
            case APPLICANT -> "申请人";
            case RESPONDENT -> "被申请人";
            case THIRD_PARTY -> "第三人";
        };
    }

    /** Mediation failed here: the case goes up to the next level the county uses. */
    public Uni<CaseSummary> fail(Mutiny.Session session, CountyCode county, Caller caller, UUID id, Failure in) {
        return files.load(session, id).chain(file -> {
            permissions.mediate(caller, file);
            file.dispute().state.requireMove(CaseState.ESCALATED, "be escalated");
            return files.rules(session).chain(rules -> {
                Level next = rules.above(file.dispute().level).orElseThrow(() -> ProblemException.conflict(
                        "no-higher-level", "The case is at the highest level the county uses; refer it out instead",
                        Map.of("state", file.dispute().state.name(), "level", file.dispute().level.name())));
                return escalations.escalate(session, county, caller, file, next, "mediation-failed", in.reason());
            }).map(c -> CaseSummary.of(c, file.assignments()));
        });
    }

    public Uni<CaseSummary> referOut(Mutiny.Session session, CountyCode county, Caller caller, UUID id, ReferOut in) {
        return files.load(session, id).chain(file -> {
            permissions.decideOutcome(caller, file);
            DisputeCase c = file.dispute();
            CaseState from = c.state;
            from.requireMove(CaseState.REFERRED_OUT, "be referred out");
            return files.rules(session).chain(rules -> {
                c.referredTo = in.to();
                c.referredBody = in.body();
                c.referredReason = in.reason();
                c.followUpDueOn = clock.today().plusDays(rules.followUpAfterDays());
                c.overdue = false;
                c.state = CaseState.REFERRED_OUT;
                return path.record(session, county, caller, CasePath.Change.of(c, from, "referred-out",
                                in.to() + " · " + in.body())
                        .audited("disputes.case-referred-out", Map.of("to", in.to().name(), "body", in.body()))
                        .counts(DisputeFacts.REFERRED_OUT, in.to().name(), 1));
            }).replaceWith(() -> CaseSummary.of(c, file.assignments()));
        });
    }
}
