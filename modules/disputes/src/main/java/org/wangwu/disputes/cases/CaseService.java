package org.wangwu.disputes.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.disputes.DisputesModule;
import org.wangwu.disputes.DisputesPermissions;
import org.wangwu.disputes.DisputesRules;
import org.wangwu.platform.document.DocumentTemplate;
import org.wangwu.disputes.cases.CaseRequests.AssignMediators;
import org.wangwu.disputes.cases.CaseRequests.Failure;
import org.wangwu.disputes.cases.CaseRequests.FollowUp;
import org.wangwu.disputes.cases.CaseRequests.JudicialApplication;
import org.wangwu.disputes.cases.CaseRequests.JudicialDecision;
import org.wangwu.disputes.cases.CaseRequests.NewAgreement;
import org.wangwu.disputes.cases.CaseRequests.NewCase;
import org.wangwu.disputes.cases.CaseRequests.NewParty;
import org.wangwu.disputes.cases.CaseRequests.NewSession;
import org.wangwu.disputes.cases.CaseRequests.ReferOut;
import org.wangwu.disputes.cases.CaseRequests.SessionRecord;
import org.wangwu.disputes.cases.CaseRequests.Triage;
import org.wangwu.disputes.cases.CaseViews.AgreementView;
import org.wangwu.disputes.cases.CaseViews.CaseDossier;
import org.wangwu.disputes.cases.CaseViews.CaseSummary;
import org.wangwu.disputes.cases.CaseViews.PartyPersonalData;
import org.wangwu.disputes.cases.CaseViews.SessionView;
import org.wangwu.disputes.cases.CaseViews.StepView;
import org.wangwu.platform.audit.AuditLog;
import org.wangwu.platform.county.County;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.event.DomainEvents;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.module.ModuleService;
import org.wangwu.platform.privacy.ChineseIdNumber;
import org.wangwu.platform.privacy.PersonalDataProtector;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.territory.PlaceDirectory;
import org.wangwu.platform.time.PlatformClock;

/**
 * Works a case along its path: intake, triage, assignment, sessions, outcome, judicial confirmation
 * and follow-up. Every step is checked against {@link CaseState}'s transition table, recorded as a
 * {@link CaseStep}, audited, and where other modules care, published as an event, in one unit of work.
 */
@ApplicationScoped
public class CaseService {

    public static final String OWNER_TYPE = "dispute-case";

    @Inject
    org.wangwu.platform.identity.StaffDirectory staff;

    @Inject
    DisputesPermissions permissions;

    @Inject
    ModuleService modules;

    @Inject
    PlaceDirectory places;

    @Inject
    PersonalDataProtector protector;

    @Inject
    AuditLog audit;

    @Inject
    DomainEvents events;

    @Inject
    PlatformClock clock;

    @Inject
    ObjectMapper json;

    public Uni<DisputesRules> rules(Mutiny.Session session) {
        return modules.settings(session, DisputesModule.KEY).map(DisputesRules::new);
    }

    // ---- intake ---------------------------------------------------------------------------------

