package org.wangwu.dashboards.factcheck;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One run of the facts check in a county: how many values it compared and where recorded and recounted differ. */
public record FactCheckRun(
        @Schema(description = "The check's id") UUID id,
        @Schema(description = "When it ran") Instant checkedAt,
        @Schema(description = "Who ran it (the job, or a username)", examples = "jiyuan-admin") String checkedBy,
        @Schema(description = "How many facts were compared", examples = "1380") int factsCompared,
        @Schema(description = "How many differed", examples = "0") int differences,
        @Schema(description = "Each difference") List<Difference> found) {

    /** A fact whose recorded value is not what the module's records give. */
    public record Difference(
            @Schema(description = "The module", examples = "points") String module,
            @Schema(description = "The fact", examples = "awards-posted") String fact,
            @Schema(description = "The day", examples = "2026-03-08") LocalDate day,
            @Schema(description = "The village or township (empty for the county)", examples = "419001100201") String placeCode,
            @Schema(description = "The fact's dimension (empty when it has none)", examples = "") String dimension,
            @Schema(description = "The value recorded", examples = "25") BigDecimal recorded,
            @Schema(description = "The value recounted from the records", examples = "20") BigDecimal recounted) {
    }
}
