package org.wangwu.dashboards.province;

import java.math.BigDecimal;
import java.util.List;
import org.wangwu.platform.county.County;
import org.wangwu.platform.fact.StatisticsTable;

/** How the province's answers appear: aggregates, place codes and names, never a person or a case. */
public final class ProvinceViews {

    private ProvinceViews() {
    }

    /** The province's counties, each module's figures per county and month, and rankings over the range. */
    public record Overview(String province, String provinceName, String from, String to, int threshold,
                           List<CountyEntry> counties, List<ModuleFigures> modules) {
    }

    /** A county of the province: its status and the modules it runs. */
    public record CountyEntry(String code, String nameZh, String nameEn, County.Status status, List<String> modules) {
    }

    /** One module's table (rows: counties by month and over the range; the whole: the province) and its rankings. */
    public record ModuleFigures(StatisticsTable table, List<Ranking> rankings) {
    }

    /**
     * Counties ordered by a statistic over the range, highest first. A county whose figure is
     * suppressed is not placed (its place would bound the hidden figure) and is listed apart.
     */
    public record Ranking(String statistic, List<Ranked> ranked, List<String> unranked) {
    }

    /** A county's place in a ranking. */
    public record Ranked(int rank, String county, String name, BigDecimal value) {
    }

    /** A county by township, or a township by village: each module's table, the whole being the county or township. */
    public record DrillDown(String province, String county, String countyName, String township, String from, String to,
                            int threshold, List<StatisticsTable> modules) {
    }
}
