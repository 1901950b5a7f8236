package org.wangwu.consultation.meeting;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.wangwu.consultation.meeting.Membership.Roll;
import org.wangwu.consultation.meeting.MeetingViews.Attendee;
import org.wangwu.platform.error.Problem;
import org.wangwu.platform.territory.TerritoryViews.ResidentView;

/**
 * Checks an attendance list against the body's roll, collecting every problem with its row (1-based,
 * as on the sign-in sheet): strangers to the register, people who do not sit on the body, people
 * listed twice, and proxies where the county allows none.
 */
final class AttendanceCheck {

    private AttendanceCheck() {
    }

    static List<Problem.FieldError> problems(Body body, Roll roll, List<Attendee> attendees, boolean proxiesAllowed,
                                             List<Integer> rows) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<UUID> counted = new HashSet<>();
        for (int i = 0; i < attendees.size(); i++) {
            Attendee a = attendees.get(i);
            Integer row = rows == null ? i + 1 : rows.get(i);
            ResidentView person = roll.residents().get(a.residentId());
            if (person == null) {
                errors.add(new Problem.FieldError(row, "residentId", "is not in the register of this village"));
            } else if (!roll.isMember(a.residentId())) {
                errors.add(new Problem.FieldError(row, "residentId", person.name() + " does not sit on the "
                        + body.zh() + " (" + body.name() + ")"));
            } else if (!counted.add(a.residentId())) {
                errors.add(new Problem.FieldError(row, "residentId", person.name() + " is listed twice"));
            }
            if (a.proxyFor() == null) {
                continue;
            }
            ResidentView absent = roll.members().get(a.proxyFor());
            if (!proxiesAllowed) {
                errors.add(new Problem.FieldError(row, "proxyFor", "this county allows no proxies at the " + body.zh()));
            } else if (absent == null) {
                errors.add(new Problem.FieldError(row, "proxyFor", "is not a member of the " + body.zh()));
            } else if (!counted.add(a.proxyFor())) {
                errors.add(new Problem.FieldError(row, "proxyFor", absent.name() + " is already counted"));
            }
        }
        return errors;
    }
}
