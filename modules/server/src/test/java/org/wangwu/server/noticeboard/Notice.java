package org.wangwu.server.noticeboard;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.wangwu.platform.tenancy.TenantEntity;

/** A notice on the board. */
@Entity
@Table(name = "noticeboard_notice")
public class Notice extends TenantEntity {

    @Id
    public UUID id;

    public String title;

    public String body;

    @jakarta.persistence.Column(name = "posted_on")
    public java.time.LocalDate postedOn;
}
