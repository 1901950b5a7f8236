package org.wangwu.customs.registration;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.wangwu.customs.CustomsPolicy.EventKind;
import org.wangwu.customs.CustomsPolicy.Figures;
import org.wangwu.platform.tenancy.TenantEntity;

/**
 * A family event registered before it happens (事前报备), decided by the village council, and after
 * it verified against the actual figures (事后核查). The caps it was checked against are the county's
 * at registration; a revision is a new registration and the old one is marked REVISED.
 */
@Entity
@Table(name = "customs_registration")
public class Registration extends TenantEntity {

    @Schema(name = "RegistrationStatus", description = "A family event's registration: SUBMITTED, then APPROVED, APPROVED_WITH_CONDITIONS or WARNED by the council; REVISED (replaced by a revision); VERIFIED (checked after the event)")
    public enum Status { SUBMITTED, APPROVED, APPROVED_WITH_CONDITIONS, WARNED, REVISED, VERIFIED }

    /** What the council decided before the event. */
    @Schema(name = "RegistrationDecision", description = "What the council decided before a family event: APPROVED, APPROVED_WITH_CONDITIONS (with a note) or WARNED (the plan exceeds the county's caps)")
    public enum Decision { APPROVED, APPROVED_WITH_CONDITIONS, WARNED }

    @Id
    public UUID id;

    @Column(name = "village_code")
    public String villageCode;

    @Column(name = "household_id")
    public UUID householdId;

    @Column(name = "resident_id")
    public UUID residentId;

    @Column(name = "household_name")
    public String householdName;

    @Enumerated(EnumType.STRING)
    public EventKind kind;

    @Column(name = "event_date")
    public LocalDate eventDate;

    public String venue;

    public int tables;

    public int guests;

    @Column(name = "bride_price_yuan")
    public Long bridePriceYuan;

    @Column(name = "gift_per_guest_yuan")
    public Long giftPerGuestYuan;

    @Column(name = "funeral_days")
    public Integer funeralDays;

    @Column(name = "public_cemetery")
    public Boolean publicCemetery;

    /** The caps the plan goes over, as JSON (a list of excesses). */
    public String excesses;

    public boolean late;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "decision_due_on")
    public LocalDate decisionDueOn;

    @Column(name = "overdue_on")
    public LocalDate overdueOn;

    @Enumerated(EnumType.STRING)
    public Decision decision;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_note")
    public String decisionNote;

    @Column(name = "revision_of")
    public UUID revisionOf;

    /** The figures found after the event, as JSON. */
    public String actual;

    /** The caps the event went over, as JSON (a list of excesses). */
    public String breaches;

    public Boolean compliant;

    @Column(name = "money_saved_yuan")
    public Long moneySavedYuan;

    @Column(name = "verified_by")
    public String verifiedBy;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    @Column(name = "registered_by")
    public String registeredBy;

    @Column(name = "registered_at")
    public Instant registeredAt;

    @Column(name = "settings_revision")
    public int settingsRevision;

    @Version
    public long version;

    public Figures planned() {
        return new Figures(tables, guests, bridePriceYuan, giftPerGuestYuan, funeralDays, publicCemetery);
    }

    public boolean decided() {
        return decision != null;
    }
}
