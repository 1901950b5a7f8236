package org.wangwu.platform.webhook;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wangwu.platform.audit.AuditLog;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.CurrentCaller;
import org.wangwu.platform.identity.PlatformPermissions;
import org.wangwu.platform.privacy.PersonalDataProtector;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.time.PlatformClock;

/** A county administrator's webhooks: subscribe a URL to event types, see every delivery's fate. */
@Path("/api/v1/counties/{county}/webhooks")
@Tag(name = "Webhooks", description = "Signed HTTP deliveries of a county's domain events")
@Authenticated
public class WebhookResource {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    TenantTransactions tx;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    PlatformPermissions permissions;

    @Inject
    PersonalDataProtector protector;

    @Inject
    AuditLog audit;

    @Inject
    PlatformClock clock;

    @POST
    @Operation(summary = "Subscribe a URL to event types ('*' for all); the signing secret is shown only in this answer")
    public Uni<Response> subscribe(@PathParam("county") String county, @Valid @NotNull NewSubscription in) {
        Caller caller = currentCaller.get();
        permissions.manageWebhooks(caller);
        CountyCode code = CountyCode.of(county);
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = HexFormat.of().formatHex(random);
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.url = in.url();
        s.eventTypes = String.join(",", in.eventTypes());
        s.secretCipher = protector.encrypt(secret);
        s.active = true;
        s.createdBy = caller.actor();
        s.createdAt = clock.now();
        return tx.inCounty(code, session -> session.persist(s)
                .chain(() -> audit.record(session, code, caller, "webhook.subscribed", "webhook", s.id,
                        Map.of("url", s.url, "eventTypes", in.eventTypes())))
                .replaceWith(Response.status(201).entity(SubscriptionView.of(s, secret)).build()));
    }

    @GET
    @Operation(summary = "List the county's webhook subscriptions (without secrets)")
    public Uni<List<SubscriptionView>> list(@PathParam("county") String county) {
        permissions.manageWebhooks(currentCaller.get());
        return tx.inCounty(CountyCode.of(county), s -> s
                .createSelectionQuery("from WebhookSubscription order by createdAt", WebhookSubscription.class)
                .getResultList().map(list -> list.stream().map(w -> SubscriptionView.of(w, null)).toList()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Stop a subscription; its delivery history is kept")
    public Uni<SubscriptionView> unsubscribe(@PathParam("county") String county, @PathParam("id") UUID id) {
        Caller caller = currentCaller.get();
        permissions.manageWebhooks(caller);
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> s.find(WebhookSubscription.class, id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Webhook", id))
                .chain(w -> {
                    w.active = false;
                    return audit.record(s, code, caller, "webhook.unsubscribed", "webhook", id, Map.of())
                            .replaceWith(SubscriptionView.of(w, null));
                }));
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The latest deliveries of a subscription: status, attempts, last answer, next attempt")
    public Uni<List<DeliveryView>> deliveries(@PathParam("county") String county, @PathParam("id") UUID id) {
        permissions.manageWebhooks(currentCaller.get());
        return tx.inCounty(CountyCode.of(county), s -> s.createSelectionQuery(
                        "from WebhookDelivery where subscriptionId = :id order by createdAt desc", WebhookDelivery.class)
                .setParameter("id", id).setMaxResults(100).getResultList()
                .map(list -> list.stream().map(DeliveryView::of).toList()));
    }

    /** A URL and the event types it wants. */
    public record NewSubscription(
            @NotNull @Size(max = 500) @Pattern(regexp = "https?://[^\\s]+", message = "must be an http(s) URL")
            @Schema(examples = "https://apps.example.org/wangwu/events") String url,
            @NotEmpty @Size(max = 50)
            List<@NotNull @Pattern(regexp = "\\*|[a-z][a-z0-9-]*\\.[a-z0-9.-]{1,70}") String> eventTypes) {
    }

    /** A subscription; {@code secret} only in the answer to its creation. */
    public record SubscriptionView(UUID id, String url, List<String> eventTypes, boolean active, Instant createdAt,
                                   String secret) {
        static SubscriptionView of(WebhookSubscription s, String secret) {
            return new SubscriptionView(s.id, s.url, List.of(s.eventTypes.split(",")), s.active, s.createdAt, secret);
        }
    }

    /** One event's delivery to the subscription. */
    public record DeliveryView(UUID id, UUID eventId, String eventType, WebhookDelivery.Status status, int attempts,
                               Integer lastStatusCode, String lastError, Instant nextAttemptAt, Instant deliveredAt) {
        static DeliveryView of(WebhookDelivery d) {
            return new DeliveryView(d.id, d.eventId, d.eventType, d.status, d.attempts, d.lastStatusCode, d.lastError,
                    d.status == WebhookDelivery.Status.PENDING ? d.nextAttemptAt : null, d.deliveredAt);
        }
    }
}
