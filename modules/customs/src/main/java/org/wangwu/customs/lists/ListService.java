package org.wangwu.customs.lists;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.customs.CustomsFacts;
import org.wangwu.customs.CustomsPermissions;
import org.wangwu.customs.CustomsPolicy;
import org.wangwu.customs.CustomsPolicy.Excess;
import org.wangwu.customs.CustomsSettings;
import org.wangwu.customs.council.CouncilService;
import org.wangwu.customs.registration.Registration;
import org.wangwu.platform.audit.AuditLog;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.Role;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.territory.PlaceDirectory;
import org.wangwu.platform.time.PlatformClock;

/**
 * The red list (commended households) and the black list (violations): a violation is a notice
 * first, listed only when the notice ends without an open appeal; an appeal is upheld or overturned
 * by the council or the township; a listed entry expires after the county's number of months.
 */
@ApplicationScoped
public class ListService {

    /** A model household commended by the council. */
    @Schema(examples = """
            {"householdId": "6f1c2d9e-0000-4000-8000-000000000001", "reason": "婚事新办，零彩礼"}""")
    public record Commendation(
            @Schema(description = "The household commended") @NotNull UUID householdId,
            @Schema(description = "Why", examples = "婚事新办，零彩礼") @NotBlank @Size(max = 1000) String reason) {
    }

    /** The household's appeal against a black-list notice. */
    @Schema(examples = """
            {"reason": "实际只办了3天，超出部分是亲属自发守灵"}""")
    public record Appeal(
            @Schema(description = "Why the household appeals", examples = "该次宴请系家庭聚餐，未超标准。") @NotBlank @Size(max = 2000) String reason) {
    }

    /** The decision on an appeal. */
    @Schema(examples = """
            {"outcome": "OVERTURNED", "reason": "核查有误，实际未超标"}""")
    public record AppealDecision(
            @Schema(description = "UPHELD (the entry stands) or OVERTURNED (it is removed)") @NotNull Outcome outcome,
            @Schema(description = "Why", examples = "经核查情况属实") @NotBlank @Size(max = 2000) String reason) {
        @Schema(name = "ListAppealOutcome", description = "The council's decision on an appeal against a list entry: UPHELD (the entry stands) or OVERTURNED (it is withdrawn)")
        public enum Outcome { UPHELD, OVERTURNED }
    }

    /** An entry as staff and the household see it. */
    @Schema(name = "ListEntryView")
    public record EntryView(
            @Schema(description = "The entry's id") UUID id,
            @Schema(description = "RED or BLACK") ListEntry.Kind list,
            @Schema(description = "The village", examples = "419001100201") String villageCode,
            @Schema(description = "The household") UUID householdId,
            @Schema(description = "The household's name", examples = "王秀英户") String householdName,
            @Schema(description = "Why it is listed", examples = "婚事新办，零彩礼") String reason,
            @Schema(description = "The registration whose verification found the violation") UUID registrationId,
            @Schema(description = "NOTICE, LISTED, OVERTURNED or EXPIRED") ListEntry.Status status,
            @Schema(description = "When the household was given notice") LocalDate noticedOn,
            @Schema(description = "When the notice period ends") LocalDate noticeEndsOn,
            @Schema(description = "The last day to appeal") LocalDate appealEndsOn,
            @Schema(description = "OPEN, UPHELD or OVERTURNED, once appealed") ListEntry.AppealStatus appealStatus,
            @Schema(description = "The household's reason", examples = "该次宴请系家庭聚餐，未超标准。") String appealReason,
            @Schema(description = "The reason of the decision", examples = "经核查情况属实") String appealDecision,
            @Schema(description = "When it was listed") LocalDate listedOn,
            @Schema(description = "When the listing expires") LocalDate expiresOn,
            @Schema(description = "When it ended") LocalDate endedOn) {
        static EntryView of(ListEntry e) {
            return new EntryView(e.id, e.list, e.villageCode, e.householdId, e.householdName, e.reason,
                    e.registrationId, e.status, e.noticedOn, e.noticeEndsOn, e.appealEndsOn, e.appealStatus,
                    e.appealReason, e.appealDecision, e.listedOn, e.expiresOn, e.endedOn);
        }
    }

