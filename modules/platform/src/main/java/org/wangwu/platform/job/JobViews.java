package org.wangwu.platform.job;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.wangwu.platform.module.LocalizedText;

/** How jobs and their runs appear in the API. */
public final class JobViews {

    private JobViews() {
    }

    /** A module's job in a county: its schedule (ISO-8601 duration), next slot, and its latest runs, newest first. */
    public record JobView(
            @Schema(description = "The job's key", examples = "expiry") String key,
            @Schema(description = "Its name in Chinese and English") LocalizedText name,
            @Schema(description = "How often it runs (ISO-8601 duration)", examples = "PT24H") String every,
            @Schema(description = "Its next scheduled slot") Instant nextRunAt,
            @Schema(description = "True while a run is in progress", examples = "false") boolean running,
            @Schema(description = "Its last runs, newest first") List<RunView> lastRuns) {
    }

    /** One run; {@code error} is what the county may read of a failure. */
    public record RunView(
            @Schema(description = "The run's id") UUID id,
            @Schema(description = "The module", examples = "points") String module,
            @Schema(description = "The job's key", examples = "expiry") String job,
            @Schema(description = "SCHEDULE or MANUAL") JobRun.Trigger trigger,
            @Schema(description = "The scheduled slot it ran for") Instant slot,
            @Schema(description = "The replica that ran it", examples = "wangwu-7d9f-abc12") String node,
            @Schema(description = "Who started it by hand, if someone did", examples = "jiyuan-admin") String startedBy,
            @Schema(description = "When it started") Instant startedAt,
            @Schema(description = "When it finished") Instant finishedAt,
            @Schema(description = "How it ended") JobRun.Outcome outcome,
            @Schema(description = "How many things it processed", examples = "12") int processed,
            @Schema(description = "What went wrong, when it failed", examples = "database out of reach") String error) {
        public static RunView of(JobRun r) {
            return new RunView(r.id, r.moduleKey, r.jobKey, r.trigger, r.slot, r.node, r.startedBy, r.startedAt,
                    r.finishedAt, r.outcome, r.processed, r.publicError);
        }
    }
}
