package org.wangwu.platform.territory;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.audit.AuditLog;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.PlatformPermissions;
import org.wangwu.platform.privacy.PersonalDataProtector;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.territory.TerritoryViews.GroupView;
import org.wangwu.platform.territory.TerritoryViews.HouseholdView;
import org.wangwu.platform.territory.TerritoryViews.PersonalDataView;
import org.wangwu.platform.territory.TerritoryViews.ResidentView;
import org.wangwu.platform.territory.TerritoryViews.TownshipView;
import org.wangwu.platform.territory.TerritoryViews.VillageView;
import org.wangwu.platform.web.Page;

/** Reads of a county's people and places, each checked against the caller's reach. */
@ApplicationScoped
public class TerritoryService {

    @Inject
    PlatformPermissions permissions;

    @Inject
    PersonalDataProtector protector;

    @Inject
    AuditLog audit;

    public Uni<List<TownshipView>> townships(Mutiny.Session session, Caller caller) {
        permissions.readTerritory(caller, null);
        return session.createSelectionQuery("from Township order by code", Township.class).getResultList()
                .map(list -> list.stream().filter(t -> reachesTownship(caller, t.code)).map(TownshipView::of).toList());
    }

    public Uni<List<VillageView>> villages(Mutiny.Session session, Caller caller, String townshipCode) {
        permissions.readTerritory(caller, null);
        var query = townshipCode == null
                ? session.createSelectionQuery("from Village order by code", Village.class)
                : session.createSelectionQuery("from Village where code like :prefix order by code", Village.class)
                        .setParameter("prefix", townshipCode + "%");
        return query.getResultList()
                .map(list -> list.stream().filter(v -> caller.reaches(v.code)).map(VillageView::of).toList());
    }

    public Uni<List<GroupView>> groups(Mutiny.Session session, Caller caller, String villageCode) {
        return village(session, caller, villageCode).chain(v -> session
                .createSelectionQuery("from VillagerGroup where villageId = :v order by code", VillagerGroup.class)
                .setParameter("v", v.id).getResultList()
                .map(list -> list.stream().map(g -> GroupView.of(g, v.code)).toList()));
    }

    public Uni<Page<HouseholdView>> households(Mutiny.Session session, Caller caller, String villageCode,
                                               String after, int limit) {
        return village(session, caller, villageCode).chain(v -> session
                .createSelectionQuery("from Household where villageId = :v and number > :after order by number",
                        Household.class)
                .setParameter("v", v.id).setParameter("after", after == null ? "" : after)
                .setMaxResults(limit + 1).getResultList()
                .map(rows -> Page.of(rows, limit, h -> HouseholdView.of(h, v.code), h -> h.number)));
    }

    public Uni<Page<ResidentView>> residents(Mutiny.Session session, Caller caller, String villageCode,
                                             Boolean representative, UUID after, int limit) {
        return village(session, caller, villageCode).chain(v -> {
            String hql = "from Resident where villageId = :v and id > :after"
                    + (representative == null ? "" : " and representative = :rep") + " order by id";
            var query = session.createSelectionQuery(hql, Resident.class)
                    .setParameter("v", v.id).setParameter("after", after == null ? new UUID(0, 0) : after)
                    .setMaxResults(limit + 1);
            if (representative != null) {
                query.setParameter("rep", representative);
            }
            return query.getResultList()
                    .map(rows -> Page.of(rows, limit, r -> ResidentView.of(r, v.code), r -> r.id.toString()));
        });
    }

    public Uni<TownshipView> township(Mutiny.Session session, Caller caller, UUID id) {
        permissions.readTerritory(caller, null);
        return session.find(Township.class, id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Township", id))
                .map(t -> {
                    if (!reachesTownship(caller, t.code)) {
                        throw ProblemException.forbidden("not-permitted", "Place " + t.code + " is outside your reach");
                    }
                    return TownshipView.of(t);
                });
    }

    public Uni<VillageView> village(Mutiny.Session session, Caller caller, UUID id) {
        return session.find(Village.class, id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Village", id))
                .map(v -> {
                    permissions.readTerritory(caller, v.code);
                    return VillageView.of(v);
                });
    }

    public Uni<GroupView> group(Mutiny.Session session, Caller caller, UUID id) {
        return session.find(VillagerGroup.class, id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Group", id))
                .chain(g -> villageOf(session, caller, g.villageId).map(v -> GroupView.of(g, v.code)));
    }

    public Uni<HouseholdView> household(Mutiny.Session session, Caller caller, UUID id) {
        return session.find(Household.class, id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Household", id))
                .chain(h -> villageOf(session, caller, h.villageId).map(v -> HouseholdView.of(h, v.code)));
    }

    public Uni<ResidentView> resident(Mutiny.Session session, Caller caller, UUID id) {
        return residentInReach(session, caller, id).map(found -> ResidentView.of(found.resident, found.village.code));
    }

    /** The one place unmasked personal data leaves the platform; the read itself is audited. */
    public Uni<PersonalDataView> personalData(Mutiny.Session session, CountyCode county, Caller caller, UUID id) {
        permissions.readPersonalData(caller);
        return residentInReach(session, caller, id).chain(found -> audit
                .record(session, county, caller, "resident.personal-data-read", "resident", id,
                        Map.of("fields", List.of("idNumber", "phone")))
                .replaceWith(() -> new PersonalDataView(id, found.resident.name,
                        protector.idNumber(found.resident.personalData), protector.phone(found.resident.personalData))));
    }

    /** Links a resident to the Keycloak login they sign in with, so they can act for themselves. */
    public Uni<ResidentView> linkAccount(Mutiny.Session session, CountyCode county, Caller caller, UUID id,
                                         String username) {
        permissions.manageTerritory(caller);
        return residentInReach(session, caller, id).chain(found -> {
            found.resident.accountUsername = username;
            return session.flush().chain(() -> audit.record(session, county, caller, "resident.account-linked",
                            "resident", id, Map.of("username", username)))
                    .replaceWith(() -> ResidentView.of(found.resident, found.village.code));
        });
    }

    private record ResidentInVillage(Resident resident, Village village) {
    }

    private Uni<ResidentInVillage> residentInReach(Mutiny.Session session, Caller caller, UUID id) {
        return session.find(Resident.class, id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Resident", id))
                .chain(r -> villageOf(session, caller, r.villageId).map(v -> new ResidentInVillage(r, v)));
    }

    /** The village a record of the register hangs on, once the caller is seen to reach it. */
    private Uni<Village> villageOf(Mutiny.Session session, Caller caller, UUID villageId) {
        return session.find(Village.class, villageId).map(v -> {
            permissions.readTerritory(caller, v.code);
            return v;
        });
    }

    private Uni<Village> village(Mutiny.Session session, Caller caller, String code) {
        permissions.readTerritory(caller, code);
        return session.createSelectionQuery("from Village where code = :code", Village.class)
                .setParameter("code", code).getSingleResultOrNull()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Village", code));
    }

    private static boolean reachesTownship(Caller caller, String townshipCode) {
        return caller.village().map(v -> v.startsWith(townshipCode)).orElseGet(() -> caller.reaches(townshipCode));
    }
}
