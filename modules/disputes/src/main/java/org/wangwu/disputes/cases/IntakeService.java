package org.wangwu.disputes.cases;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.disputes.DisputesModule;
import org.wangwu.disputes.DisputesPermissions;
import org.wangwu.disputes.cases.CaseRequests.NewCase;
import org.wangwu.disputes.cases.CaseRequests.NewParty;
import org.wangwu.disputes.cases.CaseViews.CaseSummary;
import org.wangwu.disputes.statistics.DisputeFacts;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.privacy.ChineseIdNumber;
import org.wangwu.platform.privacy.PersonalDataProtector;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.territory.PlaceDirectory;
import org.wangwu.platform.time.PlatformClock;

/** Intake (受理): a case taken in from any channel, with its parties, placed in its village. */
@ApplicationScoped
public class IntakeService {

    @Inject
    DisputesPermissions permissions;

    @Inject
    CaseFiles files;

    @Inject
    CasePath path;

    @Inject
    PlaceDirectory places;

    @Inject
    PersonalDataProtector protector;

    @Inject
    PlatformClock clock;

    public Uni<CaseSummary> receive(Mutiny.Session session, CountyCode county, Caller caller, NewCase in) {
        permissions.file(caller, in.channel(), in.villageCode());
        if (in.channel() == Channel.REFERRAL && in.referral() == null) {
            throw ProblemException.invalidField("referral", "is required for a referred case: who referred it");
        }
        if (in.channel() != Channel.REFERRAL && in.referral() != null) {
            throw ProblemException.invalidField("referral", "is only for channel REFERRAL");
        }
        return files.rules(session).chain(rules -> {
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
                            .chain(() -> path.record(session, county, caller, received(c, parties.size())))
                            .replaceWith(() -> CaseSummary.of(c, List.of())));
        });
    }

    /** The step, audit, event and facts of a case taken in (the demo seed takes its cases in the same way). */
    public static CasePath.Change received(DisputeCase c, int parties) {
        return CasePath.Change.of(c, null, "received", c.channel + (c.referralName == null ? "" : " · " + c.referralName))
                .at(c.receivedAt)
                .audited("disputes.case-received", Map.of("number", c.number, "channel", c.channel.name(),
                        "village", c.villageCode, "parties", parties))
                .published(DisputesModule.EVENT_RECEIVED, Map.of("channel", c.channel.name()))
                .counts(DisputeFacts.RECEIVED, c.channel.name(), 1)
                .counts(DisputeFacts.RECEIVED_BY_CATEGORY, c.category, 1);
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
            p.personalData = protector.protect(in.idNumber(), in.phone());
            return p;
        });
    }

    public static String caseNumber(CountyCode county, DisputeCase c) {
        LocalDate day = LocalDate.ofInstant(c.receivedAt, PlatformClock.ZONE);
        return county.value() + "-" + day.toString().replace("-", "") + "-"
                + c.id.toString().substring(0, 8).toUpperCase();
    }
}