    public Uni<CaseSummary> receive(Mutiny.Session session, CountyCode county, Caller caller, NewCase in) {
        permissions.file(caller, in.channel(), in.villageCode());
        if (in.channel() == Channel.REFERRAL && in.referral() == null) {
            throw ProblemException.invalidField("referral", "is required for a referred case: who referred it");
        }
        if (in.channel() != Channel.REFERRAL && in.referral() != null) {
            throw ProblemException.invalidField("referral", "is only for channel REFERRAL");
        }
        return rules(session).chain(rules -> {
            if (in.category() != null && !rules.isCategory(in.category())) {
                throw ProblemException.invalidField("category", "must be one of " + rules.categories());
            }
            return places.village(session, in.villageCode());
        }).chain(village -> {
            if (village == null) {
                throw ProblemException.invalidField("villageCode", "is not a village of this county");
            }
            DisputeCase c = new DisputeCase();
            c.id = UUID.randomUUID();
            c.tenantId = county.value();
            c.receivedAt = clock.now();
            c.number = caseNumber(county, c);
            c.channel = in.channel();
            if (in.referral() != null) {
                c.referralBody = in.referral().body();
                c.referralName = in.referral().name();
                c.referralReference = in.referral().reference();
            }
            c.villageCode = village.code();
            c.townshipCode = village.townshipCode();
            c.title = in.title();
            c.facts = in.facts();
            c.category = in.category();
            c.state = CaseState.RECEIVED;
            c.reportedBy = caller.actor();
            return selfAsApplicant(session, caller, in)
                    .chain(self -> parties(session, c, self, in.parties()))
                    .chain(parties -> session.persist(c).chain(session::flush)
                            .chain(() -> session.persistAll(parties.toArray()))
                            .chain(() -> step(session, c, null, "received", caller,
                                    in.channel() + (c.referralName == null ? "" : " · " + c.referralName)))
                            .chain(() -> audit.record(session, county, caller, "disputes.case-received", OWNER_TYPE,
                                    c.id, Map.of("number", c.number, "channel", c.channel.name(),
                                            "village", c.villageCode, "parties", parties.size())))
                            .chain(() -> publish(session, county, DisputesModule.EVENT_RECEIVED, c, Map.of(
                                    "channel", c.channel.name())))
                            .replaceWith(() -> CaseSummary.of(c, List.of())));
        });
    }

    /** A resident filing online is the applicant, as their register entry says. */
    private Uni<CaseParty> selfAsApplicant(Mutiny.Session session, Caller caller, NewCase in) {
        if (in.channel() != Channel.ONLINE) {
            return Uni.createFrom().nullItem();
        }
        return places.residentByAccount(session, caller.username()).map(resident -> {
            if (resident == null) {
                throw ProblemException.conflict("account-not-linked", "Your login is not linked to an entry of the "
                        + "county's register; ask the village to link it before filing online");
            }
            CaseParty p = new CaseParty();
            p.role = CaseParty.PartyRole.APPLICANT;
            p.residentId = resident.id();
            p.name = resident.name();
            return p;
        });
    }

    private Uni<List<CaseParty>> parties(Mutiny.Session session, DisputeCase c, CaseParty self, List<NewParty> in) {
        List<CaseParty> out = new ArrayList<>();
        if (self != null) {
            out.add(self);
        }
        if (out.isEmpty() && in.isEmpty()) {
            throw ProblemException.invalidField("parties", "must name at least one party");
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < in.size(); i++) {
            NewParty p = in.get(i);
            String field = "parties[" + i + "]";
            validateParty(p, field);
            chain = chain.chain(() -> party(session, p, field).invoke(out::add)).replaceWithVoid();
        }
        return chain.map(ignored -> {
            for (CaseParty p : out) {
                p.id = UUID.randomUUID();
                p.caseId = c.id;
                p.tenantId = c.tenantId;
            }
            return out;
        });
    }

    private static void validateParty(NewParty p, String field) {
        if (p.residentId() == null && (p.name() == null || p.name().isBlank())) {
            throw ProblemException.invalidField(field + ".name", "is required for a person outside the register");
        }
        if (p.idNumber() != null && !ChineseIdNumber.isValid(p.idNumber())) {
            throw ProblemException.invalidField(field + ".idNumber", "is not a valid 18-character ID number");
        }
        if (p.phone() != null && !ChineseIdNumber.isMobile(p.phone())) {
            throw ProblemException.invalidField(field + ".phone", "is not a mainland mobile number");
        }
    }