    /** An entry as the public sees it: the name only as the county allows, never an ID number or a phone. */
    public record PublicEntry(
            @Schema(description = "The village", examples = "419001100201") String villageCode,
            @Schema(description = "The household in the form the county allows", examples = "王*户") String name,
            @Schema(description = "Why it is listed", examples = "婚事新办，零彩礼") String reason,
            @Schema(description = "Since when", examples = "2026-03-01") LocalDate listedOn,
            @Schema(description = "Until when", examples = "2026-09-01") LocalDate expiresOn) {
    }

    @Inject
    CustomsSettings settings;

    @Inject
    CustomsPermissions permissions;

    @Inject
    CouncilService council;

    @Inject
    PlaceDirectory places;

    @Inject
    CustomsFacts facts;

    @Inject
    AuditLog audit;

    @Inject
    PlatformClock clock;

    /** A verified violation puts the household on notice, with the county's days to appeal. */
    public Uni<EntryView> notice(Mutiny.Session s, CountyCode county, Caller caller, CustomsPolicy policy,
                                 Registration r, List<Excess> breaches) {
        ListEntry e = entry(ListEntry.Kind.BLACK, r.villageCode, r.householdId, r.householdName, caller,
                "核查超标 / over the caps: " + String.join("; ", breaches.stream().map(b -> b.message().zh()).toList()));
        e.registrationId = r.id;
        e.status = ListEntry.Status.NOTICE;
        e.noticedOn = clock.today();
        e.noticeEndsOn = e.noticedOn.plusDays(policy.noticeDays());
        e.appealEndsOn = e.noticedOn.plusDays(policy.appealDays());
        return s.persist(e).chain(() -> facts.noticed(s, county, e))
                .chain(() -> audit.record(s, county, caller, "customs.black-list-noticed", "customs-list-entry", e.id,
                        Map.of("registration", r.id.toString(), "noticeEndsOn", e.noticeEndsOn.toString())))
                .replaceWith(() -> EntryView.of(e));
    }

    public Uni<EntryView> commend(Mutiny.Session s, CountyCode county, Caller caller, Commendation in) {
        return places.household(s, in.householdId()).chain(h -> {
            if (h == null) {
                throw ProblemException.invalidField("householdId", "is not a household of this county's register");
            }
            return council.usernames(s, h.villageCode()).chain(members -> {
                permissions.commend(caller, members, h.villageCode());
                return places.residentsOfHousehold(s, h.id()).chain(people -> settings.current(s).chain(policy -> {
                    ListEntry e = entry(ListEntry.Kind.RED, h.villageCode(), h.id(),
                            org.wangwu.customs.registration.RegistrationService.householdName(people), caller, in.reason());
                    list(e, policy);
                    return s.persist(e).chain(() -> facts.listed(s, county, e))
                            .chain(() -> audit.record(s, county, caller, "customs.red-list-commended",
                                    "customs-list-entry", e.id, Map.of("household", h.id().toString())))
                            .replaceWith(() -> EntryView.of(e));
                }));
            });
        });
    }

    public Uni<EntryView> appeal(Mutiny.Session s, CountyCode county, Caller caller, UUID id, Appeal in) {
        return load(s, id).chain(e -> ownHousehold(s, caller).chain(own -> {
            permissions.appeal(caller, e.villageCode, e.householdId, own);
            if (e.list != ListEntry.Kind.BLACK || e.appealStatus != null
                    || e.status != ListEntry.Status.NOTICE && e.status != ListEntry.Status.LISTED) {
                throw ProblemException.conflict("not-appealable", "Only a black-list notice or entry not yet appealed "
                        + "can be appealed");
            }
            if (clock.today().isAfter(e.appealEndsOn)) {
                throw ProblemException.conflict("appeal-period-over", "The appeal period ended on " + e.appealEndsOn);
            }
            e.appealStatus = ListEntry.AppealStatus.OPEN;
            e.appealReason = in.reason();
            e.appealedBy = caller.actor();
            return audit.record(s, county, caller, "customs.black-list-appealed", "customs-list-entry", e.id,
                    Map.of("reason", in.reason())).replaceWith(() -> EntryView.of(e));
        }));
    }

