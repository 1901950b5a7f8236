package org.wangwu.consultation.meeting;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.consultation.body.BodyMember;
import org.wangwu.platform.territory.PlaceDirectory;
import org.wangwu.platform.territory.TerritoryViews.HouseholdView;
import org.wangwu.platform.territory.TerritoryViews.ResidentView;

/**
 * Who belongs to a body of a village on a day, from the register: villagers aged 18 or over, the
 * representatives, the party members, or the members the cadres keep for a standing body.
 */
@ApplicationScoped
public class Membership {

    /** The village's register as a meeting sees it, and the members of one body among its residents. */
    public record Roll(Map<UUID, ResidentView> residents, Map<UUID, ResidentView> members,
                       List<HouseholdView> households) {

        public boolean isMember(UUID residentId) {
            return members.containsKey(residentId);
        }
    }

    @Inject
    PlaceDirectory places;

    public Uni<Roll> roll(Mutiny.Session s, String village, Body body, LocalDate on) {
        return places.residentsOfVillage(s, village).chain(residents -> places.householdsOfVillage(s, village)
                .chain(households -> kept(s, village, body).map(kept -> {
                    Map<UUID, ResidentView> all = new LinkedHashMap<>();
                    residents.forEach(r -> all.put(r.id(), r));
                    Map<UUID, ResidentView> members = new LinkedHashMap<>();
                    residents.stream().filter(r -> belongs(r, body, on, kept)).forEach(r -> members.put(r.id(), r));
                    return new Roll(all, members, households);
                })));
    }

    /** Whether the villager sits on the standing body (the supervision committee, say). */
    public Uni<Boolean> sitsOn(Mutiny.Session s, String village, Body body, UUID residentId) {
        return kept(s, village, body).map(ids -> ids.contains(residentId));
    }

    private Uni<Set<UUID>> kept(Mutiny.Session s, String village, Body body) {
        if (!body.keptMembers()) {
            return Uni.createFrom().item(Set.of());
        }
        return s.createSelectionQuery("from BodyMember where villageCode = :v and body = :b", BodyMember.class)
                .setParameter("v", village).setParameter("b", body).getResultList()
                .map(list -> list.stream().map(m -> m.residentId).collect(Collectors.toSet()));
    }

    static boolean adultOn(ResidentView r, LocalDate on) {
        return r.birthDate() != null && !r.birthDate().plusYears(18).isAfter(on);
    }

    private static boolean belongs(ResidentView r, Body body, LocalDate on, Set<UUID> kept) {
        return switch (body) {
            case PARTY_BRANCH, TWO_COMMITTEES, SUPERVISION_COMMITTEE -> kept.contains(r.id());
            case PARTY_MEMBERS -> r.partyMember();
            case REPRESENTATIVES_MEETING -> r.representative();
            case VILLAGERS_MEETING, LIGHT_FORM -> adultOn(r, on);
        };
    }
}
