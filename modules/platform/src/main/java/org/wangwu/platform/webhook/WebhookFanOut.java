package org.wangwu.platform.webhook;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.event.DomainEventConsumer;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.time.PlatformClock;

/**
 * Turns each event into one pending delivery per matching subscription (a paused one's waits for it
 * to resume), in the event's county transaction; {@link WebhookSender} then sends them, outside any
 * transaction.
 */
@ApplicationScoped
public class WebhookFanOut implements DomainEventConsumer {

    @Inject
    PlatformClock clock;

    @Override
    public String name() {
        return "platform.webhooks";
    }

    @Override
    public boolean accepts(String eventType) {
        return true;
    }

    @Override
    public Uni<Void> handle(Mutiny.Session session, CountyCode county, Delivered event) {
        return session.createSelectionQuery("from WebhookSubscription where status <> :deleted", WebhookSubscription.class)
                .setParameter("deleted", WebhookSubscription.Status.DELETED).getResultList()
                .chain(subscriptions -> {
                    var deliveries = subscriptions.stream().filter(s -> s.wants(event.type())).map(s -> {
                        WebhookDelivery d = new WebhookDelivery();
                        d.id = UUID.randomUUID();
                        d.subscriptionId = s.id;
                        d.eventId = event.id();
                        d.eventType = event.type();
                        d.status = WebhookDelivery.Status.PENDING;
                        d.createdAt = clock.now();
                        d.nextAttemptAt = d.createdAt;
                        return d;
                    }).toArray();
                    return deliveries.length == 0 ? Uni.createFrom().voidItem() : session.persistAll(deliveries);
                });
    }
}
