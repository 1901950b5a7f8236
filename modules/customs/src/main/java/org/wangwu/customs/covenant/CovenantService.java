package org.wangwu.customs.covenant;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;
import org.wangwu.customs.CustomsFacts;
import org.wangwu.customs.CustomsModule;
import org.wangwu.customs.CustomsPermissions;
import org.wangwu.customs.CustomsSettings;
import org.wangwu.platform.attachment.Attachments.AttachmentView;
import org.wangwu.platform.audit.AuditLog;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.event.DomainEventConsumer;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.territory.PlaceDirectory;
import org.wangwu.platform.time.PlatformClock;

/**
 * Versions of a village's covenant. A version is proposed with its text and rules; it takes effect
 * when the consultation matter it names is resolved (the module hears {@code consultation.matter-resolved}),
 * or where the county has no consultation module on, when a cadre records the meeting that adopted it.
 */
@ApplicationScoped
public class CovenantService {

    public static final String OWNER_TYPE = "covenant-version";
    private static final Logger LOG = Logger.getLogger(CovenantService.class);

    /** A proposed version. Where the county runs consultations it names the consultation matter that will decide it. */
    @Schema(examples = """
            {"title": "花石村村规民约（2026年修订）", "body": "为推进移风易俗……",
             "rules": ["婚事新办，彩礼不超过县定标准", "丧事简办，三日内出殡，进公益性公墓"],
             "consultationMatterId": "5b1e1d4a-0000-4000-8000-000000000009"}""")
    public record NewVersion(
            @Schema(description = "The covenant's title", examples = "花石村村规民约") @NotBlank @Size(max = 200) String title,
            @Schema(description = "Its text", examples = "第一条 婚事新办，彩礼不超过3万元。") @NotBlank @Size(max = 20000) String body,
            @Schema(description = "Its rules, one a line") @NotNull @Size(min = 1, max = 100) List<@NotBlank @Size(max = 500) String> rules,
            @Schema(description = "The consultation matter whose resolution ratifies it (where consultation runs)", examples = "1a3c5e7b-9d1f-4b3d-8f5a-7c9e1b3d5f7a") @Size(max = 64) String consultationMatterId) {
    }

    /** The villagers' meeting that adopted a version, recorded by a cadre where there is no consultation module. */
    @Schema(examples = """
            {"meetingDate": "2026-03-02", "attendees": 86, "minutes": "村民会议表决通过，赞成80票"}""")
    public record Meeting(
            @Schema(description = "The day of the villagers' meeting", examples = "2026-02-20") @NotNull LocalDate meetingDate,
            @Schema(description = "How many attended", examples = "136") @NotNull @Min(1) @Max(100000) Integer attendees,
            @Schema(description = "The minutes", examples = "村民会议表决通过新版村规民约。") @NotBlank @Size(max = 4000) String minutes) {
    }

    /** A version as the API shows it, to staff and (in force) to the public. */
    public record VersionView(
            @Schema(description = "The version's id") UUID id,
            @Schema(description = "The village", examples = "419001100201") String villageCode,
            @Schema(description = "Its number in the village", examples = "2") int number,
            @Schema(description = "Its title", examples = "花石村村规民约") String title,
            @Schema(description = "Its text", examples = "第一条 婚事新办，彩礼不超过3万元。") String body,
            @Schema(description = "Its rules") List<String> rules,
            @Schema(description = "PROPOSED, IN_FORCE or SUPERSEDED") CovenantVersion.Status status,
            @Schema(description = "The consultation matter that ratifies it", examples = "1a3c5e7b-9d1f-4b3d-8f5a-7c9e1b3d5f7a") String consultationMatterId,
            @Schema(description = "CONSULTATION (a resolution) or MEETING (a recorded meeting)") CovenantVersion.AdoptedBy adoptedBy,
            @Schema(description = "The day of the adopting meeting") LocalDate meetingDate,
            @Schema(description = "How many attended it", examples = "136") Integer attendees,
            @Schema(description = "When it came into force") Instant inForceFrom,
            @Schema(description = "Who proposed it", examples = "jiyuan-cadre") String proposedBy,
            @Schema(description = "When") Instant proposedAt,
            @Schema(description = "Its files") List<AttachmentView> attachments) {
    }

    @Inject
    CustomsSettings settings;

    @Inject
    CustomsPermissions permissions;

    @Inject
    PlaceDirectory places;

    @Inject
    CustomsFacts facts;

    @Inject
    org.wangwu.platform.attachment.Attachments attachments;

    @Inject
    AuditLog audit;

    @Inject
    PlatformClock clock;

    @Inject
    ObjectMapper json;

    public Uni<VersionView> propose(Mutiny.Session s, CountyCode county, Caller caller, String village, NewVersion in) {
        permissions.keepVillageBooks(caller, village);
        return places.village(s, village).chain(v -> {
            if (v == null) {
                throw ProblemException.notFound("Village", village);
            }
            return settings.consultationOn(s);
        }).chain(consultation -> {
            if (consultation && in.consultationMatterId() == null) {
                throw ProblemException.invalidField("consultationMatterId", "is required: this county ratifies "
                        + "covenants by consultation resolution");
            }
            return s.createSelectionQuery("select coalesce(max(number), 0) from CovenantVersion where villageCode = :v",
                    Integer.class).setParameter("v", village).getSingleResult();
        }).chain(last -> {
            CovenantVersion c = new CovenantVersion();
            c.id = UUID.randomUUID();
            c.villageCode = village;
            c.number = last + 1;
            c.title = in.title();
            c.body = in.body();
            c.rules = facts.write(in.rules());
            c.status = CovenantVersion.Status.PROPOSED;
            c.consultationMatterId = in.consultationMatterId();
            c.proposedBy = caller.actor();
            c.proposedAt = clock.now();
            return s.persist(c).chain(() -> audit.record(s, county, caller, "customs.covenant-proposed",
                            "customs-covenant-version", c.id, Map.of("village", village, "number", c.number)))
                    .chain(() -> view(s, c));
        });
    }