    private Uni<CaseParty> party(Mutiny.Session session, NewParty in, String field) {
        Uni<String> name = in.residentId() == null ? Uni.createFrom().item(in.name())
                : places.resident(session, in.residentId()).map(r -> {
                    if (r == null) {
                        throw ProblemException.invalidField(field + ".residentId", "is not a resident of this county");
                    }
                    return r.name();
                });
        return name.map(n -> {
            CaseParty p = new CaseParty();
            p.role = in.role();
            p.residentId = in.residentId();
            p.name = n;
            p.address = in.address();
            if (in.idNumber() != null) {
                PersonalDataProtector.ProtectedIdNumber stored = protector.protectIdNumber(in.idNumber());
                p.idNumberCipher = stored.cipher();
                p.idNumberDigest = stored.digest();
                p.idNumberMasked = stored.masked();
            }
            if (in.phone() != null) {
                PersonalDataProtector.ProtectedPhone stored = protector.protectPhone(in.phone());
                p.phoneCipher = stored.cipher();
                p.phoneMasked = stored.masked();
            }
            return p;
        });
    }

    private static String caseNumber(CountyCode county, DisputeCase c) {
        LocalDate day = LocalDate.ofInstant(c.receivedAt, PlatformClock.ZONE);
        return county.value() + "-" + day.toString().replace("-", "") + "-"
                + c.id.toString().substring(0, 8).toUpperCase();
    }

    // ---- reading ----------------------------------------------------------------------------------

    public Uni<CaseFile> load(Mutiny.Session session, UUID id) {
        return session.find(DisputeCase.class, id).chain(c -> {
            if (c == null) {
                throw ProblemException.notFound("Dispute case", id);
            }
            return session.createSelectionQuery("from Assignment where caseId = :id order by assignedAt", Assignment.class)
                    .setParameter("id", id).getResultList().map(list -> new CaseFile(c, list));
        });
    }

    public Uni<CaseSummary> summary(Mutiny.Session session, Caller caller, UUID id) {
        return load(session, id).map(file -> {
            permissions.readSummary(caller, file);
            return CaseSummary.of(file.dispute(), file.assignments());
        });
    }

    public Uni<List<StepView>> history(Mutiny.Session session, Caller caller, UUID id) {
        return load(session, id).chain(file -> {
            permissions.readSummary(caller, file);
            return session.createSelectionQuery("from CaseStep where caseId = :id order by occurredAt, id", CaseStep.class)
                    .setParameter("id", id).getResultList().map(list -> list.stream().map(StepView::of).toList());
        });
    }

    public Uni<CaseDossier> dossier(Mutiny.Session session, Caller caller, UUID id) {
        return load(session, id).chain(file -> {
            permissions.readDossier(caller, file);
            return partiesOf(session, id).map(parties -> CaseDossier.of(file, parties));
        });
    }

    private Uni<List<CaseParty>> partiesOf(Mutiny.Session session, UUID caseId) {
        return session.createSelectionQuery("from CaseParty where caseId = :id order by role, name", CaseParty.class)
                .setParameter("id", caseId).getResultList();
    }

    /** The one place a party's unmasked data leaves the module; the read itself is audited. */
    public Uni<PartyPersonalData> personalData(Mutiny.Session session, CountyCode county, Caller caller, UUID id,
                                               UUID partyId) {
        return load(session, id).chain(file -> {
            permissions.readPersonalData(caller, file);
            return session.find(CaseParty.class, partyId);
        }).chain(p -> {
            if (p == null || !p.caseId.equals(id)) {
                throw ProblemException.notFound("Party", partyId);
            }
            return audit.record(session, county, caller, "disputes.party-personal-data-read", "dispute-party",
                            partyId, Map.of("case", id.toString(), "fields", List.of("idNumber", "phone")))
                    .replaceWith(() -> new PartyPersonalData(p.id, p.name, protector.decrypt(p.idNumberCipher),
                            protector.decrypt(p.phoneCipher)));
        });
    }

    public Uni<List<SessionView>> sessions(Mutiny.Session session, Caller caller, UUID id) {
        return load(session, id).chain(file -> {
            permissions.readDossier(caller, file);
            return session.createSelectionQuery("from MediationSession where caseId = :id order by scheduledAt",
                    MediationSession.class).setParameter("id", id).getResultList();
        }).map(list -> list.stream().map(this::view).toList());
    }

