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
    public record Plan(@NotNull @Min(0) @Max(1000) Integer tables, @NotNull @Min(0) @Max(10000) Integer guests,
                       @Min(0) @Max(100_000_000) Long bridePriceYuan, @Min(0) @Max(1_000_000) Long giftPerGuestYuan,
                       @Min(0) @Max(60) Integer funeralDays, Boolean publicCemetery) {
        public Figures figures() {
            return new Figures(tables, guests, bridePriceYuan, giftPerGuestYuan, funeralDays, publicCemetery);
        }
    }

    /** A family event registered ahead. A resident registers for their own household (householdId may be left out). */
    @Schema(examples = """
            {"kind": "WEDDING", "householdId": "6f1c2d9e-0000-4000-8000-000000000001", "eventDate": "2026-05-01",
             "venue": "花石村文化礼堂", "plan": {"tables": 10, "guests": 100, "bridePriceYuan": 20000, "giftPerGuestYuan": 100}}""")
    public record NewRegistration(@NotNull EventKind kind, UUID householdId, UUID residentId,
                                  @NotNull LocalDate eventDate, @NotBlank @Size(max = 200) String venue,
                                  @NotNull @Valid Plan plan) {
    }

    /** A revised plan for a registration not yet verified; the old one is kept as REVISED. */
    @Schema(examples = """
            {"eventDate": "2026-05-01", "venue": "花石村文化礼堂", "plan": {"tables": 8, "guests": 80,
             "bridePriceYuan": 20000, "giftPerGuestYuan": 50}}""")
    public record Revision(@NotNull LocalDate eventDate, @NotBlank @Size(max = 200) String venue,
                           @NotNull @Valid Plan plan) {
    }

    /** The council's decision before the event; conditions for APPROVED_WITH_CONDITIONS, the warning for WARNED. */
    @Schema(name = "RegistrationDecisionRequest", examples = """
            {"decision": "APPROVED_WITH_CONDITIONS", "note": "酒席不超过8桌，不燃放烟花"}""")
    public record Decision(@NotNull Registration.Decision decision, @Size(max = 2000) String note) {
    }

    /** What the council found after the event. */
    @Schema(examples = """
            {"actual": {"tables": 8, "guests": 80, "bridePriceYuan": 18000, "giftPerGuestYuan": 50}}""")
    public record Verification(@NotNull @Valid Plan actual) {
    }

    /** A registration as the household, the council and staff see it. */
    public record RegistrationView(UUID id, String villageCode, UUID householdId, UUID residentId,
                                   String householdName, EventKind kind, LocalDate eventDate, String venue,
                                   Figures plan, List<Excess> excesses, boolean late, Registration.Status status,
                                   LocalDate decisionDueOn, LocalDate overdueOn, Registration.Decision decision,
                                   String decisionNote, String decidedBy, UUID revisionOf, Figures actual,
                                   List<Excess> breaches, Boolean compliant, Long moneySavedYuan, String verifiedBy,
                                   Instant verifiedAt, String registeredBy, Instant registeredAt) {
    }
}
