package org.wangwu.platform.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wangwu.platform.event.DomainEvent;
import org.wangwu.platform.job.CountyJobs;
import org.wangwu.platform.privacy.PersonalDataProtector;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.time.PlatformClock;

/**
 * Sends due webhook deliveries, signed like Stripe's ({@code X-Wangwu-Signature: t=<unix>,v1=<hex
 * HMAC-SHA256 of "t.body">}), and reschedules failures with exponential backoff. Delivery is at
 * least once: receivers deduplicate by the {@code X-Wangwu-Delivery} id.
 */
@ApplicationScoped
public class WebhookSender {

    public static final String SIGNATURE_HEADER = "X-Wangwu-Signature";
    public static final String DELIVERY_HEADER = "X-Wangwu-Delivery";
    public static final String EVENT_HEADER = "X-Wangwu-Event";
    private static final int BATCH = 50;

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

    @ConfigProperty(name = "wangwu.webhooks.retry-base", defaultValue = "PT10S")
    Duration retryBase;

    @ConfigProperty(name = "wangwu.webhooks.max-attempts", defaultValue = "8")
    int maxAttempts;

    private WebClient client;

    /** A delivery ready to go: everything needed to send it without a transaction open. */
    private record Outgoing(UUID deliveryId, String url, String secret, String eventType, String body) {
    }

    @Scheduled(every = "${wangwu.webhooks.send-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sendAll() {
        return jobs.forEachActiveCounty("webhook-send", this::sendDue);
    }

    public Uni<Integer> sendDue(CountyCode county) {
        return tx.inCounty(county, s -> s.createSelectionQuery("""
                                from WebhookDelivery where status = :pending and nextAttemptAt <= :now
                                order by nextAttemptAt""", WebhookDelivery.class)
                        .setParameter("pending", WebhookDelivery.Status.PENDING).setParameter("now", clock.now())
                        .setMaxResults(BATCH).getResultList()
                        .chain(due -> prepare(s, county, due, 0, new ArrayList<>())))
                .chain(outgoing -> sendEach(county, outgoing, 0));
    }

    private Uni<List<Outgoing>> prepare(org.hibernate.reactive.mutiny.Mutiny.Session s, CountyCode county,
                                        List<WebhookDelivery> due, int i, List<Outgoing> out) {
        if (i >= due.size()) {
            return Uni.createFrom().item(out);
        }
        WebhookDelivery d = due.get(i);
        return s.find(WebhookSubscription.class, d.subscriptionId)
                .chain(sub -> s.find(DomainEvent.class, d.eventId).map(event -> {
                    out.add(new Outgoing(d.id, sub.url, protector.decrypt(sub.secretCipher), d.eventType,
                            body(county, event)));
                    return out;
                }))
                .chain(ignored -> prepare(s, county, due, i + 1, out));
    }

    private Uni<Integer> sendEach(CountyCode county, List<Outgoing> outgoing, int i) {
        if (i >= outgoing.size()) {
            return Uni.createFrom().item(outgoing.size());
        }
        Outgoing o = outgoing.get(i);
        long timestamp = clock.now().getEpochSecond();
        return web().postAbs(o.url()).timeout(10_000)
                .putHeader("Content-Type", "application/json")
                .putHeader(EVENT_HEADER, o.eventType())
                .putHeader(DELIVERY_HEADER, o.deliveryId().toString())
                .putHeader(SIGNATURE_HEADER, "t=" + timestamp + ",v1=" + sign(o.secret(), timestamp + "." + o.body()))
                .sendBuffer(Buffer.buffer(o.body()))
                .map(response -> new Result(response.statusCode(), null))
                .onFailure().recoverWithItem(e -> new Result(null, String.valueOf(e.getMessage())))
                .chain(result -> tx.inCounty(county, s -> s.find(WebhookDelivery.class, o.deliveryId()).invoke(d -> {
                    d.attempts++;
                    d.lastStatusCode = result.status();
                    d.lastError = result.error();
                    if (result.status() != null && result.status() / 100 == 2) {
                        d.status = WebhookDelivery.Status.DELIVERED;
                        d.deliveredAt = clock.now();
                    } else if (d.attempts >= maxAttempts) {
                        d.status = WebhookDelivery.Status.FAILED;
                    } else {
                        d.nextAttemptAt = clock.now().plus(retryBase.multipliedBy(1L << (d.attempts - 1)));
                    }
                })))
                .chain(() -> sendEach(county, outgoing, i + 1));
    }

    private record Result(Integer status, String error) {
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

    /** Hex HMAC-SHA256; receivers recompute it over {@code t + "." + body} with their secret. */
    public static String sign(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private WebClient web() {
        if (client == null) {
            client = WebClient.create(vertx);
        }
        return client;
    }
}
