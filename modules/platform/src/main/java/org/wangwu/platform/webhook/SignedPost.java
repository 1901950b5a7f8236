package org.wangwu.platform.webhook;

import io.netty.channel.ConnectTimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * One signed POST to a webhook URL, signed like Stripe's ({@code X-Wangwu-Signature: t=<unix>,v1=<hex
 * HMAC-SHA256 of "t.body">}): resolved and checked by {@link WebhookTargets} first, sent to the address
 * checked, redirects not followed, bounded by {@code wangwu.webhooks.timeout}. The outcome is a status
 * code or a {@link DeliveryFailure}; the raw error goes to the log, not to the county.
 */
@ApplicationScoped
public class SignedPost {

    public static final String SIGNATURE_HEADER = "X-Wangwu-Signature";
    public static final String DELIVERY_HEADER = "X-Wangwu-Delivery";
    public static final String EVENT_HEADER = "X-Wangwu-Event";
    private static final Logger LOG = Logger.getLogger(SignedPost.class);

    @Inject
    Vertx vertx;

    @Inject
    WebhookTargets targets;

    @ConfigProperty(name = "wangwu.webhooks.timeout", defaultValue = "PT10S")
    Duration timeout;

    private volatile HttpClient client;

    /** A status code when the receiver answered, else why not; a 2xx is a delivery. */
    record Outcome(Integer statusCode, DeliveryFailure failure) {
        boolean delivered() {
            return failure == null;
        }
    }

    Uni<Outcome> send(String url, Map<String, String> headers, String secret, long timestamp, String body) {
        return targets.resolve(url).chain(target -> {
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                    .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                    .setHost(target.host()).setPort(target.port()).setSsl(target.https()).setURI(target.pathAndQuery())
                    .setFollowRedirects(false).setConnectTimeout(timeout.toMillis()).setIdleTimeout(timeout.toMillis())
                    .putHeader("Content-Type", "application/json")
                    .putHeader(SIGNATURE_HEADER, "t=" + timestamp + ",v1=" + sign(secret, timestamp + "." + body));
            headers.forEach(options::putHeader);
            return http().request(options).chain(request -> request.send(Buffer.buffer(body))
                    .chain(response -> {
                        response.handler(ignored -> { });
                        return response.end().replaceWith(response.statusCode());
                    })
                    .ifNoItem().after(timeout.multipliedBy(2)).failWith(TimeoutException::new)
                    .onFailure().invoke(() -> request.reset()));
        }).map(SignedPost::outcome).onFailure().recoverWithItem(e -> {
            LOG.debugf(e, "Webhook POST to %s failed", url);
            return new Outcome(null, failure(e));
        });
    }

    private static Outcome outcome(int status) {
        if (status / 100 == 2) {
            return new Outcome(status, null);
        }
        return new Outcome(status, status / 100 == 3 ? DeliveryFailure.REDIRECT_NOT_FOLLOWED : DeliveryFailure.ERROR_STATUS);
    }

    private static DeliveryFailure failure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof WebhookTargets.NotAllowed) {
                return DeliveryFailure.ADDRESS_NOT_ALLOWED;
            } else if (t instanceof UnknownHostException) {
                return DeliveryFailure.HOST_NOT_FOUND;
            } else if (t instanceof TimeoutException || t instanceof ConnectTimeoutException) {
                return DeliveryFailure.TIMED_OUT;
            } else if (t instanceof ConnectException) {
                return DeliveryFailure.CONNECTION_REFUSED;
            } else if (t instanceof SSLException) {
                return DeliveryFailure.TLS_FAILED;
            }
        }
        return DeliveryFailure.CONNECTION_FAILED;
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

    private HttpClient http() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = vertx.createHttpClient(new HttpClientOptions().setForceSni(true)
                            .setConnectTimeout((int) timeout.toMillis()).setMaxPoolSize(50));
                }
            }
        }
        return client;
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.closeAndForget();
        }
    }
}
