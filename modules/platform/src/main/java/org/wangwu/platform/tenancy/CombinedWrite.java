package org.wangwu.platform.tenancy;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The writes of one step of a unit of work gathered into one SQL statement: each part is a
 * data-modifying {@code WITH} member, so a redemption's ledger entry, lots, stock, event, audit record
 * and idempotency response reach PostgreSQL in one round trip. All parts see the snapshot taken when
 * the statement starts (none sees another's rows) and the foreign keys are checked at its end; a part
 * must not touch a row another part touches. Values are always bound, never spliced into the text.
 */
public final class CombinedWrite {

    private final List<String> parts = new ArrayList<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    /** A placeholder for {@code value} to use in a part's text ({@code null} is the literal). */
    public String bind(Object value) {
        if (value == null) {
            return "null";
        }
        String name = "w" + values.size();
        values.put(name, value instanceof Enum<?> e ? e.name() : value);
        return ":" + name;
    }

    /** Adds a data-modifying statement whose values come from {@link #bind}. */
    public CombinedWrite add(String sql) {
        parts.add(sql);
        return this;
    }

    /** Adds {@code insert into table (columns) values (...)}: column names and their values, alternately. */
    public CombinedWrite insert(String table, Object... columnsAndValues) {
        if (columnsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Columns and values come in pairs");
        }
        StringBuilder names = new StringBuilder();
        StringBuilder placeholders = new StringBuilder();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            names.append(i == 0 ? "" : ", ").append((String) columnsAndValues[i]);
            placeholders.append(i == 0 ? "" : ", ").append(bind(columnsAndValues[i + 1]));
        }
        return add("insert into " + table + " (" + names + ") values (" + placeholders + ")");
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /** Runs every part as one statement; nothing when there are none. */
    public Uni<Void> execute(Mutiny.Session session) {
        if (parts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        StringBuilder sql = new StringBuilder("with ");
        for (int i = 0; i < parts.size(); i++) {
            sql.append(i == 0 ? "" : ",\n").append("p").append(i).append(" as (").append(parts.get(i)).append(')');
        }
        sql.append("\nselect 1");
        var query = session.createNativeQuery(sql.toString());
        values.forEach(query::setParameter);
        parts.clear();
        values.clear();
        return query.getSingleResult().replaceWithVoid();
    }
}
