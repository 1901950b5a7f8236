package org.wangwu.platform.webhook;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wangwu.platform.error.ProblemException;

/**
 * Where a webhook may be sent: public addresses only. A county's URL must never make the platform
 * reach into its own network (loopback, private, link-local, cloud metadata, unspecified, multicast),
 * so the rule is checked on registration and again before every delivery, on the addresses the name
 * resolves to then; the delivery connects to the address checked, so a later DNS answer cannot swap it.
 * {@code wangwu.webhooks.allow-loopback} lets loopback through for the test suite's local receivers.
 */
@ApplicationScoped
public class WebhookTargets {

    /** Metadata services reachable by name (the addresses themselves are link-local or private). */
    private static final Set<String> METADATA_NAMES = Set.of("metadata.google.internal", "metadata.goog");

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "wangwu.webhooks.allow-loopback", defaultValue = "false")
    boolean allowLoopback;

    /** A checked place to connect to: the address, and the URL's host for the Host header and TLS. */
    record Target(InetAddress address, String host, int port, boolean https, String pathAndQuery) {
    }

    /** Refused delivery: the target is not a public address. */
    static final class NotAllowed extends RuntimeException {
        NotAllowed() {
            super("target address not allowed", null, false, false);
        }
    }

    /** Registration: a URL whose host is, or now resolves to, an internal address is a 422 on {@code url}. */
    public Uni<Void> checkRegistration(String url) {
        URI uri;
        try {
            uri = parse(url);
        } catch (NotAllowed e) {
            return Uni.createFrom().failure(refusedUrl());
        }
        return addresses(uri.getHost())
                .onFailure(UnknownHostException.class).recoverWithItem(new InetAddress[0])
                .invoke(found -> {
                    if (!allowed(found)) {
                        throw refusedUrl();
                    }
                })
                .replaceWithVoid();
    }

    /** Delivery: resolves the URL's host now and fails with {@link NotAllowed} unless every address is public. */
    Uni<Target> resolve(String url) {
        URI uri = parse(url);
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return addresses(uri.getHost()).map(found -> {
            if (found.length == 0 || !allowed(found)) {
                throw new NotAllowed();
            }
            return new Target(found[0], uri.getHost(), port, https, path);
        });
    }

    private URI parse(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!Set.of("http", "https").contains(scheme) || uri.getHost() == null || uri.getRawUserInfo() != null
                    || METADATA_NAMES.contains(uri.getHost().toLowerCase(Locale.ROOT).replaceAll("\\.$", ""))) {
                throw new NotAllowed();
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new NotAllowed();
        }
    }

    /** Name resolution blocks, so it runs off the event loop and answers on the caller's context. */
    private Uni<InetAddress[]> addresses(String host) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            try {
                return InetAddress.getAllByName(host);
            } catch (UnknownHostException e) {
                throw new UnresolvedHost(e);
            }
        }), false).onFailure(UnresolvedHost.class).transform(Throwable::getCause);
    }

    private static final class UnresolvedHost extends RuntimeException {
        UnresolvedHost(UnknownHostException cause) {
            super(cause);
        }
    }

    private boolean allowed(InetAddress[] addresses) {
        return Arrays.stream(addresses).allMatch(a -> allowLoopback && a.isLoopbackAddress() || isPublic(a));
    }

    static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return false; // fc00::/7 unique local, where fd00:ec2::254 (EC2 metadata) lives
        }
        if (isZero(b, 0, 12) || b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && isZero(b, 4, 12)) {
            return isPublicV4(Arrays.copyOfRange(b, 12, 16)); // ::a.b.c.d and NAT64 64:ff9b::a.b.c.d
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return isPublicV4(Arrays.copyOfRange(b, 2, 6)); // 6to4 2002:a.b.c.d::
        }
        return true;
    }

    private static boolean isPublicV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return !(first == 0 || first == 10 || first == 127 || first >= 224
                || first == 100 && (second & 0xc0) == 64      // 100.64/10 shared, Alibaba Cloud metadata 100.100.100.200
                || first == 169 && second == 254              // link-local, AWS/GCP/Azure metadata 169.254.169.254
                || first == 172 && (second & 0xf0) == 16
                || first == 192 && second == 168
                || first == 192 && second == 0 && b[2] == 0   // 192.0.0/24 protocol assignments
                || first == 198 && (second & 0xfe) == 18);    // 198.18/15 benchmarking
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static ProblemException refusedUrl() {
        return ProblemException.invalidField("url",
                "must be a public http(s) address: loopback, private, link-local, cloud-metadata, unspecified and "
                        + "multicast addresses are refused, and so are credentials in the URL");
    }
}
