package org.wangwu.customs.pledge;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.wangwu.customs.CustomsFacts;
import org.wangwu.customs.CustomsModule;
import org.wangwu.customs.CustomsPermissions;
import org.wangwu.customs.CustomsSettings;
import org.wangwu.customs.council.CouncilService;
import org.wangwu.customs.registration.RegistrationService;
import org.wangwu.platform.attachment.Attachments;
import org.wangwu.platform.attachment.Attachments.AttachmentView;
import org.wangwu.platform.audit.AuditLog;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.territory.PlaceDirectory;
import org.wangwu.platform.time.PlatformClock;

/** Households' pledges with the signed page, and how many households of each village have pledged. */
@ApplicationScoped
public class PledgeService {

    public static final String OWNER_TYPE = "pledge";
    static final Set<String> PAGE_TYPES = Set.of("image/jpeg", "image/png", "application/pdf");

    /** A pledge as listed, with its signed page. */
    public record PledgeView(
            @Schema(description = "The pledge's id") UUID id,
            @Schema(description = "The village", examples = "419001100201") String villageCode,
            @Schema(description = "The household") UUID householdId,
            @Schema(description = "The household's name", examples = "王秀英户") String householdName,
            @Schema(description = "The day it was signed", examples = "2026-03-01") LocalDate signedOn,
            @Schema(description = "Who recorded it", examples = "jiyuan-cadre") String recordedBy,
            @Schema(description = "When") Instant recordedAt,
            @Schema(description = "The signed pages") List<AttachmentView> pages) {
    }

    /** A village's coverage: households of the register, and how many have pledged. */
    public record Coverage(
            @Schema(description = "The village", examples = "419001100201") String villageCode,
            @Schema(description = "Households in the register", examples = "180") long households,
            @Schema(description = "Households that pledged", examples = "153") long pledged,
            @Schema(description = "pledged / households", examples = "0.85") double share) {
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
    Attachments attachments;

    @Inject
    CustomsFacts facts;

    @Inject
    AuditLog audit;

    @Inject
    PlatformClock clock;

    /** Records a household's signed pledge with the page attached; a household pledges once. */
    public Uni<PledgeView> record(Mutiny.Session s, CountyCode county, Caller caller, String householdId, String signedOn,
                                  FileUpload page) {
        UUID household = parse(householdId);
        LocalDate signed = signedOn(signedOn);
        return places.household(s, household).chain(h -> {
            if (h == null) {
                throw ProblemException.invalidField("householdId", "is not a household of this county's register");
            }
            permissions.keepVillageBooks(caller, h.villageCode());
            return s.createSelectionQuery("select count(*) from Pledge where householdId = :h", Long.class)
                    .setParameter("h", household).getSingleResult().chain(n -> {
                        if (n > 0) {
                            throw ProblemException.conflict("already-pledged", "Household " + household
                                    + " has already signed a pledge");
                        }
                        return places.residentsOfHousehold(s, household);
                    }).chain(people -> settings.current(s).chain(policy -> {
                        Pledge p = new Pledge();
                        p.id = UUID.randomUUID();
                        p.villageCode = h.villageCode();
                        p.householdId = household;
                        p.householdName = RegistrationService.householdName(people);
                        p.signedOn = signed;
                        p.recordedBy = caller.actor();
                        p.recordedAt = clock.now();
                        return s.persist(p)
                                .chain(() -> attachments.store(s, county, caller, CustomsModule.KEY, OWNER_TYPE, p.id,
                                        page, new Attachments.Policy(policy.attachmentMaxBytes(), PAGE_TYPES)))
                                .chain(file -> s.flush().chain(() -> coverage(s, h.villageCode()))
                                        .chain(c -> facts.pledged(s, county, p, c.pledged(), c.households()))
                                        .chain(() -> audit.record(s, county, caller, "customs.pledge-signed",
                                                "customs-pledge", p.id, Map.of("household", household.toString(),
                                                        "page", file.sha256())))
                                        .replaceWith(() -> view(p, List.of(file))));
                    }));
        });
    }

    public Uni<List<PledgeView>> list(Mutiny.Session s, Caller caller, String village) {
        return council.usernames(s, village).chain(members -> {
            permissions.readVillage(caller, members, village);
            return s.createSelectionQuery("from Pledge where villageCode = :v order by signedOn desc, id", Pledge.class)
                    .setParameter("v", village).setMaxResults(1000).getResultList();
        }).chain(list -> {
            Uni<List<PledgeView>> all = Uni.createFrom().item(new ArrayList<>());
            for (Pledge p : list) {
                all = all.chain(views -> attachments.list(s, CustomsModule.KEY, OWNER_TYPE, p.id).map(files -> {
                    views.add(view(p, files));
                    return views;
                }));
            }
            return all;
        });
    }

    /** One pledge with its signed page, for whoever reads the village's pledges. */
    public Uni<PledgeView> get(Mutiny.Session s, Caller caller, UUID id) {
        return s.find(Pledge.class, id).onItem().ifNull().failWith(() -> ProblemException.notFound("Pledge", id))
                .chain(p -> council.usernames(s, p.villageCode).chain(members -> {
                    permissions.readVillage(caller, members, p.villageCode);
                    return attachments.list(s, CustomsModule.KEY, OWNER_TYPE, p.id).map(files -> view(p, files));
                }));
    }

    /** Coverage of every village in a place (a township, a village, or the county). */
    public Uni<List<Coverage>> coverage(Mutiny.Session s, Caller caller, String place) {
        return council.usernames(s, place).chain(members -> {
            permissions.readVillage(caller, members, place);
            return places.householdCountsByVillage(s);
        }).chain(households -> s.createSelectionQuery("select villageCode, count(*) from Pledge group by villageCode",
                Object[].class).getResultList().map(pledged -> {
                    Map<String, Long> byVillage = new java.util.HashMap<>();
                    pledged.forEach(row -> byVillage.put((String) row[0], (Long) row[1]));
                    return households.stream().filter(row -> ((String) row[0]).startsWith(place)).sorted(
                            java.util.Comparator.comparing(row -> (String) row[0])).map(row -> coverageOf(
                            (String) row[0], (Long) row[1], byVillage.getOrDefault((String) row[0], 0L))).toList();
                }));
    }

    private Uni<Coverage> coverage(Mutiny.Session s, String village) {
        return places.householdCountsByVillage(s).chain(households -> s.createSelectionQuery(
                        "select count(*) from Pledge where villageCode = :v", Long.class).setParameter("v", village)
                .getSingleResult().map(n -> coverageOf(village, households.stream()
                        .filter(row -> village.equals(row[0])).map(row -> (Long) row[1]).findFirst().orElse(0L), n)));
    }

    private static Coverage coverageOf(String village, long households, long pledged) {
        return new Coverage(village, households, pledged, households == 0 ? 0 : (double) pledged / households);
    }

    private static PledgeView view(Pledge p, List<AttachmentView> files) {
        return new PledgeView(p.id, p.villageCode, p.householdId, p.householdName, p.signedOn, p.recordedBy,
                p.recordedAt, files);
    }

    private static UUID parse(String householdId) {
        try {
            return UUID.fromString(householdId == null ? "" : householdId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("householdId", "must be a household id");
        }
    }

    private LocalDate signedOn(String text) {
        try {
            LocalDate day = text == null ? clock.today() : LocalDate.parse(text);
            if (day.isAfter(clock.today())) {
                throw ProblemException.invalidField("signedOn", "must not be in the future");
            }
            return day;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("signedOn", "must be a date as YYYY-MM-DD");
        }
    }
}