    public Uni<AgreementView> agreement(Mutiny.Session session, Caller caller, UUID id) {
        return load(session, id).map(file -> {
            permissions.readDossier(caller, file);
            AgreementView view = AgreementView.of(file.dispute());
            if (view == null) {
                throw ProblemException.notFound("Agreement of case", id);
            }
            return view;
        });
    }

    // ---- triage and assignment --------------------------------------------------------------------

    public Uni<CaseSummary> triage(Mutiny.Session session, CountyCode county, Caller caller, UUID id, Triage in) {
        return load(session, id).chain(file -> {
            permissions.triage(caller, file);
            DisputeCase c = file.dispute();
            return rules(session).chain(rules -> {
                if (!rules.isCategory(in.category())) {
                    throw ProblemException.invalidField("category", "must be one of " + rules.categories());
                }
                if (!rules.isRisk(in.risk())) {
                    throw ProblemException.invalidField("risk", "must be one of " + rules.risks());
                }
                if (!rules.inUse(in.level())) {
                    throw ProblemException.invalidField("level", "must be a level the county uses: " + rules.levels());
                }
                boolean atOnce = rules.escalatesAtOnce(in.risk());
                CaseState from = c.state;
                from.requireMove(atOnce ? CaseState.ESCALATED : CaseState.TRIAGED, "be triaged");
                c.category = in.category();
                c.risk = in.risk();
                Map<String, Object> detail = new LinkedHashMap<>(Map.of("category", c.category, "risk", c.risk,
                        "level", in.level().name()));
                if (!atOnce) {
                    c.level = in.level();
                    c.state = CaseState.TRIAGED;
                    return step(session, c, from, "triaged", caller, in.note())
                            .chain(() -> audit.record(session, county, caller, "disputes.case-triaged", OWNER_TYPE,
                                    c.id, detail))
                            .replaceWith(() -> CaseSummary.of(c, file.assignments()));
                }
                // High risk goes straight to the top level in use, and everyone who listens is told.
                c.level = in.level();
                detail.put("escalatedTo", rules.highest().name());
                return audit.record(session, county, caller, "disputes.case-triaged", OWNER_TYPE, c.id, detail)
                        .chain(() -> escalate(session, county, caller, file, rules.highest(), "high-risk", in.note()))
                        .map(escalated -> CaseSummary.of(escalated, file.assignments()));
            });
        });
    }

    public Uni<CaseSummary> assign(Mutiny.Session session, CountyCode county, Caller caller, UUID id,
                                   AssignMediators in) {
        return load(session, id).chain(file -> {
            permissions.assign(caller, file);
            DisputeCase c = file.dispute();
            CaseState from = c.state;
            from.requireMove(CaseState.ASSIGNED, "have mediators assigned");
            Uni<Void> checked = Uni.createFrom().voidItem();
            for (String username : new LinkedHashSet<>(in.mediators())) {
                checked = checked.chain(() -> staff.find(county, username)
                        .invoke(member -> permissions.assignable(username, member, c)).replaceWithVoid());
            }
            return checked.chain(() -> rules(session)).chain(rules -> {
                Instant now = clock.now();
                List<Assignment> all = new ArrayList<>(file.assignments());
                file.standDown(now);
                List<Assignment> added = new ArrayList<>();
                for (String username : new LinkedHashSet<>(in.mediators())) {
                    Assignment a = new Assignment();
                    a.id = UUID.randomUUID();
                    a.caseId = c.id;
                    a.mediatorUsername = username;
                    a.level = c.level;
                    a.placeCode = c.placeCode();
                    a.assignedBy = caller.actor();
                    a.assignedAt = now;
                    a.active = true;
                    added.add(a);
                }
                all.addAll(added);
                if (from != CaseState.ASSIGNED) {
                    c.deadline = clock.today().plusDays(rules.deadlineDays(c.level));
                    c.overdue = false;
                }
                c.state = CaseState.ASSIGNED;
                return session.persistAll(added.toArray())
                        .chain(() -> step(session, c, from, "assigned", caller, String.join(", ", in.mediators())))
                        .chain(() -> audit.record(session, county, caller, "disputes.mediators-assigned", OWNER_TYPE,
                                c.id, Map.of("mediators", in.mediators(), "level", c.level.name(),
                                        "deadline", c.deadline.toString())))
                        .replaceWith(() -> CaseSummary.of(c, all));
            });
        });
    }

