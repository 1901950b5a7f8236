package org.wangwu.dashboards.province;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import org.wangwu.platform.county.County;
import org.wangwu.platform.fact.StatisticsTable;

/** How the province's answers appear: aggregates, place codes and names, never a person or a case. */
public final class ProvinceViews {

    private ProvinceViews() {
    }

    /** The province's counties, each module's figures per county and month, and rankings over the range. */
    public record Overview(
            @Schema(description = "The province's code", examples = "41") String province,
            @Schema(description = "Its name", examples = "河南省") String provinceName,
            @Schema(description = "First month (YYYY-MM)", examples = "2026-01") String from,
            @Schema(description = "Last month (YYYY-MM)", examples = "2026-06") String to,
            @Schema(description = "Counts under it are suppressed", examples = "5") int threshold,
            @Schema(description = "The province's counties") List<CountyEntry> counties,
            @Schema(description = "Each module's figures and rankings") List<ModuleFigures> modules) {
    }

    /** A county of the province: its status and the modules it runs. */
    public record CountyEntry(
            @Schema(description = "The county's 6-digit code", examples = "419001") String code,
            @Schema(description = "Its Chinese name", examples = "济源市") String nameZh,
            @Schema(description = "Its English name", examples = "Jiyuan") String nameEn,
            @Schema(description = "ACTIVE or SUSPENDED") County.Status status,
            @Schema(description = "The modules it has switched on") List<String> modules) {
    }

    /** One module's table (rows: counties by month and over the range; the whole: the province) and its rankings. */
    public record ModuleFigures(
            @Schema(description = "The module's statistics per county and month") StatisticsTable table,
            @Schema(description = "The counties ranked by each statistic") List<Ranking> rankings) {
    }

    /**
     * Counties ordered by a statistic over the range, highest first. A county whose figure is
     * suppressed is not placed (its place would bound the hidden figure) and is listed apart.
     */
    public record Ranking(
            @Schema(description = "The statistic ranked by", examples = "cases-resolved-in-village") String statistic,
            @Schema(description = "Counties with a value, best first") List<Ranked> ranked,
            @Schema(description = "Counties whose value is suppressed or missing") List<String> unranked) {
    }

    /** A county's place in a ranking. */
    public record Ranked(
            @Schema(description = "The county's rank", examples = "1") int rank,
            @Schema(description = "The county's code", examples = "419001") String county,
            @Schema(description = "Its name", examples = "济源市") String name,
            @Schema(description = "Its value", examples = "0.92") BigDecimal value) {
    }

    /** A county by township, or a township by village: each module's table, the whole being the county or township. */
    public record DrillDown(
            @Schema(description = "The province's code", examples = "41") String province,
            @Schema(description = "The county's code", examples = "419001") String county,
            @Schema(description = "The county's name", examples = "济源市") String countyName,
            @Schema(description = "The township's code, for a township drill-down", examples = "419001100") String township,
            @Schema(description = "First month (YYYY-MM)", examples = "2026-01") String from,
            @Schema(description = "Last month (YYYY-MM)", examples = "2026-06") String to,
            @Schema(description = "Counts under it are suppressed", examples = "5") int threshold,
            @Schema(description = "Each module's table") List<StatisticsTable> modules) {
    }
}
