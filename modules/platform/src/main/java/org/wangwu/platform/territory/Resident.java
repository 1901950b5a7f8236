package org.wangwu.platform.territory;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.wangwu.platform.privacy.ProtectedPersonalData;
import org.wangwu.platform.tenancy.TenantEntity;

/**
 * A resident (村民) of a household. The ID number and phone are kept encrypted; only their masked
 * forms are stored in the clear.
 */
@Entity
@Table(name = "resident")
public class Resident extends TenantEntity {

    /** As recorded in the household register. */
    @Schema(description = "As recorded in the household register: MALE or FEMALE")
    public enum Gender { MALE, FEMALE }

    @Id
    public UUID id;

    @Column(name = "household_id")
    public UUID householdId;

    @Column(name = "village_id")
    public UUID villageId;

    public String name;

    @Enumerated(EnumType.STRING)
    public Gender gender;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    /** Relation to the head of household (户主, 配偶, 子女...). */
    public String relation;

    /** ID number and phone, encrypted, digested and masked. */
    @Embedded
    public ProtectedPersonalData personalData;

    /** Villagers' representative (村民代表). */
    public boolean representative;

    @Column(name = "party_member")
    public boolean partyMember;

    /** The Keycloak username of the resident's own login, when they have one. */
    @Column(name = "account_username")
    public String accountUsername;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;
}
