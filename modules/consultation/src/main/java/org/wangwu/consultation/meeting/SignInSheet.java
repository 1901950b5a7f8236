package org.wangwu.consultation.meeting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.wangwu.consultation.meeting.MeetingViews.Attendee;
import org.wangwu.platform.error.Problem;
import org.wangwu.platform.territory.RegisterImport;
import org.wangwu.platform.territory.TerritoryViews.HouseholdView;
import org.wangwu.platform.territory.TerritoryViews.ResidentView;

/**
 * A meeting's sign-in sheet (签到表) as CSV: {@code name,household_number} per person present, and
 * optionally {@code proxy_name,proxy_household_number} for a member they stand for and {@code vote}
 * (FOR/AGAINST/ABSTAIN or 同意/反对/弃权). People are found in the village's register by name
 * within their household; every row that cannot be is reported with its number.
 */
record SignInSheet(List<Attendee> attendees, List<Integer> rows, List<Problem.FieldError> errors) {

    static final int MAX_ROWS = 5000;
    private static final List<String> REQUIRED = List.of("name", "household_number");
    private static final Set<String> KNOWN = Set.of("name", "household_number", "proxy_name", "proxy_household_number", "vote");

    static SignInSheet read(String csv, Membership.Roll roll) {
        List<Map<String, String>> lines = RegisterImport.parseCsv(csv, "a sign-in sheet", REQUIRED, KNOWN::contains, MAX_ROWS);
        List<Attendee> attendees = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Map<String, String> line = lines.get(i);
            int row = i + 1;
            Optional<UUID> person = find(roll, line.get("name"), line.get("household_number"));
            if (person.isEmpty()) {
                errors.add(new Problem.FieldError(row, "name", "no " + line.get("name") + " in household "
                        + line.get("household_number") + " of this village's register"));
                continue;
            }
            UUID proxy = null;
            String proxyName = blankToNull(line.get("proxy_name"));
            if (proxyName != null) {
                Optional<UUID> found = find(roll, proxyName, line.get("proxy_household_number"));
                if (found.isEmpty()) {
                    errors.add(new Problem.FieldError(row, "proxy_name", "no " + proxyName + " in household "
                            + line.get("proxy_household_number") + " of this village's register"));
                    continue;
                }
                proxy = found.get();
            }
            Attendance.Vote vote = null;
            String v = blankToNull(line.get("vote"));
            if (v != null) {
                vote = vote(v);
                if (vote == null) {
                    errors.add(new Problem.FieldError(row, "vote", "must be FOR, AGAINST or ABSTAIN (同意/反对/弃权)"));
                    continue;
                }
            }
            attendees.add(new Attendee(person.get(), proxy, vote));
            rows.add(row);
        }
        return new SignInSheet(attendees, rows, errors);
    }

    private static Optional<UUID> find(Membership.Roll roll, String name, String householdNumber) {
        if (name == null || householdNumber == null) {
            return Optional.empty();
        }
        Optional<UUID> household = roll.households().stream().filter(h -> h.number().equals(householdNumber.strip()))
                .map(HouseholdView::id).findFirst();
        return household.flatMap(h -> roll.residents().values().stream()
                .filter(r -> h.equals(r.householdId()) && r.name().equals(name.strip())).map(ResidentView::id).findFirst());
    }

    private static Attendance.Vote vote(String text) {
        return switch (text.strip().toUpperCase()) {
            case "FOR", "同意", "赞成" -> Attendance.Vote.FOR;
            case "AGAINST", "反对" -> Attendance.Vote.AGAINST;
            case "ABSTAIN", "弃权" -> Attendance.Vote.ABSTAIN;
            default -> null;
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
