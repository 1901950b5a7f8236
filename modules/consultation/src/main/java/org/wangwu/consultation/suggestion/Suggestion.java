package org.wangwu.consultation.suggestion;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.wangwu.platform.tenancy.TenantEntity;

/** A villager's suggestion (意见建议) for the village, collected before matters are proposed. */
@Entity
@Table(name = "consultation_suggestion")
public class Suggestion extends TenantEntity {

    /** OPEN until a cadre replies, merges it into a matter, or declines it with a reason. */
    @Schema(name = "SuggestionStatus", description = "A villager's suggestion: OPEN until a cadre REPLIED, MERGED it into a matter, or DECLINED it with a reason")
    public enum Status { OPEN, REPLIED, MERGED, DECLINED }

    @Id
    public UUID id;

    @Column(name = "village_code")
    public String villageCode;

    public String category;

    public String text;

    /** The author's login. */
    public String author;

    @Column(name = "author_name")
    public String authorName;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String reply;

    @Column(name = "matter_id")
    public UUID matterId;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "answered_by")
    public String answeredBy;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Version
    public long version;
}
