package org.wangwu.platform.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.error.Problem;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.time.PlatformClock;

/**
 * The county gate's questions about a third-party app's call, answered from the county's app
 * registry: a revoked app is refused although its token has not expired, a module taken away is
 * refused at once, and an app over its requests per minute gets 429. The count lives in the
 * database, so the limit holds across every replica. An app the registry does not know was made in
 * Keycloak directly (the realm's demo apps) and is bound by its token's scopes alone.
 */
@ApplicationScoped
public class AppGate {

    static final Duration WINDOW = Duration.ofMinutes(1);

    @Inject
    PlatformClock clock;

    public Uni<Void> admit(Mutiny.Session session, CountyCode county, Caller caller, String moduleKey) {
        return session.createSelectionQuery("from AppRegistration where clientId = :clientId", AppRegistration.class)
                .setParameter("clientId", caller.clientId()).getSingleResultOrNull()
                .chain(app -> {
                    if (app == null) {
                        return Uni.createFrom().voidItem();
                    }
                    if (app.status == AppRegistration.Status.REVOKED) {
                        throw new ProblemException(Problem.of(401, "app-revoked", "Unauthorized",
                                "This application's access to county " + county + " was revoked"));
                    }
                    if (!app.allows(moduleKey)) {
                        throw ProblemException.forbidden("scope-missing", "This application is not granted module " + moduleKey);
                    }
                    return count(session, county, app);
                });
    }

    /**
     * Counts the call in the app's window: a window opens with the first call after the previous one
     * ended and lasts a minute, so N calls within a minute of the window's first are all counted.
     */
    private Uni<Void> count(Mutiny.Session session, CountyCode county, AppRegistration app) {
        Instant now = clock.now();
        return session.createNativeQuery("""
                        insert into app_request_window as w (tenant_id, client_id, window_start, requests)
                        values (:county, :clientId, :now, 1)
                        on conflict (tenant_id, client_id) do update set
                          window_start = case when w.window_start <= :expired then excluded.window_start else w.window_start end,
                          requests = case when w.window_start <= :expired then 1 else w.requests + 1 end
                        returning cast(requests as text) || ' ' || cast(extract(epoch from window_start) as text)""",
                        String.class)
                .setParameter("county", county.value())
                .setParameter("clientId", app.clientId)
                .setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .setParameter("expired", OffsetDateTime.ofInstant(now.minus(WINDOW), ZoneOffset.UTC))
                .getSingleResult()
                .map(row -> {
                    String[] parts = row.split(" ");
                    int requests = Integer.parseInt(parts[0]);
                    if (requests <= app.requestsPerMinute) {
                        return null;
                    }
                    Instant windowEnd = Instant.ofEpochMilli(Math.round(Double.parseDouble(parts[1]) * 1000)).plus(WINDOW);
                    int retryAfter = (int) Math.max(1, Duration.between(now, windowEnd).toSeconds() + 1);
                    throw ProblemException.tooManyRequests("rate-limited", "This application may make "
                            + app.requestsPerMinute + " requests a minute; try again in " + retryAfter + " s", retryAfter);
                });
    }
}
