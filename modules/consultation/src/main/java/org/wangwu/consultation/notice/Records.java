package org.wangwu.consultation.notice;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.consultation.ConsultationFacts;
import org.wangwu.consultation.ConsultationPolicy;
import org.wangwu.consultation.matter.Matter;
import org.wangwu.consultation.matter.Step;
import org.wangwu.consultation.meeting.Attendance;
import org.wangwu.consultation.meeting.Body;
import org.wangwu.consultation.meeting.Meeting;
import org.wangwu.consultation.meeting.MeetingService;
import org.wangwu.platform.document.ChinesePdf;
import org.wangwu.platform.document.DocumentTemplate;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.territory.PlaceDirectory;
import org.wangwu.platform.time.PlatformClock;

/** The printable records of a matter, filled from the county's templates: a meeting's minutes and the resolution notice. */
@ApplicationScoped
public class Records {

    /** A record ready to print: its file name, title and text. Printing is CPU work, done off the event loop. */
    public record Printable(String fileName, String title, String text) {

        public jakarta.ws.rs.core.Response pdf() {
            return jakarta.ws.rs.core.Response.ok(ChinesePdf.render(title, text), "application/pdf")
                    .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
        }
    }

    @Inject
    MeetingService meetings;

    @Inject
    PlaceDirectory places;

    @Inject
    PlatformClock clock;

    public Uni<Printable> minutes(Mutiny.Session s, ConsultationPolicy policy, Matter m, Meeting x) {
        if (x.status == Meeting.Status.OPEN) {
            throw ProblemException.conflict("meeting-open", "Minutes are printed once the meeting is concluded");
        }
        return meetings.attendees(s, x.id).chain(list -> villageName(s, m).map(village -> {
            Map<String, String> facts = common(village, m, x);
            facts.put("step", x.step.zh());
            facts.put("households", x.householdsExpected == null ? ""
                    : "，户代表" + x.householdsPresent + "户（共" + x.householdsExpected + "户）");
            facts.put("attendees", list.stream().map(Records::attendee).collect(Collectors.joining("、")));
            facts.put("outcome", text(x.outcome));
            facts.put("minutes", text(x.minutes));
            String body = DocumentTemplate.fill(policy.minutesTemplate(), facts);
            return new Printable("minutes-" + x.id + ".pdf", village + x.body.zh() + "会议记录", body);
        }));
    }

    /** The notice of a resolution under or after disclosure, from the meeting that adopted it. */
    public Uni<Printable> resolutionNotice(Mutiny.Session s, ConsultationPolicy policy, Matter m) {
        if (m.resolution == null) {
            throw ProblemException.conflict("not-resolved", "This matter has no resolution to give notice of yet",
                    Map.of("currentStep", m.step.name()));
        }
        return s.createSelectionQuery("from Meeting where matterId = :m and step = :step and status = :passed"
                        + " order by concludedAt desc", Meeting.class)
                .setParameter("m", m.id).setParameter("step", Step.RESOLUTION).setParameter("passed", Meeting.Status.PASSED)
                .setMaxResults(1).getSingleResultOrNull().chain(x -> villageName(s, m).map(village -> {
                    Map<String, String> facts = common(village, m, x);
                    facts.put("resolution", m.resolution);
                    facts.put("disclosureFrom", x == null ? "" : ConsultationFacts.day(x.concludedAt).toString());
                    facts.put("disclosureTo", x == null ? "" : ConsultationFacts.day(x.concludedAt)
                            .plusDays(policy.resolutionDisclosureDays()).toString());
                    facts.put("today", clock.today().toString());
                    String body = DocumentTemplate.fill(policy.resolutionNoticeTemplate(), facts);
                    return new Printable("resolution-" + m.id + ".pdf", village + "决议公告", body);
                }));
    }

    private static Map<String, String> common(String village, Matter m, Meeting x) {
        Map<String, String> facts = new HashMap<>();
        facts.put("village", village);
        facts.put("title", m.title);
        facts.put("body", x == null ? Body.REPRESENTATIVES_MEETING.zh() : x.body.zh());
        facts.put("heldOn", x == null ? "" : x.heldOn.toString());
        facts.put("expected", x == null || x.expected == null ? "—" : String.valueOf(x.expected));
        facts.put("present", x == null || x.present == null ? "—" : String.valueOf(x.present));
        facts.put("for", x == null ? "—" : count(x.votesFor));
        facts.put("against", x == null ? "—" : count(x.votesAgainst));
        facts.put("abstain", x == null ? "—" : count(x.votesAbstain));
        return facts;
    }

    private Uni<String> villageName(Mutiny.Session s, Matter m) {
        return places.village(s, m.villageCode).map(v -> v == null ? m.villageCode : v.nameZh());
    }

    private static String attendee(Attendance a) {
        return a.proxyName == null ? a.residentName : a.residentName + "（代" + a.proxyName + "）";
    }

    private static String count(Integer n) {
        return n == null ? "—" : String.valueOf(n);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
