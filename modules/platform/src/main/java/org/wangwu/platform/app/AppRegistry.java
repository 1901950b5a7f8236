package org.wangwu.platform.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.audit.AuditLog;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.module.ModuleRegistry;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.time.PlatformClock;

/**
 * A county's registry of third-party apps: register (the client secret is shown once), change the
 * modules and the rate limit, rotate the secret, revoke. Keycloak is changed inside the county's
 * transaction, so a refusal there leaves no registry row and no audit record behind.
 */
@ApplicationScoped
public class AppRegistry {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    TenantTransactions tx;

    @Inject
    AppClients clients;

    @Inject
    ModuleRegistry registry;

    @Inject
    AuditLog audit;

    @Inject
    PlatformClock clock;

    @ConfigProperty(name = "wangwu.apps.default-requests-per-minute", defaultValue = "600")
    int defaultRequestsPerMinute;

    /** A registered app, with its secret only right after creation or rotation. */
    public record Registered(AppRegistration app, String secret) {
    }

    public Uni<Registered> register(Caller caller, CountyCode county, String name, String contactEmail,
                                    List<String> modules, Integer requestsPerMinute) {
        String moduleList = knownModules(modules);
        AppRegistration app = new AppRegistration();
        app.id = UUID.randomUUID();
        app.clientId = "app-" + county + "-" + random(5);
        app.name = name;
        app.contactEmail = contactEmail;
        app.modules = moduleList;
        app.requestsPerMinute = requestsPerMinute == null ? defaultRequestsPerMinute : requestsPerMinute;
        app.status = AppRegistration.Status.ACTIVE;
        app.createdBy = caller.actor();
        app.createdAt = clock.now();
        String secret = random(24);
        return tx.inCounty(county, session -> clients.create(county, app.clientId, name, secret, app.moduleKeys())
                .chain(keycloakId -> {
                    app.keycloakId = keycloakId;
                    return session.persist(app).chain(session::flush)
                            .chain(() -> audit.record(session, county, caller, "app.registered", "app", app.id,
                                    Map.of("clientId", app.clientId, "name", name, "modules", app.moduleKeys(),
                                            "requestsPerMinute", app.requestsPerMinute)))
                            .onFailure().call(() -> clients.delete(keycloakId));
                })
                .replaceWith(new Registered(app, secret)));
    }

    public Uni<List<AppRegistration>> list(CountyCode county) {
        return tx.inCounty(county, session -> session
                .createSelectionQuery("from AppRegistration order by createdAt desc, id desc", AppRegistration.class)
                .getResultList());
    }

    public Uni<AppRegistration> find(CountyCode county, UUID id) {
        return tx.inCounty(county, session -> active(session, id, false));
    }

    public Uni<AppRegistration> changeModules(Caller caller, CountyCode county, UUID id, List<String> modules) {
        String moduleList = knownModules(modules);
        return tx.inCounty(county, session -> active(session, id, true).chain(app -> {
            List<String> before = app.moduleKeys();
            app.modules = moduleList;
            return clients.changeModules(app.keycloakId, before, app.moduleKeys())
                    .chain(() -> audit.record(session, county, caller, "app.modules-changed", "app", id,
                            Map.of("before", before, "after", app.moduleKeys())))
                    .replaceWith(app);
        }));
    }

    public Uni<AppRegistration> changeRateLimit(Caller caller, CountyCode county, UUID id, int requestsPerMinute) {
        return tx.inCounty(county, session -> active(session, id, true).chain(app -> {
            int before = app.requestsPerMinute;
            app.requestsPerMinute = requestsPerMinute;
            return audit.record(session, county, caller, "app.rate-limit-changed", "app", id,
                    Map.of("before", before, "after", requestsPerMinute)).replaceWith(app);
        }));
    }

    public Uni<Registered> rotateSecret(Caller caller, CountyCode county, UUID id) {
        return tx.inCounty(county, session -> active(session, id, true).chain(app -> clients.rotateSecret(app.keycloakId)
                .chain(secret -> {
                    app.secretRotatedAt = clock.now();
                    return audit.record(session, county, caller, "app.secret-rotated", "app", id, Map.of())
                            .replaceWith(new Registered(app, secret));
                })));
    }

    /** Revokes at once: the gate refuses the app's tokens from this commit on, and Keycloak issues no more. */
    public Uni<AppRegistration> revoke(Caller caller, CountyCode county, UUID id) {
        return tx.inCounty(county, session -> active(session, id, true).chain(app -> {
            app.status = AppRegistration.Status.REVOKED;
            app.revokedAt = clock.now();
            return session.flush().chain(() -> clients.delete(app.keycloakId))
                    .chain(() -> audit.record(session, county, caller, "app.revoked", "app", id,
                            Map.of("clientId", app.clientId)))
                    .replaceWith(app);
        }));
    }

    private static Uni<AppRegistration> active(Mutiny.Session session, UUID id, boolean mustBeActive) {
        return session.find(AppRegistration.class, id).map(app -> {
            if (app == null) {
                throw ProblemException.notFound("App", id);
            }
            if (mustBeActive && app.status == AppRegistration.Status.REVOKED) {
                throw ProblemException.conflict("app-revoked", "App " + id + " is revoked");
            }
            return app;
        });
    }

    /** The modules as stored: each a module of this platform, no duplicates, in key order. */
    private String knownModules(List<String> modules) {
        for (int i = 0; i < modules.size(); i++) {
            if (!registry.isModule(modules.get(i))) {
                throw ProblemException.invalidField("modules[" + i + "]", "is not a module of this platform: " + modules.get(i));
            }
        }
        return String.join(",", new TreeSet<>(modules));
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
