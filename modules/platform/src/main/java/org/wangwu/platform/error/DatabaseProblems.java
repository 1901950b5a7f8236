package org.wangwu.platform.error;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.persistence.OptimisticLockException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import org.hibernate.StaleStateException;

/**
 * What a database failure means to the caller. A refusal of the data (constraint, type, length, RLS) is
 * the caller's 4xx; an unreachable or restarting server is a 503 the caller may retry (with the same
 * Idempotency-Key where the write takes one), never a 500.
 */
final class DatabaseProblems {

    /** Seconds a client should wait before retrying while the database is away. */
    static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseProblems() {
    }

    /** Classifies the first database failure in the cause chain; null when there is none. */
    static Problem classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return Problem.of(409, "stale-version", "Conflict",
                        "The resource was changed by someone else; reload it and try again");
            }
            if (t instanceof PgException pg) {
                return forSqlState(pg.getSqlState(), pg.getConstraint());
            }
            if (t instanceof org.hibernate.JDBCException jdbc && jdbc.getSQLState() != null) {
                String constraint = t instanceof org.hibernate.exception.ConstraintViolationException violation
                        ? violation.getConstraintName() : null;
                return forSqlState(jdbc.getSQLState(), constraint);
            }
            if (t instanceof ConnectException || t instanceof ClosedConnectionException || t instanceof ClosedChannelException
                    || t instanceof io.vertx.core.impl.NoStackTraceTimeoutException /* no pooled connection in time */) {
                return unavailable();
            }
        }
        return null;
    }

    static Problem unavailable() {
        return Problem.of(503, "database-unavailable", "Service unavailable",
                "The database cannot be reached just now; retry in a few seconds (a write with an Idempotency-Key "
                        + "may be retried with the same key)");
    }

    /** PostgreSQL's SQLSTATE classes: 22 data exceptions and 23 integrity violations are the caller's; 08, 57P and 53 are outages. */
    private static Problem forSqlState(String sqlState, String constraintName) {
        String constraint = constraintName == null ? "" : " (" + constraintName + ")";
        return switch (sqlState) {
            case "42501" -> Problem.of(403, "row-level-security", "Forbidden",
                    "The database refused access to another county's data");
            case "23505" -> Problem.of(409, "duplicate", "Conflict", "A record with the same key already exists" + constraint);
            case "23P01" -> Problem.of(409, "conflicting-record", "Conflict", "The record overlaps an existing one" + constraint);
            case "23503" -> Problem.of(422, "unknown-reference", "Validation failed",
                    "A referenced record does not exist in this county" + constraint);
            case "23502" -> Problem.of(400, "missing-value", "Bad request", "A required value is missing");
            case "22001" -> Problem.of(400, "value-too-long", "Bad request", "A value is longer than allowed");
            case "22003" -> Problem.of(400, "value-out-of-range", "Bad request", "A number is out of range");
            case "40001", "40P01" -> Problem.of(409, "concurrent-change", "Conflict",
                    "Another request changed the same records at the same time; try again");
            case "25006", "57P01", "57P02", "57P03", "53300" -> unavailable();
            default -> sqlState.startsWith("08") ? unavailable()
                    : sqlState.startsWith("22") || sqlState.startsWith("23") ? Problem.of(400, "invalid-value", "Bad request",
                    "A value is not acceptable" + constraint) : null;
        };
    }
}
