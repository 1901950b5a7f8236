package org.wangwu.consultation.meeting;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.wangwu.consultation.matter.Step;

/** How meetings, attendance and votes appear in the API. */
public final class MeetingViews {

    private MeetingViews() {
    }

    /** Convenes the meeting of the matter's current step. */
    public record NewMeeting(
            @Schema(description = "The step the meeting serves (the matter's current one)") @NotNull Step step,
            @Schema(description = "The body meeting") @NotNull Body body,
            @Schema(description = "The day it is held", examples = "2026-03-15") @NotNull LocalDate heldOn) {
    }

    /** One person present, a member of the body they hold a proxy for (where allowed), and their vote. */
    public record Attendee(
            @Schema(description = "The person present (a member of the body in the register)") @NotNull UUID residentId,
            @Schema(description = "The member they stand in for, where proxies are allowed") UUID proxyFor,
            @Schema(description = "FOR, AGAINST or ABSTAIN, for a vote per person") Attendance.Vote vote) {
    }

    public record AttendanceList(
            @Schema(description = "Everyone present (replaces the previous list)") @NotNull @Size(max = 5000) List<@Valid @NotNull Attendee> attendees) {
    }

    /** Counted votes, for when the signed sheet is attached rather than votes entered per person. */
    public record Totals(
            @Schema(description = "Votes for", examples = "24") @Min(0) int votesFor,
            @Schema(description = "Votes against", examples = "2") @Min(0) int votesAgainst,
            @Schema(description = "Abstentions", examples = "1") @Min(0) int votesAbstain) {
    }

    /**
     * Concludes a meeting: its minutes, and the votes per person (from the attendance list) or as
     * totals. A resolution meeting gives the resolution's text; a lighter form gives its outcome.
     */
    public record Conclusion(
            @Schema(description = "PER_PERSON (votes from the attendance) or TOTALS (counted on the sheet)") Meeting.VoteMode voteMode,
            @Schema(description = "The counted votes, for TOTALS") @Valid Totals totals,
            @Schema(description = "The minutes", examples = "会议讨论了村道硬化方案，同意提交党员大会审议。") @Size(max = 8000) String minutes,
            @Schema(description = "The outcome for a lighter form", examples = "同意修缮村委会议室") @Size(max = 2000) String outcome,
            @Schema(description = "The text resolved, at the resolution step", examples = "同意使用集体收入12万元硬化村东道路。") @Size(max = 4000) String resolution) {
    }

    public record AttendeeView(
            @Schema(description = "The person present") UUID residentId,
            @Schema(description = "Their name", examples = "王秀英") String name,
            @Schema(description = "The member they stood in for") UUID proxyFor,
            @Schema(description = "That member's name", examples = "王建国") String proxyName,
            @Schema(description = "Their vote") Attendance.Vote vote) {
        static AttendeeView of(Attendance a) {
            return new AttendeeView(a.residentId, a.residentName, a.proxyFor, a.proxyName, a.vote);
        }
    }

    public record MeetingView(
            @Schema(description = "The meeting's id") UUID id,
            @Schema(description = "The step it serves") Step step,
            @Schema(description = "The body meeting") Body body,
            @Schema(description = "The body's name in Chinese", examples = "村民代表会议") String bodyName,
            @Schema(description = "The day it is held", examples = "2026-03-15") LocalDate heldOn,
            @Schema(description = "OPEN, INQUORATE, PASSED, REJECTED or RECORDED (lighter form)") Meeting.Status status,
            @Schema(description = "Members expected (from the register)", examples = "35") Integer expected,
            @Schema(description = "Members present", examples = "27") Integer present,
            @Schema(description = "Households expected, for a villagers' meeting", examples = "180") Integer householdsExpected,
            @Schema(description = "Households represented", examples = "130") Integer householdsPresent,
            @Schema(description = "Votes for", examples = "24") Integer votesFor,
            @Schema(description = "Votes against", examples = "2") Integer votesAgainst,
            @Schema(description = "Abstentions", examples = "1") Integer votesAbstain,
            @Schema(description = "PER_PERSON or TOTALS") Meeting.VoteMode voteMode,
            @Schema(description = "The minutes", examples = "会议讨论了村道硬化方案，同意提交党员大会审议。") String minutes,
            @Schema(description = "The outcome of a lighter form", examples = "同意修缮村委会议室") String outcome,
            @Schema(description = "The cadre who recorded it", examples = "jiyuan-cadre") String recordedBy,
            @Schema(description = "When it was convened") Instant openedAt,
            @Schema(description = "When it was concluded") Instant concludedAt,
            @Schema(description = "Who was present, with votes") List<AttendeeView> attendees) {
        public static MeetingView of(Meeting m, List<Attendance> attendance) {
            return new MeetingView(m.id, m.step, m.body, m.body.zh(), m.heldOn, m.status, m.expected, m.present,
                    m.householdsExpected, m.householdsPresent, m.votesFor, m.votesAgainst, m.votesAbstain, m.voteMode,
                    m.minutes, m.outcome, m.recordedBy, m.openedAt, m.concludedAt,
                    attendance.stream().map(AttendeeView::of).toList());
        }
    }
}