    /** Overturned: the entry ends, listed or not. Upheld: it is listed now if its notice has ended. */
    public Uni<EntryView> decideAppeal(Mutiny.Session s, CountyCode county, Caller caller, UUID id, AppealDecision in) {
        return load(s, id).chain(e -> council.usernames(s, e.villageCode).chain(members -> {
            permissions.decideAppeal(caller, members, e.villageCode);
            if (e.appealStatus != ListEntry.AppealStatus.OPEN) {
                throw ProblemException.conflict("no-open-appeal", "This entry has no open appeal");
            }
            e.appealDecidedBy = caller.actor();
            e.appealDecision = in.reason();
            Uni<Void> after;
            if (in.outcome() == AppealDecision.Outcome.OVERTURNED) {
                e.appealStatus = ListEntry.AppealStatus.OVERTURNED;
                e.status = ListEntry.Status.OVERTURNED;
                e.endedOn = clock.today();
                after = facts.ended(s, county, e);
            } else {
                e.appealStatus = ListEntry.AppealStatus.UPHELD;
                after = e.status == ListEntry.Status.NOTICE && !clock.today().isBefore(e.noticeEndsOn)
                        ? settings.current(s).chain(policy -> {
                            list(e, policy);
                            return facts.listed(s, county, e);
                        })
                        : Uni.createFrom().voidItem();
            }
            return after.chain(() -> audit.record(s, county, caller, "customs.black-list-appeal-decided",
                    "customs-list-entry", e.id, Map.of("outcome", in.outcome().name(), "reason", in.reason())))
                    .replaceWith(() -> EntryView.of(e));
        }));
    }

    /** Lists notices whose notice period ended with no open appeal; safe to run twice. */
    public Uni<Integer> listDue(Mutiny.Session s, CountyCode county) {
        Caller system = Caller.system("customs-black-list", county);
        return settings.current(s).chain(policy -> s.createSelectionQuery("""
                        from ListEntry where status = :notice and noticeEndsOn <= :today
                        and (appealStatus is null or appealStatus <> :open)""", ListEntry.class)
                .setParameter("notice", ListEntry.Status.NOTICE).setParameter("today", clock.today())
                .setParameter("open", ListEntry.AppealStatus.OPEN).getResultList()
                .chain(due -> each(due, e -> {
                    list(e, policy);
                    return facts.listed(s, county, e).chain(() -> audit.record(s, county, system,
                            "customs.black-listed", "customs-list-entry", e.id, Map.of("expiresOn",
                                    e.expiresOn.toString())));
                })));
    }

    /** Ends listed entries whose months have run out: they leave every list and public page. */
    public Uni<Integer> expire(Mutiny.Session s, CountyCode county) {
        Caller system = Caller.system("customs-list-expiry", county);
        return s.createSelectionQuery("from ListEntry where status = :listed and expiresOn <= :today", ListEntry.class)
                .setParameter("listed", ListEntry.Status.LISTED).setParameter("today", clock.today()).getResultList()
                .chain(due -> each(due, e -> {
                    e.status = ListEntry.Status.EXPIRED;
                    e.endedOn = clock.today();
                    return facts.ended(s, county, e).chain(() -> audit.record(s, county, system, "customs.list-expired",
                            "customs-list-entry", e.id, Map.of("list", e.list.name())));
                }));
    }

