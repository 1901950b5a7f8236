package org.wangwu.consultation.meeting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.wangwu.platform.tenancy.TenantEntity;
import org.wangwu.platform.territory.TerritoryViews.ResidentView;

/** One person at a meeting, as the register knows them, with a proxy they hold and their vote. */
@Entity
@Table(name = "consultation_attendance")
public class Attendance extends TenantEntity {

    @Schema(description = "A person's vote at a meeting: FOR, AGAINST or ABSTAIN")
    public enum Vote { FOR, AGAINST, ABSTAIN }

    @Id
    public UUID id;

    @Column(name = "meeting_id")
    public UUID meetingId;

    @Column(name = "resident_id")
    public UUID residentId;

    @Column(name = "resident_name")
    public String residentName;

    @Column(name = "household_id")
    public UUID householdId;

    /** The member of the body this person also stands for (委托), where the county allows proxies. */
    @Column(name = "proxy_for")
    public UUID proxyFor;

    @Column(name = "proxy_name")
    public String proxyName;

    @Column(name = "proxy_household_id")
    public UUID proxyHouseholdId;

    @Enumerated(EnumType.STRING)
    public Vote vote;

    /** A person of the register at a meeting, standing also for {@code proxied} when given. */
    public static Attendance of(UUID meetingId, ResidentView person, ResidentView proxied, Vote vote) {
        Attendance a = new Attendance();
        a.id = UUID.randomUUID();
        a.meetingId = meetingId;
        a.residentId = person.id();
        a.residentName = person.name();
        a.householdId = person.householdId();
        if (proxied != null) {
            a.proxyFor = proxied.id();
            a.proxyName = proxied.name();
            a.proxyHouseholdId = proxied.householdId();
        }
        a.vote = vote;
        return a;
    }
}
