package org.wangwu.platform.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;
import org.wangwu.platform.event.DomainEvent;
import org.wangwu.platform.job.CountyJobs;
import org.wangwu.platform.privacy.PersonalDataProtector;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.time.PlatformClock;

/**
 * Sends due webhook deliveries on any number of nodes against one database. A node claims them in
 * the database, each claim a lease on the delivery row ({@code FOR UPDATE SKIP LOCKED}, then a lease
 * no other node takes until it expires), so each delivery is sent by one node. Claims are fair: a
 * round takes at most {@code wangwu.webhooks.per-subscription} due deliveries of each subscription
 * that has none on its way, and each subscription's batch is sent on its own, so a dead receiver's
 * timeouts and backed-off retries hold up only itself. Delivery is at least once (a node that dies
 * mid-batch leaves leases that expire): receivers deduplicate by the {@code X-Wangwu-Delivery} id.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    private static final String CLAIM = """
            with free as (
                select s.tenant_id, s.id from webhook_subscription s
                 where s.status = 'ACTIVE' and not exists (
                       select 1 from webhook_delivery d
                        where d.tenant_id = s.tenant_id and d.subscription_id = s.id
                          and d.status = 'PENDING' and d.lease_until > :now)
                   for update of s skip locked
            ), due as (
                select d.tenant_id, d.id from free f cross join lateral (
                       select d.tenant_id, d.id from webhook_delivery d
                        where d.tenant_id = f.tenant_id and d.subscription_id = f.id
                          and d.status = 'PENDING' and d.next_attempt_at <= :now
                        order by d.next_attempt_at, d.id limit :per) d
            )
            update webhook_delivery w set claimed_by = :node, lease_until = :lease
              from due
             where w.tenant_id = due.tenant_id and w.id = due.id
               and w.status = 'PENDING' and (w.lease_until is null or w.lease_until <= :now)
            returning w.id""";

    @Inject
    TenantTransactions tx;

    @Inject
    CountyJobs jobs;

    @Inject
    PlatformClock clock;

    @Inject
    PersonalDataProtector protector;

    @Inject
    ObjectMapper json;

    @Inject
    Vertx vertx;

    @Inject
    SignedPost post;

    @ConfigProperty(name = "wangwu.webhooks.retry-base", defaultValue = "PT10S")
    Duration retryBase;

    @ConfigProperty(name = "wangwu.webhooks.max-attempts", defaultValue = "8")
    int maxAttempts;

    @ConfigProperty(name = "wangwu.webhooks.per-subscription", defaultValue = "10")
    int perSubscription;

    @ConfigProperty(name = "wangwu.webhooks.timeout", defaultValue = "PT10S")
    Duration timeout;

    @ConfigProperty(name = "wangwu.node-id")
    Optional<String> configuredNode;

    private volatile String node;

    /** A claimed delivery ready to go: everything needed to send it without a transaction open. */
    private record Outgoing(UUID deliveryId, UUID subscriptionId, String url, String secret, String eventType,
                            String body) {
    }

    /** Each round claims and starts the batches, without waiting for them: a slow batch delays no round. */
    @Scheduled(every = "${wangwu.webhooks.send-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sendAll() {
        return jobs.forEachActiveCounty("webhook-send", county -> claim(county, node()).invoke(batches ->
                batches.forEach(batch -> sendBatch(county, node(), batch).subscribe().with(sent -> { },
                        e -> LOG.errorf(e, "Webhook batch failed in county %s", county)))));
    }

    /** Claims as node {@code node} what is due in the county, sends it, and answers how many were attempted. */
    public Uni<Integer> sendDue(CountyCode county, String node) {
        return claim(county, node).chain(batches -> batches.isEmpty() ? Uni.createFrom().item(0)
                : Uni.join().all(batches.stream().map(b -> sendBatch(county, node, b)).toList()).andCollectFailures()
                .map(counts -> counts.stream().mapToInt(Integer::intValue).sum()));
    }

    /** One transaction: lease the due deliveries, then read what sending them needs; one batch per subscription. */
    private Uni<List<List<Outgoing>>> claim(CountyCode county, String node) {
        Instant now = clock.now();
        Instant lease = now.plus(timeout.multipliedBy(2L * perSubscription + 2)).plusSeconds(30);
        return tx.inCounty(county, s -> s.createNativeQuery(CLAIM, UUID.class)
                .setParameter("now", now).setParameter("per", perSubscription)
                .setParameter("node", node).setParameter("lease", lease)
                .getResultList()
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Object[]>of()) : s.createSelectionQuery("""
                                select d, s, e from WebhookDelivery d
                                  join WebhookSubscription s on s.id = d.subscriptionId
                                  join DomainEvent e on e.id = d.eventId
                                 where d.id in :ids order by d.nextAttemptAt, d.id""", Object[].class)
                        .setParameter("ids", ids).getResultList())
                .map(rows -> rows.stream().map(row -> outgoing(county, row))
                        .collect(Collectors.groupingBy(Outgoing::subscriptionId, LinkedHashMap::new, Collectors.toList()))
                        .values().stream().toList()));
    }

    private Outgoing outgoing(CountyCode county, Object[] row) {
        WebhookDelivery d = (WebhookDelivery) row[0];
        WebhookSubscription sub = (WebhookSubscription) row[1];
        return new Outgoing(d.id, sub.id, sub.url, protector.decrypt(sub.secretCipher), d.eventType,
                body(county, (DomainEvent) row[2]));
    }

    /** A subscription's batch, one delivery after another, on a context of its own (its own sessions). */
    private Uni<Integer> sendBatch(CountyCode county, String node, List<Outgoing> batch) {
        return onOwnContext(() -> sendEach(county, node, batch, 0));
    }

    private Uni<Integer> sendEach(CountyCode county, String node, List<Outgoing> batch, int i) {
        if (i >= batch.size()) {
            return Uni.createFrom().item(batch.size());
        }
        Outgoing o = batch.get(i);
        return post.send(o.url(), Map.of(SignedPost.EVENT_HEADER, o.eventType(),
                                SignedPost.DELIVERY_HEADER, o.deliveryId().toString()),
                        o.secret(), clock.now().getEpochSecond(), o.body())
                .chain(outcome -> record(county, node, o.deliveryId(), outcome))
                .chain(() -> sendEach(county, node, batch, i + 1));
    }

    private Uni<Void> record(CountyCode county, String node, UUID deliveryId, SignedPost.Outcome outcome) {
        return tx.inCounty(county, s -> s.find(WebhookDelivery.class, deliveryId).invoke(d -> {
            if (node.equals(d.claimedBy)) {
                d.claimedBy = null;
                d.leaseUntil = null;
            }
            if (d.status != WebhookDelivery.Status.PENDING) {
                return; // its subscription was deleted while it was on its way
            }
            d.attempts++;
            d.lastStatusCode = outcome.statusCode();
            d.lastFailure = outcome.failure();
            if (outcome.delivered()) {
                d.status = WebhookDelivery.Status.DELIVERED;
                d.deliveredAt = clock.now();
            } else if (d.attempts >= maxAttempts) {
                d.status = WebhookDelivery.Status.FAILED;
            } else {
                d.nextAttemptAt = clock.now().plus(retryBase.multipliedBy(1L << (d.attempts - 1)));
            }
        })).replaceWithVoid();
    }

    /**
     * Runs the work on a new duplicated Vert.x context, so that batches running side by side never
     * share a Hibernate Reactive session, and answers on the caller's context.
     */
    private <T> Uni<T> onOwnContext(Supplier<Uni<T>> work) {
        Context caller = io.vertx.core.Vertx.currentContext();
        Context own = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(own, true);
        return Uni.createFrom().emitter(emitter -> own.runOnContext(ignored -> Uni.createFrom().<T>deferred(work::get)
                .subscribe().with(
                        item -> answer(caller, () -> emitter.complete(item)),
                        failure -> answer(caller, () -> emitter.fail(failure)))));
    }

    private static void answer(Context caller, Runnable action) {
        if (caller == null) {
            action.run();
        } else {
            caller.runOnContext(ignored -> action.run());
        }
    }

    /** This node's name in claims: {@code wangwu.node-id}, else the host (the pod) and a random suffix. */
    private String node() {
        if (node == null) {
            node = configuredNode.orElseGet(() -> System.getenv().getOrDefault("HOSTNAME", "node") + "/"
                    + UUID.randomUUID().toString().substring(0, 8));
        }
        return node;
    }

    private String body(CountyCode county, DomainEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", event.id);
        body.put("type", event.type);
        body.put("county", county.value());
        body.put("occurredAt", event.occurredAt.toString());
        body.put("aggregateType", event.aggregateType);
        body.put("aggregateId", event.aggregateId);
        try {
            body.put("data", json.readTree(event.payload));
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