    /** Entries on notice or listed in a place, for staff in reach and the council; the household's own for a resident. */
    public Uni<List<EntryView>> current(Mutiny.Session s, Caller caller, String place) {
        if (caller.has(Role.RESIDENT) && place == null) {
            return ownHousehold(s, caller).chain(own -> shown(s, "householdId = :k", own == null ? UUID.randomUUID() : own));
        }
        if (place == null) {
            throw ProblemException.invalidField("place", "is required");
        }
        return council.usernames(s, place).chain(members -> {
            permissions.readVillage(caller, members, place);
            return shown(s, "villageCode like :k", place + "%");
        });
    }

    private Uni<List<EntryView>> shown(Mutiny.Session s, String where, Object key) {
        return s.createSelectionQuery("from ListEntry where " + where + " and status in (:shown) order by createdAt desc",
                        ListEntry.class)
                .setParameter("k", key).setParameter("shown", List.of(ListEntry.Status.NOTICE, ListEntry.Status.LISTED))
                .setMaxResults(500).getResultList().map(list -> list.stream().map(EntryView::of).toList());
    }

    /** One entry: the household's own for a resident, otherwise for staff in reach and the village's council. */
    public Uni<EntryView> get(Mutiny.Session s, Caller caller, UUID id) {
        return load(s, id).chain(e -> ownHousehold(s, caller).chain(own -> {
            if (own != null && own.equals(e.householdId)) {
                return Uni.createFrom().item(EntryView.of(e));
            }
            return council.usernames(s, e.villageCode).map(members -> {
                permissions.readVillage(caller, members, e.villageCode);
                return EntryView.of(e);
            });
        }));
    }

    /** What a public page shows: listed entries only (never notices, ended or expired ones). */
    public Uni<List<PublicEntry>> publicList(Mutiny.Session s, ListEntry.Kind kind, String place, String county) {
        return settings.current(s).chain(policy -> s.createSelectionQuery("""
                        from ListEntry where list = :kind and status = :listed and villageCode like :place
                        order by listedOn desc, id desc""", ListEntry.class)
                .setParameter("kind", kind).setParameter("listed", ListEntry.Status.LISTED)
                .setParameter("place", (place == null ? county : place) + "%").setMaxResults(500).getResultList()
                .map(list -> list.stream().map(e -> new PublicEntry(e.villageCode, policy.publicName(e.householdName),
                        e.reason, e.listedOn, e.expiresOn)).toList()));
    }

    private void list(ListEntry e, CustomsPolicy policy) {
        e.status = ListEntry.Status.LISTED;
        e.listedOn = clock.today();
        e.expiresOn = e.listedOn.plusMonths(e.list == ListEntry.Kind.RED ? policy.redListMonths() : policy.blackListMonths());
    }

    private ListEntry entry(ListEntry.Kind kind, String village, UUID household, String name, Caller caller,
                            String reason) {
        ListEntry e = new ListEntry();
        e.id = UUID.randomUUID();
        e.list = kind;
        e.villageCode = village;
        e.householdId = household;
        e.householdName = name;
        e.reason = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        e.createdBy = caller.actor();
        e.createdAt = clock.now();
        return e;
    }

    private Uni<UUID> ownHousehold(Mutiny.Session s, Caller caller) {
        return caller.has(Role.RESIDENT) ? places.residentByAccount(s, caller.username())
                .map(r -> r == null ? null : r.householdId()) : Uni.createFrom().nullItem();
    }

    private Uni<ListEntry> load(Mutiny.Session s, UUID id) {
        return s.find(ListEntry.class, id).map(e -> {
            if (e == null) {
                throw ProblemException.notFound("List entry", id);
            }
            return e;
        });
    }

    private static Uni<Integer> each(List<ListEntry> due, java.util.function.Function<ListEntry, Uni<?>> work) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ListEntry e : due) {
            chain = chain.chain(() -> work.apply(e).replaceWithVoid());
        }
        return chain.replaceWith(due.size());
    }
}
