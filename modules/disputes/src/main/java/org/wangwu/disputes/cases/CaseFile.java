package org.wangwu.disputes.cases;

import java.util.List;

/** A case with all its assignments, as the permissions need it to decide. */
public record CaseFile(DisputeCase dispute, List<Assignment> assignments) {

    public List<Assignment> active() {
        return assignments.stream().filter(a -> a.active).toList();
    }

    /** The active mediators stand down, as when the case leaves their level or new ones take over. */
    public void standDown(java.time.Instant at) {
        for (Assignment a : active()) {
            a.active = false;
            a.endedAt = at;
        }
    }

    public boolean isAssigned(String username) {
        return active().stream().anyMatch(a -> a.mediatorUsername.equals(username));
    }
}