    /** Where the county has no consultation module on, a cadre records the meeting that adopted the version. */
    public Uni<VersionView> adopt(Mutiny.Session s, CountyCode county, Caller caller, UUID id, Meeting in) {
        return load(s, id).chain(c -> {
            permissions.keepVillageBooks(caller, c.villageCode);
            if (in.meetingDate().isAfter(clock.today())) {
                throw ProblemException.invalidField("meetingDate", "must not be in the future");
            }
            return settings.consultationOn(s).chain(consultation -> {
                if (consultation) {
                    throw ProblemException.conflict("ratified-by-consultation", "This county ratifies covenants by "
                            + "consultation resolution; the version takes effect when its matter is resolved");
                }
                c.meetingDate = in.meetingDate();
                c.attendees = in.attendees();
                c.meetingMinutes = in.minutes();
                return takeEffect(s, county, caller, c, CovenantVersion.AdoptedBy.MEETING);
            });
        }).chain(c -> view(s, c));
    }

    /**
     * Handles {@code consultation.matter-resolved}: the proposed version of the same village that names
     * the resolved matter takes effect. A resolved matter naming no proposed version is not a covenant matter.
     */
    public Uni<Void> onMatterResolved(Mutiny.Session s, CountyCode county, DomainEventConsumer.Delivered event) {
        String matter = event.payload().path("matterId").asText(null);
        String village = event.payload().path("villageCode").asText(null);
        if (matter == null) {
            return Uni.createFrom().voidItem();
        }
        Caller system = Caller.system("customs-covenant-ratification", county);
        return s.createSelectionQuery("from CovenantVersion where consultationMatterId = :m and status = :proposed",
                        CovenantVersion.class)
                .setParameter("m", matter).setParameter("proposed", CovenantVersion.Status.PROPOSED)
                .getSingleResultOrNull().chain(c -> {
                    if (c == null || village != null && !village.equals(c.villageCode)) {
                        return Uni.createFrom().voidItem();
                    }
                    LOG.infof("Covenant version %s of village %s ratified by consultation matter %s", c.id,
                            c.villageCode, matter);
                    return takeEffect(s, county, system, c, CovenantVersion.AdoptedBy.CONSULTATION).replaceWithVoid();
                });
    }

    private Uni<CovenantVersion> takeEffect(Mutiny.Session s, CountyCode county, Caller caller, CovenantVersion c,
                                            CovenantVersion.AdoptedBy by) {
        if (c.status != CovenantVersion.Status.PROPOSED) {
            throw ProblemException.conflict("not-proposed", "Version " + c.number + " is " + c.status);
        }
        // The version in force steps down first: a village has one version in force at a time.
        return s.createMutationQuery("update CovenantVersion set status = :superseded where villageCode = :v "
                        + "and status = :inForce")
                .setParameter("superseded", CovenantVersion.Status.SUPERSEDED).setParameter("v", c.villageCode)
                .setParameter("inForce", CovenantVersion.Status.IN_FORCE).executeUpdate()
                .chain(() -> {
                    c.status = CovenantVersion.Status.IN_FORCE;
                    c.adoptedBy = by;
                    c.inForceFrom = clock.now();
                    return audit.record(s, county, caller, "customs.covenant-in-force", "customs-covenant-version",
                            c.id, Map.of("village", c.villageCode, "number", c.number, "adoptedBy", by.name()));
                }).replaceWith(c);
    }

    /** Every version of the village's covenant, newest first; a village not in the county's register is not found. */
    public Uni<List<VersionView>> versions(Mutiny.Session s, String village) {
        return places.village(s, village).chain(v -> {
                    if (v == null) {
                        throw ProblemException.notFound("Village", village);
                    }
                    return s.createSelectionQuery("from CovenantVersion where villageCode = :v order by number desc",
                            CovenantVersion.class).setParameter("v", village).getResultList();
                })
                .chain(list -> {
                    Uni<List<VersionView>> all = Uni.createFrom().item(new java.util.ArrayList<>());
                    for (CovenantVersion c : list) {
                        all = all.chain(views -> view(s, c).map(v -> {
                            views.add(v);
                            return views;
                        }));
                    }
                    return all;
                });
    }

    /** The version in force in a village, or 404. */
    public Uni<CovenantVersion> inForce(Mutiny.Session s, String village) {
        return s.createSelectionQuery("from CovenantVersion where villageCode = :v and status = :inForce",
                        CovenantVersion.class)
                .setParameter("v", village).setParameter("inForce", CovenantVersion.Status.IN_FORCE)
                .getSingleResultOrNull().map(c -> {
                    if (c == null) {
                        throw ProblemException.notFound("Covenant in force of village", village);
                    }
                    return c;
                });
    }

    public Uni<CovenantVersion> load(Mutiny.Session s, UUID id) {
        return s.find(CovenantVersion.class, id).map(c -> {
            if (c == null) {
                throw ProblemException.notFound("Covenant version", id);
            }
            return c;
        });
    }

    public Uni<VersionView> view(Mutiny.Session s, CovenantVersion c) {
        return attachments.list(s, CustomsModule.KEY, OWNER_TYPE, c.id).map(files -> new VersionView(c.id,
                c.villageCode, c.number, c.title, c.body, json.convertValue(facts.read(c.rules),
                new TypeReference<List<String>>() { }), c.status, c.consultationMatterId, c.adoptedBy, c.meetingDate,
                c.attendees, c.inForceFrom, c.proposedBy, c.proposedAt, files));
    }
}
