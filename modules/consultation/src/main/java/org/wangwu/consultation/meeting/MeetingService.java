package org.wangwu.consultation.meeting;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.consultation.ConsultationFacts;
import org.wangwu.consultation.ConsultationModule;
import org.wangwu.consultation.ConsultationPermissions;
import org.wangwu.consultation.ConsultationPolicy;
import org.wangwu.consultation.matter.Matter;
import org.wangwu.consultation.matter.Step;
import org.wangwu.consultation.matter.StepMachine;
import org.wangwu.consultation.matter.StepRecord;
import org.wangwu.consultation.meeting.MeetingViews.Attendee;
import org.wangwu.consultation.meeting.MeetingViews.Conclusion;
import org.wangwu.consultation.meeting.MeetingViews.MeetingView;
import org.wangwu.consultation.meeting.MeetingViews.NewMeeting;
import org.wangwu.platform.audit.AuditLog;
import org.wangwu.platform.error.Problem;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.time.PlatformClock;

/**
 * The meeting of a step: convened for the matter's current step and a body that decides it,
 * attendance taken against the register, then concluded. Concluding checks the quorum (an inquorate
 * meeting decides nothing and the step stays open), counts the votes, and moves the matter on, or
 * back as the county's settings say.
 */
@ApplicationScoped
public class MeetingService {

    @Inject
    StepMachine steps;

    @Inject
    Membership membership;

    @Inject
    ConsultationPermissions permissions;

    @Inject
    ConsultationFacts facts;

    @Inject
    AuditLog audit;

    @Inject
    PlatformClock clock;

    public Uni<MeetingView> open(Mutiny.Session s, CountyCode county, Caller caller, UUID matterId, NewMeeting in) {
        return steps.lock(s, matterId).chain(m -> {
            permissions.recordMeeting(caller, m.villageCode);
            m.requireStep(in.step(), "A meeting of " + in.step().label());
            if (!in.step().bodies().contains(in.body())) {
                throw ProblemException.invalidField("body", "step " + in.step().label() + " is decided by "
                        + in.step().bodies());
            }
            if (in.heldOn().isAfter(clock.today())) {
                throw ProblemException.invalidField("heldOn", "must not be in the future");
            }
            return s.createSelectionQuery("select count(x) from Meeting x where matterId = :m and status = :open", Long.class)
                    .setParameter("m", m.id).setParameter("open", Meeting.Status.OPEN).getSingleResult().chain(open -> {
                        if (open > 0) {
                            throw ProblemException.conflict("meeting-open", "This matter already has an open meeting; "
                                    + "conclude it first");
                        }
                        Meeting x = new Meeting();
                        x.id = UUID.randomUUID();
                        x.matterId = m.id;
                        x.step = in.step();
                        x.body = in.body();
                        x.heldOn = in.heldOn();
                        x.status = Meeting.Status.OPEN;
                        x.recordedBy = caller.actor();
                        x.openedAt = clock.now();
                        return s.persist(x)
                                .chain(() -> audit.record(s, county, caller, "consultation.meeting-opened", "consultation-matter",
                                        m.id, Map.of("meeting", x.id.toString(), "step", x.step.name(), "body", x.body.name())))
                                .replaceWith(() -> MeetingView.of(x, List.of()));
                    });
        });
    }

    /** Replaces the attendance of an open meeting with a list of the register's people. */
    public Uni<MeetingView> attendance(Mutiny.Session s, CountyCode county, Caller caller, ConsultationPolicy policy,
                                       UUID matterId, UUID meetingId, List<Attendee> attendees) {
        return openMeeting(s, caller, matterId, meetingId).chain(mm -> membership
                .roll(s, mm.matter().villageCode, mm.meeting().body, mm.meeting().heldOn)
                .chain(roll -> replace(s, county, caller, policy, mm.meeting(), roll, attendees, null, List.of())));
    }

    /** Replaces the attendance of an open meeting from a sign-in sheet (CSV); every bad row is reported, none recorded. */
    public Uni<MeetingView> importSheet(Mutiny.Session s, CountyCode county, Caller caller, ConsultationPolicy policy,
                                        UUID matterId, UUID meetingId, String csv) {
        return openMeeting(s, caller, matterId, meetingId).chain(mm -> membership
                .roll(s, mm.matter().villageCode, mm.meeting().body, mm.meeting().heldOn).chain(roll -> {
                    SignInSheet sheet = SignInSheet.read(csv, roll);
                    return replace(s, county, caller, policy, mm.meeting(), roll, sheet.attendees(), sheet.rows(),
                            sheet.errors());
                }));
    }

