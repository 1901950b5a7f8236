package org.wangwu.platform.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;
import org.wangwu.platform.job.CountyJobs;
import org.wangwu.platform.module.ModuleDescriptor;
import org.wangwu.platform.module.ModuleRegistry;
import org.wangwu.platform.module.ModuleService;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.time.PlatformClock;

/**
 * Delivers outbox events, county by county, to each module that declares their type (through the
 * handler it declared, only where the module is on; elsewhere the delivery is recorded SKIPPED) and
 * to the platform's own consumers (webhook fan-out). Each delivery is claimed in the database first
 * (its row inserted under the unique key, or a failed one locked with SKIP LOCKED for a retry), so
 * however many nodes dispatch, each event is handled once per consumer; what the handler writes
 * commits with the delivery record. Failures are retried a few times and stay visible.
 */
@ApplicationScoped
public class EventDispatcher {

    static final int MAX_ATTEMPTS = 5;
    private static final int BATCH = 100;
    private static final Logger LOG = Logger.getLogger(EventDispatcher.class);

    @Inject
    Instance<DomainEventConsumer> platformConsumers;

    @Inject
    ModuleRegistry registry;

    @Inject
    ModuleService modules;

    @Inject
    CountyJobs jobs;

    @Inject
    TenantTransactions tx;

    @Inject
    ObjectMapper json;

    @Inject
    PlatformClock clock;

    /** One consumer as the dispatcher sees it: its name, the module it belongs to (none: the platform), its types. */
    private record Consumer(String name, String moduleKey, Set<String> types, Function<String, EventHandler> handler) {
    }

    @Scheduled(every = "${wangwu.events.dispatch-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> dispatchAll() {
        return jobs.forEachActiveCounty("event-dispatch", this::dispatch);
    }

    /** Delivers what is pending in one county; returns how many deliveries this call made. */
    public Uni<Integer> dispatch(CountyCode county) {
        Uni<Integer> total = Uni.createFrom().item(0);
        for (Consumer consumer : consumers()) {
            total = total.chain(sum -> dispatch(county, consumer).map(n -> sum + n));
        }
        return total;
    }

    private List<Consumer> consumers() {
        List<Consumer> all = new ArrayList<>();
        for (DomainEventConsumer c : platformConsumers) {
            all.add(new Consumer(c.name(), null, null, type -> c.accepts(type) ? c::handle : null));
        }
        for (ModuleDescriptor d : registry.all()) {
            if (!d.handlers().isEmpty()) {
                all.add(new Consumer(d.key(), d.key(), d.handlers().keySet(), d.handlers()::get));
            }
        }
        return all;
    }

    private Uni<Integer> dispatch(CountyCode county, Consumer consumer) {
        return tx.inCounty(county, s -> {
            var pending = s.createSelectionQuery("""
                            from DomainEvent e where not exists (
                              select 1 from EventDelivery d where d.eventId = e.id and d.consumer = :consumer
                                and (d.status <> :failed or d.attempts >= :max))"""
                            + (consumer.types() == null ? "" : " and e.type in :types")
                            + " order by e.occurredAt, e.id", DomainEvent.class)
                    .setParameter("consumer", consumer.name())
                    .setParameter("failed", EventDelivery.Status.FAILED)
                    .setParameter("max", MAX_ATTEMPTS);
            if (consumer.types() != null) {
                pending.setParameter("types", consumer.types());
            }
            return pending.setMaxResults(BATCH).getResultList();
        }).chain(events -> deliverEach(county, consumer, events, 0, 0));
    }

