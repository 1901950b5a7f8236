package org.wangwu.platform.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.tenancy.CountyCode;

/**
 * A platform consumer of every county's events (the webhook fan-out). It is handed each event once,
 * in a transaction of the event's county; what it writes commits together with the record that it
 * was delivered. Modules do not implement this: they declare each type they consume, with its
 * {@link EventHandler}, in their descriptor, and the platform refuses to start otherwise.
 */
public interface DomainEventConsumer {

    /** Stable name, recorded per delivery, e.g. {@code points.event-awards}. */
    String name();

    boolean accepts(String eventType);

    Uni<Void> handle(Mutiny.Session session, CountyCode county, Delivered event);

    /** An event as a consumer receives it. */
    record Delivered(java.util.UUID id, String type, String aggregateType, String aggregateId, ObjectNode payload,
                     java.time.Instant occurredAt) {
    }
}