    // ---- sessions ---------------------------------------------------------------------------------

    public Uni<SessionView> schedule(Mutiny.Session session, CountyCode county, Caller caller, UUID id, NewSession in) {
        return load(session, id).chain(file -> {
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
            s.participants = write(in.participants() == null ? List.of() : in.participants());
            s.createdBy = caller.actor();
            Uni<Void> moved = from == CaseState.IN_MEDIATION ? Uni.createFrom().voidItem()
                    : step(session, c, from, "mediation-started", caller, in.place());
            return session.persist(s).chain(() -> moved)
                    .chain(() -> audit.record(session, county, caller, "disputes.session-scheduled", OWNER_TYPE, c.id,
                            Map.of("session", s.id.toString(), "scheduledAt", s.scheduledAt.toString())))
                    .replaceWith(() -> view(s));
        });
    }

    public Uni<SessionView> recordSession(Mutiny.Session session, CountyCode county, Caller caller, UUID id,
                                          UUID sessionId, SessionRecord in) {
        return load(session, id).chain(file -> {
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
            s.participants = write(in.participants());
            s.minutes = in.minutes();
            s.recordedBy = caller.actor();
            return audit.record(session, county, caller, "disputes.session-recorded", OWNER_TYPE, id,
                    Map.of("session", s.id.toString(), "participants", in.participants().size())).replaceWith(() -> view(s));
        });
    }

    // ---- outcomes ---------------------------------------------------------------------------------

