package org.wangwu.server.dashboards;

import org.wangwu.server.support.Database;

/** Daily facts written beneath the application, as a module's recording would leave them (the rollup trigger runs). */
final class Facts {

    private Facts() {
    }

    static void flow(String county, String fact, String day, String place, String dimension, long value) {
        write(county, fact, day, place, dimension, value, "FLOW");
    }

    static void level(String county, String fact, String day, String place, long value) {
        write(county, fact, day, place, "", value, "LEVEL");
    }

    private static void write(String county, String fact, String day, String place, String dimension, long value, String kind) {
        Database.update("insert into daily_fact (tenant_id, module_key, fact, day, place_code, dimension, value, kind) values ('"
                + county + "', 'noticeboard', '" + fact + "', date '" + day + "', '" + place + "', '" + dimension + "', " + value
                + ", '" + kind + "') on conflict (tenant_id, module_key, fact, day, place_code, dimension) do update set value = "
                + ("FLOW".equals(kind) ? "daily_fact.value + excluded.value" : "excluded.value"));
    }
}
