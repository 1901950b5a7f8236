package org.wangwu.customs.registration;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.customs.CustomsFacts;
import org.wangwu.customs.CustomsModule;
import org.wangwu.customs.CustomsPermissions;
import org.wangwu.customs.CustomsPolicy;
import org.wangwu.customs.CustomsPolicy.EventKind;
import org.wangwu.customs.CustomsPolicy.Excess;
import org.wangwu.customs.CustomsPolicy.Figures;
import org.wangwu.customs.CustomsSettings;
import org.wangwu.customs.council.CouncilService;
import org.wangwu.customs.lists.ListService;
import org.wangwu.customs.registration.RegistrationRequests.Decision;
import org.wangwu.customs.registration.RegistrationRequests.NewRegistration;
import org.wangwu.customs.registration.RegistrationRequests.RegistrationView;
import org.wangwu.customs.registration.RegistrationRequests.Revision;
import org.wangwu.platform.audit.AuditLog;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.event.DomainEvents;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.Role;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.territory.PlaceDirectory;
import org.wangwu.platform.territory.TerritoryViews.ResidentView;
import org.wangwu.platform.time.PlatformClock;
import org.wangwu.platform.web.Cursor;
import org.wangwu.platform.web.Page;

/**
 * Registration before the event and verification after it: the plan checked against the county's
 * caps at once, each excess named; the council's decision inside its deadline; the actual figures
 * checked cap by cap, raising the event other modules (points) act on.
 */
@ApplicationScoped
public class RegistrationService {

    @Inject
    CustomsSettings settings;

    @Inject
    CustomsPermissions permissions;

    @Inject
    CouncilService council;

    @Inject
    ListService lists;

    @Inject
    PlaceDirectory places;

    @Inject
    CustomsFacts facts;

    @Inject
    DomainEvents events;

    @Inject
    AuditLog audit;

    @Inject
    PlatformClock clock;

    @Inject
    ObjectMapper json;

    public Uni<RegistrationView> register(Mutiny.Session s, CountyCode county, Caller caller, NewRegistration in) {
        return callersHousehold(s, caller).chain(own -> {
            UUID householdId = in.householdId() != null ? in.householdId() : own == null ? null : own.householdId();
            if (householdId == null) {
                throw ProblemException.invalidField("householdId", "is required when registering for someone else");
            }
            return places.household(s, householdId).chain(h -> {
                if (h == null) {
                    throw ProblemException.invalidField("householdId", "is not a household of this county's register");
                }
                permissions.register(caller, h.villageCode(), householdId, own == null ? null : own.householdId());
                UUID residentId = own != null && householdId.equals(own.householdId()) ? own.id() : in.residentId();
                return places.residentsOfHousehold(s, householdId).chain(members -> {
                    if (residentId != null && members.stream().noneMatch(m -> m.id().equals(residentId))) {
                        throw ProblemException.invalidField("residentId", "is not a member of household " + householdId);
                    }
                    return settings.current(s).chain(policy -> {
                        Registration r = plan(policy, in.kind(), in.eventDate(), in.venue(), in.plan().figures(), caller);
                        r.villageCode = h.villageCode();
                        r.householdId = householdId;
                        r.residentId = residentId;
                        r.householdName = householdName(members);
                        r.late = isLate(policy, in.kind(), in.eventDate());
                        return s.persist(r).chain(() -> facts.registered(s, county, r))
                                .chain(() -> audit.record(s, county, caller, "customs.registered", "customs-registration",
                                        r.id, Map.of("kind", r.kind.name(), "household", householdId.toString(),
                                                "excesses", r.excesses)))
                                .replaceWith(() -> view(r));
                    });
                });
            });
        });
    }