    public Uni<AgreementView> agree(Mutiny.Session session, CountyCode county, Caller caller, UUID id, NewAgreement in) {
        return load(session, id).chain(file -> {
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
                        return rules(session);
                    })
                    .chain(rules -> agreementFacts(session, county, file, in, rules).map(facts -> {
                        LocalDate effective = in.effectiveOn() == null ? clock.today() : in.effectiveOn();
                        c.agreementTerms = in.terms();
                        c.agreementEffectiveOn = effective;
                        c.agreementText = DocumentTemplate.fill(rules.agreementTemplate(), facts);
                        c.judicialDeadline = effective.plusDays(rules.judicialWindowDays());
                        c.judicialReminded = false;
                        c.followUpDueOn = effective.plusDays(rules.followUpAfterDays());
                        c.resolvedAt = clock.now();
                        c.resolvedLevel = c.level;
                        c.overdue = false;
                        c.state = CaseState.AGREED;
                        return c;
                    }))
                    .chain(ignored -> step(session, c, from, "agreed", caller, null))
                    .chain(() -> audit.record(session, county, caller, "disputes.agreement-recorded", OWNER_TYPE, c.id,
                            Map.of("level", c.level.name(), "effectiveOn", c.agreementEffectiveOn.toString())))
                    .chain(() -> publish(session, county, DisputesModule.EVENT_RESOLVED, c, Map.of(
                            "resolvedLevel", c.level.name(),
                            "daysToResolve", java.time.Duration.between(c.receivedAt, c.resolvedAt).toDays())))
                    .replaceWith(() -> AgreementView.of(c));
        });
    }

    private Uni<Map<String, String>> agreementFacts(Mutiny.Session session, CountyCode county, CaseFile file,
                                                    NewAgreement in, DisputesRules rules) {
        DisputeCase c = file.dispute();
        return session.find(County.class, county.value())
                .chain(found -> places.village(session, c.villageCode).chain(village -> partiesOf(session, c.id)
                        .map(parties -> {
                            Map<String, String> facts = new HashMap<>();
                            facts.put("caseNumber", c.number);
                            facts.put("county", found == null ? county.value() : found.nameZh);
                            facts.put("village", village == null ? c.villageCode : village.nameZh());
                            facts.put("parties", String.join("；", parties.stream()
                                    .map(p -> roleZh(p.role) + " " + p.name).toList()));
                            facts.put("facts", c.facts);
                            facts.put("terms", in.terms());
                            facts.put("mediators", String.join("、", file.active().stream()
                                    .map(a -> a.mediatorUsername).toList()));
                            facts.put("level", switch (c.level) {
                                case VILLAGE -> "村级";
                                case TOWNSHIP -> "乡镇级";
                                case COUNTY -> "县级";
                            });
                            facts.put("date", (in.effectiveOn() == null ? clock.today() : in.effectiveOn()).toString());
                            facts.put("judicialWindowDays", String.valueOf(rules.judicialWindowDays()));
                            return facts;
                        })));
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
        return load(session, id).chain(file -> {
            permissions.mediate(caller, file);
            file.dispute().state.requireMove(CaseState.ESCALATED, "be escalated");
            return rules(session).chain(rules -> {
                Level next = rules.above(file.dispute().level).orElseThrow(() -> ProblemException.conflict(
                        "no-higher-level", "The case is at the highest level the county uses; refer it out instead",
                        Map.of("state", file.dispute().state.name(), "level", file.dispute().level.name())));
                return escalate(session, county, caller, file, next, "mediation-failed", in.reason());
            }).map(c -> CaseSummary.of(c, file.assignments()));
        });
    }

    /** Moves a case up a level: its mediators there stand down and it waits for new ones. */
    public Uni<DisputeCase> escalate(Mutiny.Session session, CountyCode county, Caller caller, CaseFile file, Level next,
                                     String reason, String note) {
        DisputeCase c = file.dispute();
        CaseState from = c.state;
        from.requireMove(CaseState.ESCALATED, "be escalated");
        Level previous = c.level;
        file.standDown(clock.now());
        c.level = next;
        c.state = CaseState.ESCALATED;
        c.deadline = null;
        c.overdue = false;
        c.escalations++;
        return step(session, c, from, "escalated-" + reason, caller, note)
                .chain(() -> audit.record(session, county, caller, "disputes.case-escalated", OWNER_TYPE, c.id,
                        Map.of("from", previous.name(), "to", next.name(), "reason", reason)))
                .chain(() -> publish(session, county, DisputesModule.EVENT_ESCALATED, c, Map.of(
                        "from", previous.name(), "to", next.name(), "reason", reason)))
                .replaceWith(c);
    }

    public Uni<CaseSummary> referOut(Mutiny.Session session, CountyCode county, Caller caller, UUID id, ReferOut in) {
        return load(session, id).chain(file -> {
            permissions.decideOutcome(caller, file);
            DisputeCase c = file.dispute();
            CaseState from = c.state;
            from.requireMove(CaseState.REFERRED_OUT, "be referred out");
            return rules(session).chain(rules -> {
                c.referredTo = in.to();
                c.referredBody = in.body();
                c.referredReason = in.reason();
                c.followUpDueOn = clock.today().plusDays(rules.followUpAfterDays());
                c.overdue = false;
                c.state = CaseState.REFERRED_OUT;
                return step(session, c, from, "referred-out", caller, in.to() + " · " + in.body());
            }).chain(() -> audit.record(session, county, caller, "disputes.case-referred-out", OWNER_TYPE, c.id,
                    Map.of("to", in.to().name(), "body", in.body()))).replaceWith(() -> CaseSummary.of(c, file.assignments()));
        });
    }

    // ---- judicial confirmation ------------------------------------------------------------------------

    public Uni<CaseSummary> applyForConfirmation(Mutiny.Session session, CountyCode county, Caller caller, UUID id,
                                                 JudicialApplication in) {
        return load(session, id).chain(file -> {
            permissions.decideOutcome(caller, file);
            DisputeCase c = file.dispute();
            CaseState from = c.state;
            from.requireMove(CaseState.JUDICIAL_CONFIRMATION_PENDING, "apply for judicial confirmation");
            LocalDate applied = in.appliedOn() == null ? clock.today() : in.appliedOn();
            if (applied.isBefore(c.agreementEffectiveOn) || applied.isAfter(clock.today())) {
                throw ProblemException.invalidField("appliedOn", "must lie between the agreement taking effect ("
                        + c.agreementEffectiveOn + ") and today");
            }
            // People's Mediation Law art. 33: within the window from the agreement taking effect.
            if (applied.isAfter(c.judicialDeadline)) {
                throw ProblemException.conflict("judicial-window-closed", "The window for judicial confirmation "
                        + "closed on " + c.judicialDeadline, Map.of("state", c.state.name(),
                        "windowClosedOn", c.judicialDeadline.toString()));
            }
            c.judicialCourt = in.court();
            c.judicialAppliedOn = applied;
            c.state = CaseState.JUDICIAL_CONFIRMATION_PENDING;
            return step(session, c, from, "judicial-confirmation-applied", caller, in.court())
                    .chain(() -> audit.record(session, county, caller, "disputes.judicial-confirmation-applied",
                            OWNER_TYPE, c.id, Map.of("court", in.court(), "appliedOn", applied.toString())))
                    .replaceWith(() -> CaseSummary.of(c, file.assignments()));
        });
    }

    public Uni<CaseSummary> recordCourtDecision(Mutiny.Session session, CountyCode county, Caller caller, UUID id,
                                                JudicialDecision in) {
        return load(session, id).chain(file -> {
            permissions.decideOutcome(caller, file);
            DisputeCase c = file.dispute();
            CaseState from = c.state;
            CaseState to = in.confirmed() ? CaseState.CONFIRMED : CaseState.REJECTED;
            from.requireMove(to, "record the court's decision");
            LocalDate decided = in.decidedOn() == null ? clock.today() : in.decidedOn();
            if (decided.isBefore(c.judicialAppliedOn)) {
                throw ProblemException.invalidField("decidedOn", "must not precede the application of "
                        + c.judicialAppliedOn);
            }
            c.judicialDecidedOn = decided;
            c.state = to;
            return step(session, c, from, in.confirmed() ? "judicially-confirmed" : "judicial-confirmation-rejected",
                    caller, in.note())
                    .chain(() -> audit.record(session, county, caller, "disputes.court-decision-recorded", OWNER_TYPE,
                            c.id, Map.of("confirmed", in.confirmed(), "decidedOn", decided.toString())))
                    .replaceWith(() -> CaseSummary.of(c, file.assignments()));
        });
    }

    // ---- follow-up --------------------------------------------------------------------------------

    public Uni<CaseSummary> followUp(Mutiny.Session session, CountyCode county, Caller caller, UUID id, FollowUp in) {
        return load(session, id).chain(file -> {
            permissions.followUp(caller, file);
            DisputeCase c = file.dispute();
            CaseState from = c.state;
            boolean referred = from == CaseState.REFERRED_OUT;
            if (referred && in.agreementHonoured() != null) {
                throw ProblemException.invalidField("agreementHonoured", "has no meaning for a case referred out");
            }
            if (!referred && in.agreementHonoured() == null && from.canMoveTo(CaseState.CLOSED)) {
                throw ProblemException.invalidField("agreementHonoured", "is required: is the agreement honoured?");
            }
            CaseState to = referred || Boolean.TRUE.equals(in.agreementHonoured()) ? CaseState.CLOSED : CaseState.REOPENED;
            from.requireMove(to, to == CaseState.CLOSED ? "be closed" : "be reopened");
            LocalDate visited = in.visitedOn() == null ? clock.today() : in.visitedOn();
            if (c.followUpDueOn != null && clock.today().isBefore(c.followUpDueOn)) {
                throw ProblemException.conflict("follow-up-not-due", "The follow-up visit is due on "
                        + c.followUpDueOn, Map.of("state", from.name(), "dueOn", c.followUpDueOn.toString()));
            }
            if (visited.isAfter(clock.today())) {
                throw ProblemException.invalidField("visitedOn", "must not be in the future");
            }
            return rules(session).chain(rules -> {
                if (in.satisfaction() > rules.satisfactionScale()) {
                    throw ProblemException.invalidField("satisfaction", "must be from 1 to "
                            + rules.satisfactionScale() + " in this county");
                }
                c.followedUpOn = visited;
                c.agreementHonoured = in.agreementHonoured();
                c.satisfaction = in.satisfaction();
                c.state = to;
                if (to == CaseState.CLOSED) {
                    c.closedAt = clock.now();
                    return step(session, c, from, "closed", caller, in.note())
                            .chain(() -> audit.record(session, county, caller, "disputes.case-closed", OWNER_TYPE,
                                    c.id, Map.of("satisfaction", in.satisfaction())))
                            .chain(() -> publish(session, county, DisputesModule.EVENT_CLOSED, c, Map.of(
                                    "satisfaction", in.satisfaction())));
                }
                // A broken agreement goes back to the mediators who made it, against a fresh deadline.
                c.deadline = clock.today().plusDays(rules.deadlineDays(c.level));
                c.overdue = false;
                return step(session, c, from, "reopened", caller, in.note())
                        .chain(() -> audit.record(session, county, caller, "disputes.case-reopened", OWNER_TYPE, c.id,
                                Map.of("satisfaction", in.satisfaction())))
                        .chain(() -> publish(session, county, DisputesModule.EVENT_REOPENED, c, Map.of()));
            }).replaceWith(() -> CaseSummary.of(c, file.assignments()));
        });
    }

    // ---- helpers ----------------------------------------------------------------------------------

    public Uni<Void> step(Mutiny.Session session, DisputeCase c, CaseState from, String action, Caller caller,
                          String note) {
        CaseStep s = new CaseStep();
        s.id = UUID.randomUUID();
        s.caseId = c.id;
        s.occurredAt = clock.now();
        s.action = action;
        s.fromState = from;
        s.toState = c.state;
        s.level = c.level;
        s.actor = caller.actor();
        s.note = note == null ? null : note.length() > 2000 ? note.substring(0, 2000) : note;
        return session.persist(s);
    }

    /** Events carry no personal data: only what a dashboard or another module needs. */
    public Uni<Void> publish(Mutiny.Session session, CountyCode county, String type, DisputeCase c,
                             Map<String, ?> extra) {
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
        payload.putAll(extra);
        return events.publish(session, county, type, OWNER_TYPE, c.id, payload).replaceWithVoid();
    }

    public <T> Uni<List<T>> summaries(Mutiny.Session session, List<DisputeCase> cases,
                                      Function<CaseFile, T> view) {
        if (cases.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return session.createSelectionQuery("from Assignment where caseId in :ids order by assignedAt", Assignment.class)
                .setParameter("ids", cases.stream().map(c -> c.id).toList()).getResultList()
                .map(assignments -> cases.stream().map(c -> view.apply(new CaseFile(c,
                        assignments.stream().filter(a -> a.caseId.equals(c.id)).toList()))).toList());
    }

    private SessionView view(MediationSession s) {
        return new SessionView(s.id, s.level, s.scheduledAt, s.place, read(s.participants), s.heldAt, s.minutes,
                s.createdBy, s.recordedBy);
    }

    private String write(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> read(String stored) {
        try {
            return json.readValue(stored, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
