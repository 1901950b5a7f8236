package org.wangwu.platform.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.tenancy.CombinedWrite;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.time.PlatformClock;

/** Publishes domain events into the county's outbox, inside the caller's transaction. */
@ApplicationScoped
public class DomainEvents {

    @Inject
    ObjectMapper json;

    @Inject
    PlatformClock clock;

    public Uni<DomainEvent> publish(Mutiny.Session session, CountyCode county, String type, String aggregateType,
                                    Object aggregateId, Map<String, ?> payload) {
        DomainEvent event = event(county, type, aggregateType, aggregateId, payload);
        return session.persist(event).replaceWith(event);
    }

    /** The same event, as a part of {@code write}. */
    public DomainEvent publish(CombinedWrite write, CountyCode county, String type, String aggregateType,
                               Object aggregateId, Map<String, ?> payload) {
        DomainEvent event = event(county, type, aggregateType, aggregateId, payload);
        write.insert("domain_event",
                "tenant_id", event.tenantId, "id", event.id, "type", event.type,
                "aggregate_type", event.aggregateType, "aggregate_id", event.aggregateId,
                "payload", event.payload, "occurred_at", event.occurredAt);
        return event;
    }

    private DomainEvent event(CountyCode county, String type, String aggregateType, Object aggregateId,
                              Map<String, ?> payload) {
        DomainEvent event = new DomainEvent();
        event.id = UUID.randomUUID();
        event.tenantId = county.value();
        event.type = type;
        event.aggregateType = aggregateType;
        event.aggregateId = String.valueOf(aggregateId);
        try {
            event.payload = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload must be JSON-serialisable", e);
        }
        event.occurredAt = clock.now();
        return event;
    }
}
