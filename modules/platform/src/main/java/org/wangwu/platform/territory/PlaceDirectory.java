package org.wangwu.platform.territory;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.territory.TerritoryViews.HouseholdView;
import org.wangwu.platform.territory.TerritoryViews.ResidentView;
import org.wangwu.platform.territory.TerritoryViews.TownshipView;
import org.wangwu.platform.territory.TerritoryViews.VillageView;

/**
 * Lookups of people and places for module code, inside the county's unit of work. It checks no
 * permission: the module's own permissions class has decided before it asks. Answers are masked
 * views; null where nothing is found.
 */
@ApplicationScoped
public class PlaceDirectory {

    public Uni<TownshipView> township(Mutiny.Session session, String code) {
        return session.createSelectionQuery("from Township where code = :code", Township.class)
                .setParameter("code", code).getSingleResultOrNull()
                .map(t -> t == null ? null : TownshipView.of(t));
    }

    public Uni<VillageView> village(Mutiny.Session session, String code) {
        return session.createSelectionQuery("from Village where code = :code", Village.class)
                .setParameter("code", code).getSingleResultOrNull()
                .map(v -> v == null ? null : VillageView.of(v));
    }

    public Uni<List<VillageView>> villages(Mutiny.Session session) {
        return session.createSelectionQuery("from Village order by code", Village.class).getResultList()
                .map(list -> list.stream().map(VillageView::of).toList());
    }

    /** The Chinese names of the county's townships and villages, by code: the labels of statistics by place. */
    public Uni<java.util.Map<String, String>> placeNames(Mutiny.Session session) {
        return session.createSelectionQuery("select code, nameZh from Township", Object[].class).getResultList()
                .chain(townships -> session.createSelectionQuery("select code, nameZh from Village", Object[].class)
                        .getResultList().map(villages -> {
                            java.util.Map<String, String> names = new java.util.HashMap<>();
                            townships.forEach(t -> names.put((String) t[0], (String) t[1]));
                            villages.forEach(v -> names.put((String) v[0], (String) v[1]));
                            return names;
                        }));
    }

    public Uni<HouseholdView> household(Mutiny.Session session, UUID id) {
        return session.find(Household.class, id).chain(h -> h == null ? Uni.createFrom().nullItem()
                : session.find(Village.class, h.villageId).map(v -> HouseholdView.of(h, v.code)));
    }

    public Uni<ResidentView> resident(Mutiny.Session session, UUID id) {
        return session.find(Resident.class, id).chain(r -> withVillage(session, r));
    }

    /** The register entry of a signed-in resident, by their Keycloak username. */
    public Uni<ResidentView> residentByAccount(Mutiny.Session session, String username) {
        return session.createSelectionQuery("from Resident where accountUsername = :u", Resident.class)
                .setParameter("u", username).getSingleResultOrNull().chain(r -> withVillage(session, r));
    }

    /** A household of the register with its members (by name). */
    public record HouseholdMembers(HouseholdView household, List<ResidentView> members) {
    }

    /** The household and its members in one statement; null where it is not in the register. */
    public Uni<HouseholdMembers> householdWithMembers(Mutiny.Session session, UUID id) {
        return session.createSelectionQuery("select h, v, r from Household h join Village v on v.id = h.villageId"
                        + " left join Resident r on r.householdId = h.id where h.id = :id order by r.name", Object[].class)
                .setParameter("id", id).getResultList()
                .map(rows -> {
                    if (rows.isEmpty()) {
                        return null;
                    }
                    Village v = (Village) rows.get(0)[1];
                    return new HouseholdMembers(HouseholdView.of((Household) rows.get(0)[0], v.code), rows.stream()
                            .filter(row -> row[2] != null).map(row -> ResidentView.of((Resident) row[2], v.code)).toList());
                });
    }

    public Uni<List<ResidentView>> residentsOfHousehold(Mutiny.Session session, UUID householdId) {
        return session.find(Household.class, householdId).chain(h -> h == null ? Uni.createFrom().item(List.of())
                : session.find(Village.class, h.villageId).chain(v -> session
                        .createSelectionQuery("from Resident where householdId = :h order by name", Resident.class)
                        .setParameter("h", householdId).getResultList()
                        .map(list -> list.stream().map(r -> ResidentView.of(r, v.code)).toList())));
    }

    /** The register of one village, by name: who may sit on its meetings (ages, representatives, party members, households). */
    public Uni<List<ResidentView>> residentsOfVillage(Mutiny.Session session, String villageCode) {
        return residentsOfVillage(session, villageCode, Integer.MAX_VALUE);
    }

    /** A village's residents by name, at most {@code limit} (a module's demo seed names parties from them). */
    public Uni<List<ResidentView>> residentsOfVillage(Mutiny.Session session, String villageCode, int limit) {
        return session.createSelectionQuery("""
                        select r from Resident r, Village v where r.villageId = v.id and v.code = :code
                        order by r.name, r.id""", Resident.class)
                .setParameter("code", villageCode).setMaxResults(limit).getResultList()
                .map(list -> list.stream().map(r -> ResidentView.of(r, villageCode)).toList());
    }

    /** The households of one village's register, by number. */
    public Uni<List<HouseholdView>> householdsOfVillage(Mutiny.Session session, String villageCode) {
        return session.createSelectionQuery("""
                        select h from Household h, Village v where h.villageId = v.id and v.code = :code
                        order by h.number""", Household.class)
                .setParameter("code", villageCode).getResultList()
                .map(list -> list.stream().map(h -> HouseholdView.of(h, villageCode)).toList());
    }

    /** Households per village code: the denominator of "share of households active". */
    public Uni<List<Object[]>> householdCountsByVillage(Mutiny.Session session) {
        return session.createSelectionQuery(
                        "select v.code, count(h) from Household h, Village v where h.villageId = v.id group by v.code",
                        Object[].class).getResultList();
    }

    /** Every household of the county with its village, in register order. */
    public Uni<List<HouseholdView>> households(Mutiny.Session session) {
        return session.createSelectionQuery("select h, v.code from Household h, Village v where h.villageId = v.id "
                        + "order by v.code, h.number", Object[].class).getResultList()
                .map(rows -> rows.stream().map(r -> HouseholdView.of((Household) r[0], (String) r[1])).toList());
    }

    private Uni<ResidentView> withVillage(Mutiny.Session session, Resident r) {
        return r == null ? Uni.createFrom().nullItem()
                : session.find(Village.class, r.villageId).map(v -> ResidentView.of(r, v.code));
    }
}
