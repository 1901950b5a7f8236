package org.wangwu.platform.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.tenancy.CountyCode;

/**
 * A module's listener for events of other modules. It is handed each event once, in a transaction
 * of the event's county; what it writes commits together with the record that it was delivered.
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
