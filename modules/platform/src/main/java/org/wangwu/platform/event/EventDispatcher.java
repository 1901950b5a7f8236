package org.wangwu.platform.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.wangwu.platform.job.CountyJobs;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.time.PlatformClock;

/**
 * Delivers outbox events to the consumers of other modules, county by county: each event to each
 * consumer in its own transaction, recorded so that it is handled once; failures are retried a few
 * times and stay visible.
 */
@ApplicationScoped
public class EventDispatcher {

    static final int MAX_ATTEMPTS = 5;
    private static final int BATCH = 100;
    private static final Logger LOG = Logger.getLogger(EventDispatcher.class);

    @Inject
    Instance<DomainEventConsumer> consumers;

    @Inject
    CountyJobs jobs;

    @Inject
    TenantTransactions tx;

    @Inject
    ObjectMapper json;

    @Inject
    PlatformClock clock;

    @Scheduled(every = "${wangwu.events.dispatch-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> dispatchAll() {
        return jobs.forEachActiveCounty("event-dispatch", this::dispatch);
    }

    /** Delivers what is pending in one county; returns how many deliveries were attempted. */
    public Uni<Integer> dispatch(CountyCode county) {
        Uni<Integer> total = Uni.createFrom().item(0);
        for (DomainEventConsumer consumer : consumers) {
            total = total.chain(sum -> dispatch(county, consumer).map(n -> sum + n));
        }
        return total;
    }

    private Uni<Integer> dispatch(CountyCode county, DomainEventConsumer consumer) {
        return tx.inCounty(county, s -> s.createSelectionQuery("""
                        from DomainEvent e where not exists (
                          select 1 from EventDelivery d where d.eventId = e.id and d.consumer = :consumer
                            and (d.status <> :failed or d.attempts >= :max))
                        order by e.occurredAt, e.id""", DomainEvent.class)
                .setParameter("consumer", consumer.name())
                .setParameter("failed", EventDelivery.Status.FAILED)
                .setParameter("max", MAX_ATTEMPTS)
                .setMaxResults(BATCH).getResultList())
                .chain(events -> deliverEach(county, consumer, events, 0));
    }

    private Uni<Integer> deliverEach(CountyCode county, DomainEventConsumer consumer, List<DomainEvent> events, int i) {
        if (i >= events.size()) {
            return Uni.createFrom().item(events.size());
        }
        DomainEvent event = events.get(i);
        boolean accepted = consumer.accepts(event.type);
        return tx.inCounty(county, s -> (accepted ? consumer.handle(s, county, delivered(event)) : Uni.createFrom().voidItem())
                        .chain(() -> record(s, event.id, consumer.name(),
                                accepted ? EventDelivery.Status.DELIVERED : EventDelivery.Status.SKIPPED, null)))
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf(e, "Consumer %s failed on event %s (%s) in county %s", consumer.name(), event.id, event.type,
                            county);
                    return tx.inCounty(county, s -> record(s, event.id, consumer.name(), EventDelivery.Status.FAILED,
                            String.valueOf(e.getMessage())));
                })
                .chain(() -> deliverEach(county, consumer, events, i + 1));
    }

    private Uni<Void> record(org.hibernate.reactive.mutiny.Mutiny.Session s, UUID eventId, String consumer,
                             EventDelivery.Status status, String error) {
        return s.createSelectionQuery("from EventDelivery where eventId = :e and consumer = :c", EventDelivery.class)
                .setParameter("e", eventId).setParameter("c", consumer).getSingleResultOrNull()
                .chain(existing -> {
                    EventDelivery d = existing != null ? existing : new EventDelivery();
                    if (existing == null) {
                        d.id = UUID.randomUUID();
                        d.eventId = eventId;
                        d.consumer = consumer;
                    }
                    d.status = status;
                    d.attempts++;
                    d.lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
                    d.updatedAt = clock.now();
                    return existing != null ? Uni.createFrom().voidItem() : s.persist(d);
                });
    }

    private DomainEventConsumer.Delivered delivered(DomainEvent e) {
        try {
            return new DomainEventConsumer.Delivered(e.id, e.type, e.aggregateType, e.aggregateId,
                    (ObjectNode) json.readTree(e.payload), e.occurredAt);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Stored event payload is not JSON", ex);
        }
    }
}
