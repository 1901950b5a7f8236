package org.wangwu.consultation.body;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.wangwu.consultation.meeting.Body;
import org.wangwu.platform.tenancy.TenantEntity;

/** A villager on one of the village's standing bodies (party branch, two committees, supervision committee). */
@Entity
@Table(name = "consultation_body_member")
public class BodyMember extends TenantEntity {

    @Id
    public UUID id;

    @Column(name = "village_code")
    public String villageCode;

    @Enumerated(EnumType.STRING)
    public Body body;

    @Column(name = "resident_id")
    public UUID residentId;

    @Column(name = "resident_name")
    public String residentName;

    /** 书记, 主任, 委员, 主任委员...: as the village writes it. */
    public String position;

    @Column(name = "added_by")
    public String addedBy;

    @Column(name = "added_at")
    public Instant addedAt;
}
