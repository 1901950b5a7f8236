package org.wangwu.platform.job;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.wangwu.platform.module.LocalizedText;

/** How jobs and their runs appear in the API. */
public final class JobViews {

    private JobViews() {
    }

    /** A module's job in a county: its schedule (ISO-8601 duration), next slot, and its latest runs, newest first. */
    public record JobView(String key, LocalizedText name, String every, Instant nextRunAt, boolean running,
                          List<RunView> lastRuns) {
    }

    /** One run; {@code error} is what the county may read of a failure. */
    public record RunView(UUID id, String module, String job, JobRun.Trigger trigger, Instant slot, String node,
                          String startedBy, Instant startedAt, Instant finishedAt, JobRun.Outcome outcome,
                          int processed, String error) {
        public static RunView of(JobRun r) {
            return new RunView(r.id, r.moduleKey, r.jobKey, r.trigger, r.slot, r.node, r.startedBy, r.startedAt,
                    r.finishedAt, r.outcome, r.processed, r.publicError);
        }
    }
}
