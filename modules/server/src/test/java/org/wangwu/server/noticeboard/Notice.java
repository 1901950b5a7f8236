package org.wangwu.server.noticeboard;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.wangwu.platform.tenancy.TenantEntity;

/** A notice on the board; archived once it has been up for the county's display period. */
@Entity
@Table(name = "noticeboard_notice")
public class Notice extends TenantEntity {

    @Id
    public UUID id;

    public String title;

    public String body;

    @Column(name = "posted_at")
    public Instant postedAt;

    public boolean archived;

    /** The day it was posted, in the county's time: what the recount of its facts counts by. */
    @Column(name = "posted_on")
    public java.time.LocalDate postedOn;
}
