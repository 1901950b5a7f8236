package org.wangwu.dashboards.factcheck;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One run of the facts check in a county: how many values it compared and where recorded and recounted differ. */
public record FactCheckRun(UUID id, Instant checkedAt, String checkedBy, int factsCompared, int differences,
                           List<Difference> found) {

    /** A fact whose recorded value is not what the module's records give. */
    public record Difference(String module, String fact, LocalDate day, String placeCode, String dimension,
                             BigDecimal recorded, BigDecimal recounted) {
    }
}