    private Uni<MeetingView> replace(Mutiny.Session s, CountyCode county, Caller caller, ConsultationPolicy policy,
                                     Meeting x, Membership.Roll roll, List<Attendee> attendees, List<Integer> rows,
                                     List<Problem.FieldError> earlier) {
        List<Problem.FieldError> errors = new ArrayList<>(earlier);
        errors.addAll(AttendanceCheck.problems(x.body, roll, attendees, policy.proxyBodies().contains(x.body), rows));
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparing(e -> e.row() == null ? 0 : e.row()));
            throw ProblemException.invalid(errors.size() + " attendance entr" + (errors.size() == 1 ? "y is" : "ies are")
                    + " wrong; nothing was recorded", errors);
        }
        return s.createMutationQuery("delete from Attendance where meetingId = :x").setParameter("x", x.id)
                .executeUpdate().chain(() -> {
                    List<Attendance> list = new ArrayList<>();
                    for (Attendee a : attendees) {
                        list.add(Attendance.of(x.id, roll.residents().get(a.residentId()),
                                a.proxyFor() == null ? null : roll.residents().get(a.proxyFor()), a.vote()));
                    }
                    return s.persistAll(list.toArray()).replaceWith(list);
                })
                .call(list -> audit.record(s, county, caller, "consultation.attendance-recorded",
                        "consultation-matter", x.matterId, Map.of("meeting", x.id.toString(), "attendees", list.size())))
                .map(list -> MeetingView.of(x, list));
    }

    public Uni<MeetingView> conclude(Mutiny.Session s, CountyCode county, Caller caller, ConsultationPolicy policy,
                                     UUID matterId, UUID meetingId, Conclusion in) {
        return openMeeting(s, caller, matterId, meetingId).chain(mm -> attendees(s, meetingId).chain(list -> membership
                .roll(s, mm.matter().villageCode, mm.meeting().body, mm.meeting().heldOn)
                .chain(roll -> decide(s, county, caller, policy, mm.matter(), mm.meeting(), list, roll, in))
                .map(x -> MeetingView.of(x, list))));
    }

    private Uni<Meeting> decide(Mutiny.Session s, CountyCode county, Caller caller, ConsultationPolicy policy, Matter m,
                                Meeting x, List<Attendance> list, Membership.Roll roll, Conclusion in) {
        Set<UUID> households = new HashSet<>();
        list.forEach(a -> {
            households.add(a.householdId);
            if (a.proxyHouseholdId != null) {
                households.add(a.proxyHouseholdId);
            }
        });
        int present = list.size() + (int) list.stream().filter(a -> a.proxyFor != null).count();
        x.minutes = in.minutes();
        x.concludedAt = clock.now();
        x.present = present;
        if (x.body == Body.LIGHT_FORM) {
            if (in.outcome() == null || in.outcome().isBlank()) {
                throw ProblemException.invalidField("outcome", "is required: a lighter form records its outcome");
            }
            x.outcome = in.outcome();
            x.status = Meeting.Status.RECORDED;
            m.outcome = in.outcome();
            return audited(s, county, caller, x)
                    .chain(() -> steps.move(s, county, caller, m, StepRecord.Result.PASSED, Step.CLOSED, in.outcome()))
                    .chain(() -> steps.publish(s, county, ConsultationModule.MATTER_RESOLVED, m,
                            Map.of("resolution", in.outcome(), "resolvedOn", x.heldOn.toString(), "body", x.body.name(),
                                    "form", m.form)))
                    .replaceWith(x);
        }
        x.expected = roll.members().size();
        if (x.body == Body.VILLAGERS_MEETING) {
            x.householdsExpected = roll.households().size();
            x.householdsPresent = households.size();
        }
        Quorum.Count count = new Quorum.Count(x.expected, present,
                x.householdsExpected == null ? 0 : x.householdsExpected, households.size());
        if (!policy.quorum().met(x.body, count)) {
            x.status = Meeting.Status.INQUORATE;
            x.outcome = in.outcome() != null ? in.outcome() : "到会人数不足，会议不能作出决定 / no quorum: " + present
                    + " of " + x.expected + " present";
            return audited(s, county, caller, x).chain(() -> facts.meetingConcluded(s, county, m.villageCode, x))
                    .replaceWith(x);
        }
        tally(x, list, in, present);
        boolean carried = policy.quorum().carried(x.votesFor, present);
        x.status = carried ? Meeting.Status.PASSED : Meeting.Status.REJECTED;
        x.outcome = in.outcome() != null ? in.outcome() : carried ? "通过 / passed" : "未通过 / not passed";
        if (carried && x.step == Step.RESOLUTION) {
            if (in.resolution() == null || in.resolution().isBlank()) {
                throw ProblemException.invalidField("resolution", "is required: the text of the resolution adopted");
            }
            m.resolution = in.resolution();
        }
        Step to = carried ? x.step.next() : policy.afterFailure(x.step);
        return audited(s, county, caller, x)
                .chain(() -> facts.meetingConcluded(s, county, m.villageCode, x))
                .chain(() -> steps.move(s, county, caller, m, carried ? StepRecord.Result.PASSED : StepRecord.Result.FAILED,
                        to, x.body.zh() + " " + x.outcome))
                .invoke(() -> {
                    if (to == Step.RESOLUTION_DISCLOSURE) {
                        m.disclosureEndsAt = m.stepSince.plus(Duration.ofDays(policy.resolutionDisclosureDays()));
                    }
                })
                .replaceWith(x);
    }

    /** Votes per person (a proxy holder's vote counts for the member they stand for too), or totals. */
    private static void tally(Meeting x, List<Attendance> list, Conclusion in, int present) {
        if (in.voteMode() == null) {
            throw ProblemException.invalidField("voteMode", "is required: PER_PERSON or TOTALS");
        }
        x.voteMode = in.voteMode();
        int[] votes = new int[3];
        if (in.voteMode() == Meeting.VoteMode.TOTALS) {
            if (in.totals() == null) {
                throw ProblemException.invalidField("totals", "is required when votes are counted as totals");
            }
            votes[0] = in.totals().votesFor();
            votes[1] = in.totals().votesAgainst();
            votes[2] = in.totals().votesAbstain();
        } else {
            List<Problem.FieldError> missing = new ArrayList<>();
            for (Attendance a : list) {
                if (a.vote == null) {
                    missing.add(Problem.FieldError.field("attendees", a.residentName + " has no vote recorded"));
                    continue;
                }
                votes[a.vote.ordinal()] += a.proxyFor == null ? 1 : 2;
            }
            if (!missing.isEmpty()) {
                throw ProblemException.invalid("Votes are counted per person, and some attendees have none", missing);
            }
        }
        if (votes[0] + votes[1] + votes[2] > present) {
            throw ProblemException.invalidField("totals", "count " + (votes[0] + votes[1] + votes[2])
                    + " votes for " + present + " present");
        }
        x.votesFor = votes[0];
        x.votesAgainst = votes[1];
        x.votesAbstain = votes[2];
    }

    private Uni<Void> audited(Mutiny.Session s, CountyCode county, Caller caller, Meeting x) {
        Map<String, Object> detail = new HashMap<>();
        detail.put("meeting", x.id.toString());
        detail.put("status", x.status.name());
        detail.put("present", x.present);
        if (x.expected != null) {
            detail.put("expected", x.expected);
        }
        if (x.votesFor != null) {
            detail.put("votes", x.votesFor + "/" + x.votesAgainst + "/" + x.votesAbstain);
        }
        return audit.record(s, county, caller, "consultation.meeting-concluded", "consultation-matter", x.matterId, detail)
                .replaceWithVoid();
    }

    private record MatterMeeting(Matter matter, Meeting meeting) {
    }

    private Uni<MatterMeeting> openMeeting(Mutiny.Session s, Caller caller, UUID matterId, UUID meetingId) {
        return steps.lock(s, matterId).chain(m -> {
            permissions.recordMeeting(caller, m.villageCode);
            return meeting(s, matterId, meetingId).map(x -> {
                if (x.status != Meeting.Status.OPEN) {
                    throw ProblemException.conflict("meeting-concluded", "This meeting of " + x.step.label()
                            + " is already concluded (" + x.status + "); convene another");
                }
                m.requireStep(x.step, "This meeting");
                return new MatterMeeting(m, x);
            });
        });
    }

    public Uni<Meeting> meeting(Mutiny.Session s, UUID matterId, UUID meetingId) {
        return s.find(Meeting.class, meetingId).map(x -> {
            if (x == null || !x.matterId.equals(matterId)) {
                throw ProblemException.notFound("Meeting", meetingId);
            }
            return x;
        });
    }

    public Uni<List<Attendance>> attendees(Mutiny.Session s, UUID meetingId) {
        return s.createSelectionQuery("from Attendance where meetingId = :x order by residentName, id", Attendance.class)
                .setParameter("x", meetingId).getResultList();
    }

    public Uni<MeetingView> view(Mutiny.Session s, UUID matterId, UUID meetingId) {
        return meeting(s, matterId, meetingId).chain(x -> attendees(s, x.id).map(a -> MeetingView.of(x, a)));
    }

    public Uni<List<MeetingView>> ofMatter(Mutiny.Session s, UUID matterId) {
        return s.createSelectionQuery("from Meeting where matterId = :m order by openedAt, id", Meeting.class)
                .setParameter("m", matterId).getResultList().chain(meetings -> {
                    Uni<List<MeetingView>> out = Uni.createFrom().item(new ArrayList<>());
                    for (Meeting x : meetings) {
                        out = out.chain(views -> attendees(s, x.id).map(a -> {
                            views.add(MeetingView.of(x, a));
                            return views;
                        }));
                    }
                    return out;
                });
    }
}