    /** A new plan for a registration not yet verified: a new registration, checked afresh; the old one is REVISED. */
    public Uni<RegistrationView> revise(Mutiny.Session s, CountyCode county, Caller caller, UUID id, Revision in) {
        return load(s, id).chain(old -> callersHousehold(s, caller).chain(own -> {
            permissions.register(caller, old.villageCode, old.householdId, own == null ? null : own.householdId());
            if (old.status == Registration.Status.REVISED || old.status == Registration.Status.VERIFIED) {
                throw ProblemException.conflict("not-revisable", "A registration that is " + old.status
                        + " cannot be revised");
            }
            return settings.current(s).chain(policy -> {
                Registration r = plan(policy, old.kind, in.eventDate(), in.venue(), in.plan().figures(), caller);
                r.villageCode = old.villageCode;
                r.householdId = old.householdId;
                r.residentId = old.residentId;
                r.householdName = old.householdName;
                r.late = old.late || isLate(policy, old.kind, in.eventDate()) && !in.eventDate().equals(old.eventDate);
                r.revisionOf = old.id;
                old.status = Registration.Status.REVISED;
                return s.persist(r).chain(() -> audit.record(s, county, caller, "customs.registration-revised",
                        "customs-registration", r.id, Map.of("revisionOf", old.id.toString(), "excesses", r.excesses)))
                        .replaceWith(() -> view(r));
            });
        }));
    }

    public Uni<RegistrationView> decide(Mutiny.Session s, CountyCode county, Caller caller, UUID id, Decision in) {
        return load(s, id).chain(r -> council.usernames(s, r.villageCode).chain(members -> {
            permissions.decide(caller, members, r.villageCode);
            if (r.status != Registration.Status.SUBMITTED) {
                throw ProblemException.conflict("already-decided", "This registration is " + r.status
                        + "; the council decides a submitted one");
            }
            List<Excess> excesses = excesses(r.excesses);
            if (in.decision() == Registration.Decision.APPROVED && !excesses.isEmpty()) {
                throw ProblemException.conflict("over-cap", "The plan goes over " + excesses.size()
                        + " of the county's caps: " + String.join("; ", excesses.stream().map(e -> e.message().en())
                        .toList()) + ". Approve with conditions, warn, or ask for a revision",
                        Map.of("excesses", excesses.stream().map(Excess::cap).toList()));
            }
            if (in.decision() != Registration.Decision.APPROVED && (in.note() == null || in.note().isBlank())) {
                throw ProblemException.invalidField("note", "must state the conditions or the warning");
            }
            r.decision = in.decision();
            r.status = Registration.Status.valueOf(in.decision().name());
            r.decisionNote = in.note();
            r.decidedBy = caller.actor();
            r.decidedAt = clock.now();
            return facts.decided(s, county, r)
                    .chain(() -> audit.record(s, county, caller, "customs.registration-decided", "customs-registration",
                            r.id, Map.of("decision", r.decision.name(), "withinDeadline", !clock.today().isAfter(r.decisionDueOn))))
                    .replaceWith(() -> view(r));
        }));
    }

