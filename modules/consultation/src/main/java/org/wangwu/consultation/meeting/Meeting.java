package org.wangwu.consultation.meeting;

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
import org.wangwu.consultation.matter.Step;
import org.wangwu.platform.tenancy.TenantEntity;

/** The meeting of one step: attendance is taken while OPEN; concluding it decides the step. */
@Entity
@Table(name = "consultation_meeting")
public class Meeting extends TenantEntity {

    /** INQUORATE decides nothing; PASSED and REJECTED decide the step; RECORDED is a lighter form's record. */
    @Schema(name = "MeetingStatus", description = "A consultation meeting: OPEN until concluded; INQUORATE (no quorum, decides nothing); PASSED or REJECTED (decides the step); RECORDED (the lighter form's record)")
    public enum Status { OPEN, INQUORATE, PASSED, REJECTED, RECORDED }

    /** Votes per person, or counted totals with the signed sheet attached. */
    @Schema(description = "How a meeting's votes are taken: PER_PERSON (each attendee's vote) or TOTALS (counted totals, with the signed sheet attached)")
    public enum VoteMode { PER_PERSON, TOTALS }

    @Id
    public UUID id;

    @Column(name = "matter_id")
    public UUID matterId;

    @Enumerated(EnumType.STRING)
    public Step step;

    @Enumerated(EnumType.STRING)
    public Body body;

    @Column(name = "held_on")
    public LocalDate heldOn;

    @Enumerated(EnumType.STRING)
    public Status status;

    public Integer expected;

    public Integer present;

    @Column(name = "households_expected")
    public Integer householdsExpected;

    @Column(name = "households_present")
    public Integer householdsPresent;

    @Column(name = "votes_for")
    public Integer votesFor;

    @Column(name = "votes_against")
    public Integer votesAgainst;

    @Column(name = "votes_abstain")
    public Integer votesAbstain;

    @Enumerated(EnumType.STRING)
    @Column(name = "vote_mode")
    public VoteMode voteMode;

    public String minutes;

    public String outcome;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "concluded_at")
    public Instant concludedAt;

    @Version
    public long version;
}
