package org.wangwu.customs.pledge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.wangwu.platform.tenancy.TenantEntity;

/** A household's pledge (承诺书) to hold weddings and funerals within the covenant; the signed page is attached. */
@Entity
@Table(name = "customs_pledge")
public class Pledge extends TenantEntity {

    @Id
    public UUID id;

    @Column(name = "village_code")
    public String villageCode;

    @Column(name = "household_id")
    public UUID householdId;

    @Column(name = "household_name")
    public String householdName;

    @Column(name = "signed_on")
    public LocalDate signedOn;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
