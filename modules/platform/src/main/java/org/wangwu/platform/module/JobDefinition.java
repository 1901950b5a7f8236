package org.wangwu.platform.module;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.function.Function;
import org.wangwu.platform.tenancy.CountyCode;

/**
 * A module's scheduled job, run per county where the module is on: on its default schedule by the
 * platform's job runner (claimed in the database, so once per county per slot however many nodes
 * run), or now through {@code POST /api/v1/counties/{county}/modules/{module}/jobs/{job}}. The work
 * takes the county and answers how many things it processed; it must be safe to run twice.
 */
public record JobDefinition(
        @Schema(description = "The job's key", examples = "expiry") String key,
        @Schema(description = "Its name in Chinese and English") LocalizedText name,
        @Schema(description = "How often it runs by default (ISO-8601 duration)", examples = "PT24H") Duration every,
        @JsonIgnore Function<CountyCode, Uni<Integer>> work) {

    public JobDefinition {
        if (!key.matches("[a-z][a-z0-9-]{1,39}")) {
            throw new IllegalArgumentException("Job key must be lower-case letters, digits and dashes: " + key);
        }
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("Job " + key + " needs a positive schedule");
        }
    }
}
