package org.wangwu.server.dashboards;

import java.util.ArrayList;
import java.util.List;
import org.wangwu.server.support.Database;

/**
 * Daily facts written beneath the application, as a module's recording would leave them (the rollup trigger runs).
 * They have no records behind them, so a facts check would rightly report them: each test class undoes what it
 * wrote ({@link #undo()}) before another class's check runs.
 */
final class Facts {

    private record Written(String county, String fact, String day, String place, String dimension, long value,
                           String kind) {
    }

    private static final List<Written> WRITTEN = new ArrayList<>();

    private Facts() {
    }

    static void flow(String county, String fact, String day, String place, String dimension, long value) {
        write(county, fact, day, place, dimension, value, "FLOW");
    }

    static void level(String county, String fact, String day, String place, long value) {
        write(county, fact, day, place, "", value, "LEVEL");
    }

    /** Takes back every fact written here (through the trigger, so the monthly rollups follow). */
    static synchronized void undo() {
        for (Written w : WRITTEN) {
            Database.update("update daily_fact set value = " + ("FLOW".equals(w.kind()) ? "value - " + w.value() : "0")
                    + " where tenant_id = '" + w.county() + "' and module_key = 'noticeboard' and fact = '" + w.fact()
                    + "' and day = date '" + w.day() + "' and place_code = '" + w.place() + "' and dimension = '"
                    + w.dimension() + "'");
        }
        WRITTEN.clear();
    }

    private static synchronized void write(String county, String fact, String day, String place, String dimension,
                                           long value, String kind) {
        WRITTEN.add(new Written(county, fact, day, place, dimension, value, kind));
        Database.update("insert into daily_fact (tenant_id, module_key, fact, day, place_code, dimension, value, kind) values ('"
                + county + "', 'noticeboard', '" + fact + "', date '" + day + "', '" + place + "', '" + dimension + "', " + value
                + ", '" + kind + "') on conflict (tenant_id, module_key, fact, day, place_code, dimension) do update set value = "
                + ("FLOW".equals(kind) ? "daily_fact.value + excluded.value" : "excluded.value"));
    }
}
