package org.wangwu.dashboards.province;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wangwu.platform.time.PlatformClock;

/**
 * A province's answers, read once and sent to each of its viewers for a while. The overview and the
 * drill-downs read every county's monthly rollups, and a province's staff open the same pages at the same
 * time (a meeting, a morning report); figures of daily facts a minute old are what a provincial dashboard
 * promises. So each answer (the bytes sent, JSON or a download) is kept on this node for
 * {@code wangwu.dashboards.answer-seconds} (60 by default; 0 keeps nothing) under the province, the range and
 * what was asked, with an ETag: a viewer that already has it gets 304, and {@code Last-Modified} says when its
 * figures were read. A 100-county overview is some 3 MB of JSON, so each answer is also kept gzipped (about a
 * tenth), sent to every viewer whose browser accepts it: a county office's or a township's line carries the
 * tenth, and the node compresses once a minute, not once a request. Who may read is decided before an
 * answer is looked up; answers hold aggregates only. At most {@link #MAX_BYTES} are kept, the least
 * recently used going first. An answer not kept is read once however many viewers ask for it at the same
 * moment (the minute runs out for all of a province's open dashboards together): the first viewer's read is
 * shared by those who ask while it runs, and each gets it back on its own request's thread.
 */
@ApplicationScoped
public class ProvinceAnswers {

    static final long MAX_BYTES = 64L << 20;

    @Inject
    PlatformClock clock;

    @ConfigProperty(name = "wangwu.dashboards.answer-seconds", defaultValue = "60")
    long answerSeconds;

    private final LinkedHashMap<List<Object>, Answer> kept = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<List<Object>, Uni<Answer>> reading = new HashMap<>();
    private long keptBytes;

    /** One answer as sent: its bytes, the same gzipped, its media type, their ETag, and when its figures were read. */
    public record Answer(byte[] body, byte[] gzipped, String mediaType, String etag, Instant readAt) {

        long size() {
            return body.length + gzipped.length;
        }
    }

    /** How long answers are kept from now on (operators set it in configuration; tests change it here). */
    public synchronized void keepFor(Duration duration) {
        answerSeconds = duration.toSeconds();
        kept.clear();
        reading.clear();
        keptBytes = 0;
    }

    /**
     * The answer under {@code key}: the one kept if it is young enough, else the one being read for another
     * viewer, else {@code read} is run (once) and its bytes kept. A failed read is shared by those waiting on
     * it and not kept, so the next viewer reads again.
     */
    public Uni<Answer> answer(List<Object> key, String mediaType, Supplier<Uni<byte[]>> read) {
        Instant now = clock.now();
        Uni<Answer> shared;
        synchronized (this) {
            Answer found = find(key, now);
            if (found != null) {
                return Uni.createFrom().item(found);
            }
            shared = reading.get(key);
            if (shared == null) {
                shared = Uni.createFrom().deferred(read::get)
                        .map(body -> new Answer(body, gzip(body), mediaType, etag(body), now))
                        .onItemOrFailure().invoke((answer, failure) -> readDone(key, answer))
                        .memoize().indefinitely();
                reading.put(key, shared);
            }
        }
        Context viewer = Vertx.currentContext();
        return viewer == null ? shared : shared.emitOn(task -> viewer.runOnContext(ignored -> task.run()));
    }

    private synchronized void readDone(List<Object> key, Answer answer) {
        reading.remove(key);
        if (answer != null) {
            keep(key, answer);
        }
    }

    /**
     * The answer as an HTTP response: 304 when the viewer's If-None-Match names it, else its bytes, gzipped
     * when the viewer's Accept-Encoding takes gzip (each encoding has its own ETag, as HTTP wants).
     */
    public Response response(Request request, HttpHeaders viewer, Answer answer, Map<String, String> headers) {
        String accepted = viewer.getHeaderString(HttpHeaders.ACCEPT_ENCODING);
        boolean gzip = accepted != null && accepted.toLowerCase(java.util.Locale.ROOT).contains("gzip");
        EntityTag tag = new EntityTag(gzip ? answer.etag() + "-gzip" : answer.etag());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder builder = notModified != null ? notModified
                : Response.ok(gzip ? answer.gzipped() : answer.body(), answer.mediaType());
        if (gzip && notModified == null) {
            builder.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        headers.forEach(builder::header);
        long age = Math.max(0, Duration.between(answer.readAt(), clock.now()).toSeconds());
        return builder.tag(tag).lastModified(Date.from(answer.readAt())).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .header("Cache-Control", "private, max-age=" + Math.max(0, answerSeconds - age))
                .build();
    }

    private synchronized Answer find(List<Object> key, Instant now) {
        Answer a = kept.get(key);
        if (a == null) {
            return null;
        }
        if (now.isBefore(a.readAt()) || !now.isBefore(a.readAt().plusSeconds(answerSeconds))) {
            forget(key);
            return null;
        }
        return a;
    }

    private void keep(List<Object> key, Answer answer) {
        if (answerSeconds <= 0 || answer.size() > MAX_BYTES) {
            return;
        }
        forget(key);
        kept.put(key, answer);
        keptBytes += answer.size();
        for (Iterator<Answer> oldest = kept.values().iterator(); keptBytes > MAX_BYTES && oldest.hasNext(); ) {
            keptBytes -= oldest.next().size();
            oldest.remove();
        }
    }

    private void forget(List<Object> key) {
        Answer gone = kept.remove(key);
        if (gone != null) {
            keptBytes -= gone.size();
        }
    }

    private static byte[] gzip(byte[] body) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(body.length / 8 + 64);
        try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
            zip.write(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String etag(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
