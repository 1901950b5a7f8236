package org.wangwu.consultation.meeting;

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
    public record NewMeeting(@NotNull Step step, @NotNull Body body, @NotNull LocalDate heldOn) {
    }

    /** One person present, a member of the body they hold a proxy for (where allowed), and their vote. */
    public record Attendee(@NotNull UUID residentId, UUID proxyFor, Attendance.Vote vote) {
    }

    public record AttendanceList(@NotNull @Size(max = 5000) List<@Valid @NotNull Attendee> attendees) {
    }

    /** Counted votes, for when the signed sheet is attached rather than votes entered per person. */
    public record Totals(@Min(0) int votesFor, @Min(0) int votesAgainst, @Min(0) int votesAbstain) {
    }

    /**
     * Concludes a meeting: its minutes, and the votes per person (from the attendance list) or as
     * totals. A resolution meeting gives the resolution's text; a lighter form gives its outcome.
     */
    public record Conclusion(Meeting.VoteMode voteMode, @Valid Totals totals, @Size(max = 8000) String minutes,
                             @Size(max = 2000) String outcome, @Size(max = 4000) String resolution) {
    }

    public record AttendeeView(UUID residentId, String name, UUID proxyFor, String proxyName, Attendance.Vote vote) {
        static AttendeeView of(Attendance a) {
            return new AttendeeView(a.residentId, a.residentName, a.proxyFor, a.proxyName, a.vote);
        }
    }

    public record MeetingView(UUID id, Step step, Body body, String bodyName, LocalDate heldOn, Meeting.Status status,
                              Integer expected, Integer present, Integer householdsExpected, Integer householdsPresent,
                              Integer votesFor, Integer votesAgainst, Integer votesAbstain, Meeting.VoteMode voteMode,
                              String minutes, String outcome, String recordedBy, Instant openedAt, Instant concludedAt,
                              List<AttendeeView> attendees) {
        public static MeetingView of(Meeting m, List<Attendance> attendance) {
            return new MeetingView(m.id, m.step, m.body, m.body.zh(), m.heldOn, m.status, m.expected, m.present,
                    m.householdsExpected, m.householdsPresent, m.votesFor, m.votesAgainst, m.votesAbstain, m.voteMode,
                    m.minutes, m.outcome, m.recordedBy, m.openedAt, m.concludedAt,
                    attendance.stream().map(AttendeeView::of).toList());
        }
    }
}
