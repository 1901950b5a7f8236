package org.wangwu.customs.registration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.wangwu.customs.CustomsPolicy.EventKind;
import org.wangwu.customs.CustomsPolicy.Excess;
import org.wangwu.customs.CustomsPolicy.Figures;

/** What callers send about registrations, and how a registration appears in the API. */
public final class RegistrationRequests {

    private RegistrationRequests() {
    }

    /** The planned figures of an event; bride price for weddings, funeral days and burial for funerals. */
    @Schema(examples = """
            {"tables": 10, "guests": 100, "bridePriceYuan": 20000, "giftPerGuestYuan": 100}""")
    public record Plan(
            @Schema(description = "Banquet tables", examples = "10") @NotNull @Min(0) @Max(1000) Integer tables,
            @Schema(description = "Guests", examples = "100") @NotNull @Min(0) @Max(10000) Integer guests,
            @Schema(description = "Bride price in yuan (weddings)", examples = "20000") @Min(0) @Max(100_000_000) Long bridePriceYuan,
            @Schema(description = "Gift money per guest in yuan", examples = "100") @Min(0) @Max(1_000_000) Long giftPerGuestYuan,
            @Schema(description = "Days of the funeral (funerals)", examples = "3") @Min(0) @Max(60) Integer funeralDays,
            @Schema(description = "Burial in a public cemetery (funerals)", examples = "true") Boolean publicCemetery) {
        public Figures figures() {
            return new Figures(tables, guests, bridePriceYuan, giftPerGuestYuan, funeralDays, publicCemetery);
        }
    }

    /** A family event registered ahead. A resident registers for their own household (householdId may be left out). */
    @Schema(examples = """
            {"kind": "WEDDING", "householdId": "6f1c2d9e-0000-4000-8000-000000000001", "eventDate": "2026-05-01",
             "venue": "花石村文化礼堂", "plan": {"tables": 10, "guests": 100, "bridePriceYuan": 20000, "giftPerGuestYuan": 100}}""")
    public record NewRegistration(
            @Schema(description = "WEDDING, FUNERAL or BANQUET") @NotNull EventKind kind,
            @Schema(description = "The household holding the event") UUID householdId,
            @Schema(description = "The resident it is for (the couple, the deceased), if named") UUID residentId,
            @Schema(description = "The day of the event", examples = "2026-05-01") @NotNull LocalDate eventDate,
            @Schema(description = "Where", examples = "花石村文化广场") @NotBlank @Size(max = 200) String venue,
            @Schema(description = "The planned figures") @NotNull @Valid Plan plan) {
    }

    /** A revised plan for a registration not yet verified; the old one is kept as REVISED. */
    @Schema(examples = """
            {"eventDate": "2026-05-01", "venue": "花石村文化礼堂", "plan": {"tables": 8, "guests": 80,
             "bridePriceYuan": 20000, "giftPerGuestYuan": 50}}""")
    public record Revision(
            @Schema(description = "The day of the event", examples = "2026-05-01") @NotNull LocalDate eventDate,
            @Schema(description = "Where", examples = "花石村文化广场") @NotBlank @Size(max = 200) String venue,
            @Schema(description = "The revised figures") @NotNull @Valid Plan plan) {
    }

    /** The council's decision before the event; conditions for APPROVED_WITH_CONDITIONS, the warning for WARNED. */
    @Schema(name = "RegistrationDecisionRequest", examples = """
            {"decision": "APPROVED_WITH_CONDITIONS", "note": "酒席不超过8桌，不燃放烟花"}""")
    public record Decision(
            @Schema(description = "APPROVED, APPROVED_WITH_CONDITIONS or WARNED (a plan over a cap is never simply APPROVED)") @NotNull Registration.Decision decision,
            @Schema(description = "The conditions or the warning", examples = "酒席不超过8桌，不燃放烟花") @Size(max = 2000) String note) {
    }

    /** What the council found after the event. */
    @Schema(examples = """
            {"actual": {"tables": 8, "guests": 80, "bridePriceYuan": 18000, "giftPerGuestYuan": 50}}""")
    public record Verification(
            @Schema(description = "The actual figures of the event") @NotNull @Valid Plan actual) {
    }

    /** A registration as the household, the council and staff see it. */
    public record RegistrationView(
            @Schema(description = "The registration's id") UUID id,
            @Schema(description = "The village", examples = "419001100201") String villageCode,
            @Schema(description = "The household") UUID householdId,
            @Schema(description = "The resident it is for") UUID residentId,
            @Schema(description = "The household's name", examples = "王秀英户") String householdName,
            @Schema(description = "WEDDING, FUNERAL or BANQUET") EventKind kind,
            @Schema(description = "The day of the event", examples = "2026-05-01") LocalDate eventDate,
            @Schema(description = "Where", examples = "花石村文化广场") String venue,
            @Schema(description = "The planned figures") Figures plan,
            @Schema(description = "Each cap the plan goes over") List<Excess> excesses,
            @Schema(description = "Registered later than the county's notice period", examples = "false") boolean late,
            @Schema(description = "SUBMITTED, APPROVED, APPROVED_WITH_CONDITIONS, WARNED, REVISED or VERIFIED") Registration.Status status,
            @Schema(description = "When the council must decide") LocalDate decisionDueOn,
            @Schema(description = "When it became overdue undecided") LocalDate overdueOn,
            @Schema(description = "The council's decision") Registration.Decision decision,
            @Schema(description = "Its conditions or warning", examples = "酒席不超过8桌，不燃放烟花") String decisionNote,
            @Schema(description = "Who decided", examples = "jiyuan-cadre") String decidedBy,
            @Schema(description = "The registration this one revises") UUID revisionOf,
            @Schema(description = "The verified figures after the event") Figures actual,
            @Schema(description = "Each cap the event went over") List<Excess> breaches,
            @Schema(description = "Whether the event kept every cap", examples = "true") Boolean compliant,
            @Schema(description = "Money saved against the caps, in yuan", examples = "10000") Long moneySavedYuan,
            @Schema(description = "Who verified it", examples = "jiyuan-cadre") String verifiedBy,
            @Schema(description = "When") Instant verifiedAt,
            @Schema(description = "Who registered it", examples = "jiyuan-resident") String registeredBy,
            @Schema(description = "When") Instant registeredAt) {
    }
}
