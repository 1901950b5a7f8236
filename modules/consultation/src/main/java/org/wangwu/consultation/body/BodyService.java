package org.wangwu.consultation.body;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.consultation.ConsultationPermissions;
import org.wangwu.consultation.meeting.Body;
import org.wangwu.platform.audit.AuditLog;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.territory.PlaceDirectory;
import org.wangwu.platform.time.PlatformClock;

/** The village's standing bodies, kept by its cadres from the register. */
@ApplicationScoped
public class BodyService {

    /** A member as the API shows them. */
    @Schema(name = "BodyMemberView")
    public record MemberView(
            @Schema(description = "The member (a resident of the register)") UUID residentId,
            @Schema(description = "Their name", examples = "李建军") String name,
            @Schema(description = "The standing body") Body body,
            @Schema(description = "Their position on it", examples = "主任") String position) {
        static MemberView of(BodyMember m) {
            return new MemberView(m.residentId, m.residentName, m.body, m.position);
        }
    }

    @Inject
    ConsultationPermissions permissions;

    @Inject
    PlaceDirectory places;

    @Inject
    AuditLog audit;

    @Inject
    PlatformClock clock;

    public Uni<List<MemberView>> members(Mutiny.Session s, Caller caller, String village) {
        permissions.read(caller, village);
        return s.createSelectionQuery("from BodyMember where villageCode = :v order by body, residentName", BodyMember.class)
                .setParameter("v", village).getResultList().map(list -> list.stream().map(MemberView::of).toList());
    }

    /** Seats a villager of the register on a body (again: the position is updated). */
    public Uni<MemberView> seat(Mutiny.Session s, CountyCode county, Caller caller, String village, Body body,
                                UUID residentId, String position) {
        permissions.keepBodies(caller, village);
        requireStanding(body);
        return places.resident(s, residentId).chain(r -> {
            if (r == null || !r.villageCode().equals(village)) {
                throw ProblemException.invalidField("residentId", "is not in the register of village " + village);
            }
            return find(s, village, body, residentId).chain(existing -> {
                BodyMember m = existing != null ? existing : new BodyMember();
                if (existing == null) {
                    m.id = UUID.randomUUID();
                    m.villageCode = village;
                    m.body = body;
                    m.residentId = residentId;
                    m.residentName = r.name();
                    m.addedBy = caller.actor();
                    m.addedAt = clock.now();
                }
                m.position = position;
                return (existing == null ? s.persist(m) : Uni.createFrom().voidItem())
                        .chain(() -> audit.record(s, county, caller, "consultation.body-member-seated", "consultation-body",
                                village + "/" + body, Map.of("resident", residentId.toString())))
                        .replaceWith(() -> MemberView.of(m));
            });
        });
    }

    public Uni<Void> unseat(Mutiny.Session s, CountyCode county, Caller caller, String village, Body body, UUID residentId) {
        permissions.keepBodies(caller, village);
        requireStanding(body);
        return find(s, village, body, residentId).chain(m -> {
            if (m == null) {
                throw ProblemException.notFound("Member of " + body, residentId);
            }
            return s.remove(m).chain(() -> audit.record(s, county, caller, "consultation.body-member-unseated",
                    "consultation-body", village + "/" + body, Map.of("resident", residentId.toString()))).replaceWithVoid();
        });
    }

    private static void requireStanding(Body body) {
        if (!body.keptMembers()) {
            throw ProblemException.invalidField("body", body + " is drawn from the register's flags, not kept here; "
                    + "standing bodies are PARTY_BRANCH, TWO_COMMITTEES and SUPERVISION_COMMITTEE");
        }
    }

    private Uni<BodyMember> find(Mutiny.Session s, String village, Body body, UUID residentId) {
        return s.createSelectionQuery("from BodyMember where villageCode = :v and body = :b and residentId = :r",
                        BodyMember.class).setParameter("v", village).setParameter("b", body).setParameter("r", residentId)
                .getSingleResultOrNull();
    }
}
