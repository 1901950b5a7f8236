package org.wangwu.customs.covenant;

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
import org.wangwu.platform.tenancy.TenantEntity;

/** One version of a village's covenant (村规民约): its text and rules, and how it came into force. */
@Entity
@Table(name = "customs_covenant_version")
public class CovenantVersion extends TenantEntity {

    /** PROPOSED until ratified or adopted; then IN_FORCE until a newer version takes its place. */
    @Schema(name = "CovenantVersionStatus", description = "A version of the village covenant: PROPOSED until ratified or adopted, IN_FORCE, then SUPERSEDED when a newer version takes its place")
    public enum Status { PROPOSED, IN_FORCE, SUPERSEDED }

    /** A consultation resolution, or a meeting a cadre recorded where the county has no consultation module. */
    @Schema(description = "How a covenant version came into force: CONSULTATION, by the resolution of the consultation matter it names; MEETING, by a villagers' meeting a cadre recorded where the county runs no consultation module")
    public enum AdoptedBy { CONSULTATION, MEETING }

    @Id
    public UUID id;

    @Column(name = "village_code")
    public String villageCode;

    public int number;

    public String title;

    public String body;

    /** The rules of the version as a JSON list of text. */
    public String rules;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "consultation_matter_id")
    public String consultationMatterId;

    @Enumerated(EnumType.STRING)
    @Column(name = "adopted_by")
    public AdoptedBy adoptedBy;

    @Column(name = "meeting_date")
    public LocalDate meetingDate;

    @Column(name = "meeting_minutes")
    public String meetingMinutes;

    public Integer attendees;

    @Column(name = "in_force_from")
    public Instant inForceFrom;

    @Column(name = "proposed_by")
    public String proposedBy;

    @Column(name = "proposed_at")
    public Instant proposedAt;

    @Version
    public long version;
}
