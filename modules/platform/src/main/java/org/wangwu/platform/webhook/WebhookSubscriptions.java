package org.wangwu.platform.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.audit.AuditLog;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.privacy.PersonalDataProtector;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.time.PlatformClock;
import org.wangwu.platform.web.Cursor;
import org.wangwu.platform.web.Page;

/**
 * A county's webhook subscriptions through their life: subscribed to a checked public URL, paused
 * (deliveries wait) and resumed, deleted (what waits is cancelled, the history is kept but no longer
 * shown). Every change is audited in its transaction; a deleted or another county's subscription is 404.
 */
@ApplicationScoped
public class WebhookSubscriptions {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    TenantTransactions tx;

    @Inject
    WebhookTargets targets;

    @Inject
    PersonalDataProtector protector;

    @Inject
    AuditLog audit;

    @Inject
    PlatformClock clock;

    public Uni<SubscriptionView> subscribe(CountyCode county, Caller caller, String url, List<String> eventTypes) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = HexFormat.of().formatHex(random);
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.url = url;
        s.eventTypes = String.join(",", eventTypes);
        s.secretCipher = protector.encrypt(secret);
        s.status = WebhookSubscription.Status.ACTIVE;
        s.createdBy = caller.actor();
        s.createdAt = clock.now();
        return targets.checkRegistration(url).chain(() -> tx.inCounty(county, session -> session.persist(s)
                .chain(() -> audit.record(session, county, caller, "webhook.subscribed", "webhook", s.id,
                        Map.of("url", s.url, "eventTypes", eventTypes)))
                .replaceWith(SubscriptionView.of(s, secret))));
    }

    public Uni<List<SubscriptionView>> list(CountyCode county) {
        return tx.inCounty(county, s -> s.createSelectionQuery(
                        "from WebhookSubscription where status <> :deleted order by createdAt", WebhookSubscription.class)
                .setParameter("deleted", WebhookSubscription.Status.DELETED)
                .getResultList().map(list -> list.stream().map(w -> SubscriptionView.of(w, null)).toList()));
    }

    public Uni<SubscriptionView> get(CountyCode county, UUID id) {
        return tx.inCounty(county, s -> find(s, id).map(w -> SubscriptionView.of(w, null)));
    }

    public Uni<SubscriptionView> pause(CountyCode county, Caller caller, UUID id) {
        return change(county, caller, id, WebhookSubscription.Status.PAUSED, "webhook.paused");
    }

    public Uni<SubscriptionView> resume(CountyCode county, Caller caller, UUID id) {
        return change(county, caller, id, WebhookSubscription.Status.ACTIVE, "webhook.resumed");
    }

    /** Deletes the subscription and cancels what still waits for it; a delivery already on its way finishes. */
    public Uni<Void> delete(CountyCode county, Caller caller, UUID id) {
        return tx.inCounty(county, s -> find(s, id).chain(w -> {
            w.status = WebhookSubscription.Status.DELETED;
            return s.createMutationQuery("""
                            update WebhookDelivery set status = :cancelled
                             where subscriptionId = :id and status = :pending""")
                    .setParameter("cancelled", WebhookDelivery.Status.CANCELLED)
                    .setParameter("pending", WebhookDelivery.Status.PENDING).setParameter("id", id)
                    .executeUpdate()
                    .chain(cancelled -> audit.record(s, county, caller, "webhook.deleted", "webhook", id,
                            Map.of("url", w.url, "cancelledDeliveries", cancelled)));
        })).replaceWithVoid();
    }

    /** The subscription's deliveries, newest first. */
    public Uni<Page<DeliveryView>> deliveries(CountyCode county, UUID id, Cursor cursor, int limit) {
        return tx.inCounty(county, s -> find(s, id).chain(w -> {
            var query = s.createSelectionQuery("from WebhookDelivery where subscriptionId = :id"
                            + (cursor == null ? "" : Cursor.after("createdAt", "id")) + " order by createdAt desc, id desc",
                    WebhookDelivery.class).setParameter("id", id);
            if (cursor != null) {
                query.setParameter("cursorAt", cursor.at()).setParameter("cursorId", cursor.id());
            }
            return query.setMaxResults(limit + 1).getResultList();
        })).map(rows -> Page.of(rows, limit, DeliveryView::of, d -> Cursor.of(d.createdAt, d.id)));
    }

    private Uni<SubscriptionView> change(CountyCode county, Caller caller, UUID id, WebhookSubscription.Status to,
                                         String action) {
        return tx.inCounty(county, s -> find(s, id).chain(w -> {
            if (w.status == to) {
                return Uni.createFrom().item(SubscriptionView.of(w, null));
            }
            w.status = to;
            return audit.record(s, county, caller, action, "webhook", id, Map.of())
                    .replaceWith(SubscriptionView.of(w, null));
        }));
    }

    private static Uni<WebhookSubscription> find(Mutiny.Session s, UUID id) {
        return s.find(WebhookSubscription.class, id)
                .map(w -> w == null || w.status == WebhookSubscription.Status.DELETED ? null : w)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Webhook", id));
    }

    /** A subscription; {@code secret} only in the answer to its creation. */
    public record SubscriptionView(
            @Schema(description = "The subscription's id") UUID id,
            @Schema(description = "Where deliveries are posted", examples = "https://apps.example.org/wangwu/events") String url,
            @Schema(description = "The event types delivered (\"*\" for all)") List<String> eventTypes,
            @Schema(description = "ACTIVE or PAUSED") WebhookSubscription.Status status,
            @Schema(description = "When it was made") Instant createdAt,
            @Schema(description = "The HMAC signing secret: only in the answer to subscribing", examples = "whsec_5Yb2kQ9mX3pL7sTn0vWc8zRd") String secret) {
        static SubscriptionView of(WebhookSubscription s, String secret) {
            return new SubscriptionView(s.id, s.url, List.of(s.eventTypes.split(",")), s.status, s.createdAt, secret);
        }
    }

    /** One event's delivery: the receiver's last status code, or why it could not be reached, in generic terms. */
    public record DeliveryView(
            @Schema(description = "The delivery's id (the X-Wangwu-Delivery header)") UUID id,
            @Schema(description = "The event delivered") UUID eventId,
            @Schema(description = "The event's type (X-Wangwu-Event)", examples = "points.award-posted") String eventType,
            @Schema(description = "PENDING, DELIVERED, FAILED (retries exhausted) or CANCELLED") WebhookDelivery.Status status,
            @Schema(description = "Attempts made so far", examples = "2") int attempts,
            @Schema(description = "The HTTP status of the last attempt, when the receiver answered", examples = "503") Integer lastStatusCode,
            @Schema(description = "Why the last attempt failed, when it did") DeliveryFailure lastFailure,
            @Schema(description = "When the next attempt is due, while pending") Instant nextAttemptAt,
            @Schema(description = "When the receiver accepted it") Instant deliveredAt) {
        static DeliveryView of(WebhookDelivery d) {
            return new DeliveryView(d.id, d.eventId, d.eventType, d.status, d.attempts, d.lastStatusCode, d.lastFailure,
                    d.status == WebhookDelivery.Status.PENDING ? d.nextAttemptAt : null, d.deliveredAt);
        }
    }
}
