package org.wangwu.customs.council;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.wangwu.platform.tenancy.TenantEntity;

/**
 * A member of a village's red and white council (红白理事会): a resident of the register who signs in
 * with the login linked to their entry, or a staff login. Members decide and verify registrations.
 */
@Entity
@Table(name = "customs_council_member")
public class CouncilMember extends TenantEntity {

    /** Roles on the council (会长, 副会长, 秘书, 理事). */
    @Schema(description = "A seat on the village's red and white council (红白理事会): CHAIR (会长), DEPUTY_CHAIR (副会长), SECRETARY (秘书), MEMBER (理事)")
    public enum CouncilRole { CHAIR, DEPUTY_CHAIR, SECRETARY, MEMBER }

    @Id
    public UUID id;

    @Column(name = "village_code")
    public String villageCode;

    public String name;

    @Enumerated(EnumType.STRING)
    public CouncilRole role;

    @Column(name = "resident_id")
    public UUID residentId;

    public String username;

    @Column(name = "joined_on")
    public LocalDate joinedOn;

    @Column(name = "left_on")
    public LocalDate leftOn;

    @Column(name = "added_by")
    public String addedBy;
}