    private Uni<Integer> deliverEach(CountyCode county, Consumer consumer, List<DomainEvent> events, int i, int made) {
        if (i >= events.size()) {
            return Uni.createFrom().item(made);
        }
        DomainEvent event = events.get(i);
        return tx.inCounty(county, s -> claim(s, county, event.id, consumer.name()).chain(claimed -> !claimed
                        ? Uni.createFrom().item(false)
                        : deliver(s, county, consumer, event).chain(status -> finish(s, event.id, consumer.name(), status))
                        .replaceWith(true)))
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf(e, "Consumer %s failed on event %s (%s) in county %s", consumer.name(), event.id,
                            event.type, county);
                    return tx.inCounty(county, s -> failed(s, county, event.id, consumer.name(), String.valueOf(e.getMessage())))
                            .replaceWith(true);
                })
                .chain(delivered -> deliverEach(county, consumer, events, i + 1, made + (delivered ? 1 : 0)));
    }

    /** Handles the event, or says why not: a type the consumer does not take, or a module switched off here. */
    private Uni<EventDelivery.Status> deliver(Mutiny.Session s, CountyCode county, Consumer consumer, DomainEvent event) {
        EventHandler handler = consumer.handler().apply(event.type);
        if (handler == null) {
            return Uni.createFrom().item(EventDelivery.Status.SKIPPED);
        }
        Uni<Boolean> on = consumer.moduleKey() == null ? Uni.createFrom().item(true)
                : modules.isEnabled(s, consumer.moduleKey());
        return on.chain(enabled -> !enabled ? Uni.createFrom().item(EventDelivery.Status.SKIPPED)
                : handler.handle(s, county, delivered(event)).replaceWith(EventDelivery.Status.DELIVERED));
    }

    /**
     * Takes the event for this consumer in this transaction: a first delivery by inserting its row
     * (a second node's insert waits on the unique key, then finds it taken), a retry by locking the
     * failed row with SKIP LOCKED. Answers whether this transaction holds it.
     */
    private Uni<Boolean> claim(Mutiny.Session s, CountyCode county, UUID eventId, String consumer) {
        return s.createNativeQuery("""
                        insert into domain_event_delivery (tenant_id, id, event_id, consumer, status, attempts, updated_at)
                        values (:county, :id, :event, :consumer, 'DELIVERED', 0, :now)
                        on conflict (tenant_id, event_id, consumer) do nothing""")
                .setParameter("county", county.value()).setParameter("id", UUID.randomUUID())
                .setParameter("event", eventId).setParameter("consumer", consumer).setParameter("now", clock.now())
                .executeUpdate()
                .chain(inserted -> inserted == 1 ? Uni.createFrom().item(true) : s.createNativeQuery("""
                                select id from domain_event_delivery
                                where event_id = :event and consumer = :consumer and status = 'FAILED' and attempts < :max
                                for update skip locked""", UUID.class)
                        .setParameter("event", eventId).setParameter("consumer", consumer)
                        .setParameter("max", MAX_ATTEMPTS).getResultList().map(rows -> !rows.isEmpty()));
    }

    private Uni<Integer> finish(Mutiny.Session s, UUID eventId, String consumer, EventDelivery.Status status) {
        return s.createNativeQuery("""
                        update domain_event_delivery set status = :status, attempts = attempts + 1, last_error = null,
                          updated_at = :now
                        where event_id = :event and consumer = :consumer""")
                .setParameter("status", status.name()).setParameter("now", clock.now())
                .setParameter("event", eventId).setParameter("consumer", consumer).executeUpdate();
    }

    /** Records a failed attempt (the handler's writes rolled back); never over a delivery another node completed. */
    private Uni<Integer> failed(Mutiny.Session s, CountyCode county, UUID eventId, String consumer, String error) {
        return s.createNativeQuery("""
                        insert into domain_event_delivery
                          (tenant_id, id, event_id, consumer, status, attempts, last_error, updated_at)
                        values (:county, :id, :event, :consumer, 'FAILED', 1, :error, :now)
                        on conflict (tenant_id, event_id, consumer) do update
                          set attempts = domain_event_delivery.attempts + 1, last_error = excluded.last_error,
                              updated_at = excluded.updated_at
                          where domain_event_delivery.status = 'FAILED'""")
                .setParameter("county", county.value()).setParameter("id", UUID.randomUUID())
                .setParameter("event", eventId).setParameter("consumer", consumer)
                .setParameter("error", error.substring(0, Math.min(error.length(), 1000)))
                .setParameter("now", clock.now()).executeUpdate();
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
