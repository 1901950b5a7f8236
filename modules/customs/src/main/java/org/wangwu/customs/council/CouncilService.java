package org.wangwu.customs.council;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.customs.CustomsPermissions;
import org.wangwu.customs.council.CouncilMember.CouncilRole;
import org.wangwu.platform.audit.AuditLog;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.territory.PlaceDirectory;
import org.wangwu.platform.time.PlatformClock;

/** A village's red and white council: who sits on it, with which role, and who decides. */
@ApplicationScoped
public class CouncilService {

    /** A new member: a resident of the village (by register id, signing in with their linked login) or a staff login. */
    @Schema(examples = """
            {"residentId": "6f1c2d9e-0000-4000-8000-000000000001", "role": "CHAIR"}""")
    public record NewMember(
            @Schema(description = "The resident (with a linked login) to seat") UUID residentId,
            @Schema(description = "Or a staff login to seat", examples = "jiyuan-cadre") @Size(max = 200) @Pattern(regexp = "[a-z0-9][a-z0-9._-]*") String username,
            @Schema(description = "The member's name", examples = "李建军") @Size(max = 100) String name,
            @Schema(description = "CHAIR, DEPUTY_CHAIR, SECRETARY or MEMBER") @NotNull CouncilRole role) {
    }

    /** A member as listed. */
    @Schema(name = "CouncilMemberView")
    public record MemberView(
            @Schema(description = "The membership's id") UUID id,
            @Schema(description = "The village", examples = "419001100201") String villageCode,
            @Schema(description = "The member's name", examples = "李建军") String name,
            @Schema(description = "CHAIR, DEPUTY_CHAIR, SECRETARY or MEMBER") CouncilRole role,
            @Schema(description = "The member in the register, if a resident") UUID residentId,
            @Schema(description = "Their login", examples = "jiyuan-cadre") String username,
            @Schema(description = "When they joined", examples = "2026-01-05") LocalDate joinedOn,
            @Schema(description = "When they left, if they did") LocalDate leftOn) {
        static MemberView of(CouncilMember m) {
            return new MemberView(m.id, m.villageCode, m.name, m.role, m.residentId, m.username, m.joinedOn, m.leftOn);
        }
    }

    /** Why a member leaves. */
    public record Leaving(
            @Schema(description = "Why the member leaves", examples = "换届") @NotBlank @Size(max = 500) String reason) {
    }

    @Inject
    PlaceDirectory places;

    @Inject
    CustomsPermissions permissions;

    @Inject
    AuditLog audit;

    @Inject
    PlatformClock clock;

    /** The logins of the village council's sitting members: who decides and verifies there. */
    public Uni<List<String>> usernames(Mutiny.Session s, String villageCode) {
        return s.createSelectionQuery("select username from CouncilMember where villageCode = :v and leftOn is null",
                String.class).setParameter("v", villageCode).getResultList();
    }

    /** The village council's sitting members; a village not in the county's register is not found. */
    public Uni<List<MemberView>> members(Mutiny.Session s, String villageCode) {
        return places.village(s, villageCode).chain(v -> {
                    if (v == null) {
                        throw ProblemException.notFound("Village", villageCode);
                    }
                    return s.createSelectionQuery("from CouncilMember where villageCode = :v and leftOn is null "
                            + "order by role, name", CouncilMember.class).setParameter("v", villageCode).getResultList();
                })
                .map(list -> list.stream().map(MemberView::of).toList());
    }

    /** A member of the village's council, sitting or left. */
    public Uni<MemberView> member(Mutiny.Session s, String villageCode, UUID id) {
        return s.find(CouncilMember.class, id).map(m -> {
            if (m == null || !m.villageCode.equals(villageCode)) {
                throw ProblemException.notFound("Council member", id);
            }
            return MemberView.of(m);
        });
    }

    public Uni<MemberView> add(Mutiny.Session s, CountyCode county, Caller caller, String villageCode, NewMember in) {
        permissions.keepVillageBooks(caller, villageCode);
        if ((in.residentId() == null) == (in.username() == null)) {
            throw ProblemException.invalidField("residentId", "give either a resident of the register or a staff username");
        }
        if (in.residentId() == null && (in.name() == null || in.name().isBlank())) {
            throw ProblemException.invalidField("name", "is required for a staff member");
        }
        return places.village(s, villageCode).chain(v -> {
            if (v == null) {
                throw ProblemException.notFound("Village", villageCode);
            }
            return in.residentId() == null ? Uni.createFrom().item(new String[] {in.username(), in.name()})
                    : places.resident(s, in.residentId()).map(r -> {
                        if (r == null || !r.villageCode().equals(villageCode)) {
                            throw ProblemException.invalidField("residentId", "is not a resident of village " + villageCode);
                        }
                        if (r.accountUsername() == null) {
                            throw ProblemException.conflict("no-login", "Resident " + r.name()
                                    + " has no login linked to the register entry; link one first");
                        }
                        return new String[] {r.accountUsername(), r.name()};
                    });
        }).chain(who -> usernames(s, villageCode).chain(sitting -> {
            if (sitting.contains(who[0])) {
                throw ProblemException.conflict("already-member", who[0] + " already sits on this council");
            }
            CouncilMember m = new CouncilMember();
            m.id = UUID.randomUUID();
            m.villageCode = villageCode;
            m.name = who[1];
            m.role = in.role();
            m.residentId = in.residentId();
            m.username = who[0];
            m.joinedOn = clock.today();
            m.addedBy = caller.actor();
            return s.persist(m).chain(() -> audit.record(s, county, caller, "customs.council-member-added",
                    "customs-council-member", m.id, Map.of("village", villageCode, "username", m.username,
                            "role", m.role.name()))).replaceWith(MemberView.of(m));
        }));
    }

    public Uni<MemberView> remove(Mutiny.Session s, CountyCode county, Caller caller, String villageCode, UUID id,
                                  Leaving in) {
        permissions.keepVillageBooks(caller, villageCode);
        return s.find(CouncilMember.class, id).chain(m -> {
            if (m == null || !m.villageCode.equals(villageCode)) {
                throw ProblemException.notFound("Council member", id);
            }
            if (m.leftOn != null) {
                throw ProblemException.conflict("already-left", m.name + " has already left the council");
            }
            m.leftOn = clock.today();
            return audit.record(s, county, caller, "customs.council-member-left", "customs-council-member", m.id,
                    Map.of("reason", in.reason())).replaceWith(MemberView.of(m));
        });
    }
}
