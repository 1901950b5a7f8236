package org.wangwu.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The platform's one source of "now", in China Standard Time for dates. Deadlines, disclosure
 * windows and expiry all ask it, so a test can move time forward instead of waiting.
 */
@ApplicationScoped
public class PlatformClock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public Instant now() {
        return Instant.now().plus(offset.get());
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now(), ZONE);
    }

    /** Moves this instance's time forward (tests and rehearsals only; never called by production code). */
    public void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }
}
