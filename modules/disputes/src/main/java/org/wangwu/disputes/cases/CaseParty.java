package org.wangwu.disputes.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.wangwu.platform.privacy.ProtectedPersonalData;
import org.wangwu.platform.tenancy.TenantEntity;

/** A party (当事人) to a case: a resident of the county's register, or an outside person. */
@Entity
@Table(name = "dispute_party")
public class CaseParty extends TenantEntity {

    /** The side a party takes. */
    @Schema(description = "The side a party takes in a dispute: APPLICANT, RESPONDENT or THIRD_PARTY")
    public enum PartyRole { APPLICANT, RESPONDENT, THIRD_PARTY }

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    public PartyRole role;

    /** Set when the party is in the county's register; null for an outside person. */
    @Column(name = "resident_id")
    public UUID residentId;

    public String name;

    /** ID number and phone, encrypted, digested and masked, as the register keeps a resident's. */
    @Embedded
    public ProtectedPersonalData personalData;

    public String address;
}