    /** The council records the actual figures; each cap is checked and the outcome raised as an event. */
    public Uni<RegistrationView> verify(Mutiny.Session s, CountyCode county, Caller caller, UUID id, Figures actual) {
        return load(s, id).chain(r -> council.usernames(s, r.villageCode).chain(members -> {
            permissions.decide(caller, members, r.villageCode);
            if (!r.decided() || r.status == Registration.Status.REVISED || r.status == Registration.Status.VERIFIED) {
                throw ProblemException.conflict("not-verifiable", "Only a decided registration is verified once; this one is "
                        + r.status);
            }
            if (r.eventDate.isAfter(clock.today())) {
                throw ProblemException.conflict("event-not-held", "The event is on " + r.eventDate + "; verify it afterwards");
            }
            return settings.current(s).chain(policy -> {
                List<Excess> breaches = policy.excesses(r.kind, actual);
                // Only the figures found (the county's JSON reading refuses nulls), and the cap they met.
                Map<String, Object> found = new HashMap<>();
                found.put("tables", actual.tables());
                found.put("guests", actual.guests());
                putIfPresent(found, "bridePriceYuan", actual.bridePriceYuan());
                putIfPresent(found, "giftPerGuestYuan", actual.giftPerGuestYuan());
                putIfPresent(found, "funeralDays", actual.funeralDays());
                putIfPresent(found, "publicCemetery", actual.publicCemetery());
                if (r.kind == EventKind.WEDDING) {
                    found.put("bridePriceCap", policy.bridePriceCap());
                }
                r.actual = facts.write(found);
                r.breaches = facts.write(breaches);
                r.compliant = breaches.isEmpty();
                r.moneySavedYuan = policy.moneySaved(r.kind, actual);
                r.verifiedBy = caller.actor();
                r.verifiedAt = clock.now();
                r.status = Registration.Status.VERIFIED;
                return facts.verified(s, county, r)
                        .chain(() -> raise(s, county, caller, policy, r, breaches))
                        .chain(() -> audit.record(s, county, caller, "customs.registration-verified",
                                "customs-registration", r.id, Map.of("compliant", r.compliant, "breaches", r.breaches)))
                        .replaceWith(() -> view(r));
            });
        }));
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private Uni<Void> raise(Mutiny.Session s, CountyCode county, Caller caller, CustomsPolicy policy, Registration r,
                            List<Excess> breaches) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("registrationId", r.id.toString());
        payload.put("householdId", r.householdId.toString());
        if (r.residentId != null) {
            payload.put("residentId", r.residentId.toString());
        }
        payload.put("villageCode", r.villageCode);
        payload.put("kind", r.kind.name());
        payload.put("eventDate", r.eventDate.toString());
        if (!breaches.isEmpty()) {
            payload.put("breaches", breaches.stream().map(Excess::cap).toList());
            return events.publish(s, county, CustomsModule.VIOLATION_FOUND, "customs-registration", r.id, payload)
                    .chain(() -> lists.notice(s, county, caller, policy, r, breaches)).replaceWithVoid();
        }
        String type = switch (r.kind) {
            case WEDDING -> CustomsModule.WEDDING_VERIFIED;
            case FUNERAL -> CustomsModule.FUNERAL_VERIFIED;
            case BANQUET -> null;
        };
        return type == null ? Uni.createFrom().voidItem()
                : events.publish(s, county, type, "customs-registration", r.id, payload).replaceWithVoid();
    }

    public Uni<RegistrationView> read(Mutiny.Session s, Caller caller, UUID id) {
        return load(s, id).chain(r -> council.usernames(s, r.villageCode).chain(members -> callersHousehold(s, caller)
                .map(own -> {
                    permissions.readRegistration(caller, members, r.villageCode, r.householdId,
                            own == null ? null : own.householdId());
                    return view(r);
                })));
    }

    /** A village's registrations, newest first; the household's own for a resident. */
    public Uni<Page<RegistrationView>> list(Mutiny.Session s, Caller caller, String village, int limit, String cursor) {
        Cursor after = Cursor.parse(cursor);
        boolean own = caller.has(Role.RESIDENT) && village == null;
        Uni<Object> key = own
                ? callersHousehold(s, caller).map(mine -> {
                    if (mine == null) {
                        throw ProblemException.forbidden("not-permitted", "Your login is not linked to the register");
                    }
                    return mine.householdId();
                })
                : council.usernames(s, village == null ? "" : village).map(members -> {
                    if (village == null) {
                        throw ProblemException.invalidField("village", "is required");
                    }
                    permissions.readVillage(caller, members, village);
                    return village;
                });
        return key.chain(k -> {
            var q = s.createSelectionQuery("from Registration where " + (own ? "householdId" : "villageCode") + " = :k"
                    + (after == null ? "" : Cursor.after("registeredAt", "id"))
                    + " order by registeredAt desc, id desc", Registration.class).setParameter("k", k)
                    .setMaxResults(limit + 1);
            if (after != null) {
                q.setParameter("cursorAt", after.at()).setParameter("cursorId", after.id());
            }
            return q.getResultList().map(rows -> Page.of(rows, limit, this::view, r -> Cursor.of(r.registeredAt, r.id)));
        });
    }

    /** Flags submitted registrations whose council decision is past its deadline; a second run flags nothing new. */
    public Uni<Integer> flagOverdue(Mutiny.Session s, CountyCode county) {
        Caller system = Caller.system("customs-overdue-decisions", county);
        return s.createSelectionQuery("from Registration where status = :submitted and decisionDueOn < :today "
                        + "and overdueOn is null", Registration.class)
                .setParameter("submitted", Registration.Status.SUBMITTED).setParameter("today", clock.today())
                .getResultList().chain(due -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Registration r : due) {
                        chain = chain.chain(() -> {
                            r.overdueOn = clock.today();
                            return facts.overdue(s, county, r).chain(() -> audit.record(s, county, system,
                                    "customs.decision-overdue", "customs-registration", r.id,
                                    Map.of("dueOn", r.decisionDueOn.toString()))).replaceWithVoid();
                        });
                    }
                    return chain.replaceWith(due.size());
                });
    }

    private Registration plan(CustomsPolicy policy, EventKind kind, LocalDate eventDate, String venue, Figures f,
                              Caller caller) {
        if (eventDate.isBefore(clock.today())) {
            throw ProblemException.invalidField("eventDate", "is in the past; register before the event");
        }
        if (kind != EventKind.WEDDING && f.bridePriceYuan() != null) {
            throw ProblemException.invalidField("plan.bridePriceYuan", "applies to weddings only");
        }
        if (kind != EventKind.FUNERAL && (f.funeralDays() != null || f.publicCemetery() != null)) {
            throw ProblemException.invalidField("plan.funeralDays", "funeral days and burial apply to funerals only");
        }
        Registration r = new Registration();
        r.id = UUID.randomUUID();
        r.kind = kind;
        r.eventDate = eventDate;
        r.venue = venue;
        r.tables = f.tables();
        r.guests = f.guests();
        r.bridePriceYuan = f.bridePriceYuan();
        r.giftPerGuestYuan = f.giftPerGuestYuan();
        r.funeralDays = f.funeralDays();
        r.publicCemetery = f.publicCemetery();
        r.excesses = facts.write(policy.excesses(kind, f));
        r.status = Registration.Status.SUBMITTED;
        r.decisionDueOn = clock.today().plusDays(policy.councilDecisionDays());
        r.registeredBy = caller.actor();
        r.registeredAt = clock.now();
        r.settingsRevision = policy.revision();
        return r;
    }

    /**
     * Weddings and banquets are registered the county's number of days ahead; a funeral cannot be
     * planned that far, so it is late only when registered after it began.
     */
    private boolean isLate(CustomsPolicy policy, EventKind kind, LocalDate eventDate) {
        return kind != EventKind.FUNERAL && eventDate.isBefore(clock.today().plusDays(policy.registrationDaysAhead()));
    }

    private Uni<ResidentView> callersHousehold(Mutiny.Session s, Caller caller) {
        return caller.has(Role.RESIDENT) ? places.residentByAccount(s, caller.username()) : Uni.createFrom().nullItem();
    }

    /** The head of the household (户主) names it; else its first member. */
    public static String householdName(List<ResidentView> members) {
        return members.stream().filter(m -> "户主".equals(m.relation())).findFirst()
                .or(() -> members.stream().findFirst()).map(ResidentView::name).orElse("—");
    }

    Uni<Registration> load(Mutiny.Session s, UUID id) {
        return s.find(Registration.class, id).map(r -> {
            if (r == null) {
                throw ProblemException.notFound("Registration", id);
            }
            return r;
        });
    }

    private List<Excess> excesses(String text) {
        return json.convertValue(facts.read(text), new TypeReference<List<Excess>>() { });
    }

    RegistrationView view(Registration r) {
        Figures actual = null;
        if (r.actual != null) {
            com.fasterxml.jackson.databind.node.ObjectNode found = (com.fasterxml.jackson.databind.node.ObjectNode) facts.read(r.actual);
            found.remove("bridePriceCap");
            actual = json.convertValue(found, Figures.class);
        }
        return new RegistrationView(r.id, r.villageCode, r.householdId, r.residentId, r.householdName, r.kind,
                r.eventDate, r.venue, r.planned(), excesses(r.excesses), r.late, r.status, r.decisionDueOn, r.overdueOn,
                r.decision, r.decisionNote, r.decidedBy, r.revisionOf, actual, r.breaches == null ? null
                : excesses(r.breaches), r.compliant, r.moneySavedYuan, r.verifiedBy, r.verifiedAt, r.registeredBy,
                r.registeredAt);
    }
}
