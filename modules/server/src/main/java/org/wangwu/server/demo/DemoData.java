package org.wangwu.server.demo;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.wangwu.platform.county.CountyOnboarding;
import org.wangwu.platform.county.CountyService;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.Role;
import org.wangwu.platform.module.ModuleDescriptor;
import org.wangwu.platform.module.ModuleRegistry;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.territory.RegisterImport;
import org.wangwu.platform.territory.RegisterKind;

/**
 * Seeds the demo counties of the local run (three counties in two provinces, matching the demo
 * logins of the Keycloak realm) through the same services an operator and an administrator use:
 * the register, then every module of the build switched on, then each module's own demo seed.
 * Only when {@code wangwu.demo-data=true}; a county already present is left as it is.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    private static final List<CountyOnboarding> COUNTIES = List.of(
            new CountyOnboarding("419001", "济源市", "Jiyuan", "41"),
            new CountyOnboarding("410581", "林州市", "Linzhou", "41"),
            new CountyOnboarding("330523", "安吉县", "Anji", "33"));

    @ConfigProperty(name = "wangwu.demo-data")
    boolean enabled;

    @Inject
    Vertx vertx;

    @Inject
    CountyService counties;

    @Inject
    RegisterImport registers;

    @Inject
    TenantTransactions tx;

    @Inject
    org.wangwu.platform.territory.TerritoryService territory;

    @Inject
    org.wangwu.platform.module.ModuleService modules;

    @Inject
    ModuleRegistry registry;

    void seed(@Observes StartupEvent startup) {
        if (!enabled) {
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        // Hibernate Reactive runs on a safe (isolated) Vert.x context; start-up observers run on the main thread.
        io.vertx.core.Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
        io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> seedAll().subscribe().with(done::complete, done::completeExceptionally));
        done.join();
    }

    private Uni<Void> seedAll() {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (CountyOnboarding county : COUNTIES) {
            chain = chain.chain(() -> seedCounty(county));
        }
        return chain;
    }

    private Uni<Void> seedCounty(CountyOnboarding onboarding) {
        CountyCode code = CountyCode.of(onboarding.code());
        Caller seeder = Caller.system("demo-data", code, Role.COUNTY_ADMIN);
        return tx.platform(s -> s.find(org.wangwu.platform.county.County.class, code.value())).chain(existing -> {
            if (existing != null) {
                LOG.infof("Demo county %s (%s) already present", code, onboarding.nameEn());
                return Uni.createFrom().voidItem();
            }
            Uni<?> steps = counties.onboard(seeder, onboarding);
            for (RegisterKind kind : RegisterKind.values()) {
                String csv = read("demo/" + code + "/" + kind.pathName() + ".csv");
                steps = steps.chain(() -> tx.inCounty(code,
                        s -> registers.add(s, code, seeder, kind, RegisterImport.parseCsv(csv, kind), true)));
            }
            for (var link : DEMO_RESIDENT_LOGINS.getOrDefault(code.value(), List.of())) {
                steps = steps.chain(() -> tx.inCounty(code, s -> linkLogin(s, code, seeder, link)));
            }
            // Every module of the build is switched on, then seeds its months of activity, once per county.
            for (ModuleDescriptor module : registry.all()) {
                steps = steps.chain(() -> tx.inCounty(code, s -> modules.setEnabled(s, code, seeder, module.key(), true)));
            }
            for (ModuleDescriptor module : registry.all()) {
                steps = steps.chain(() -> module.demoSeed().seed(code)
                        .invoke(() -> LOG.infof("Demo data of module %s seeded in county %s", module.key(), code)));
            }
            return steps.invoke(() -> LOG.infof("Demo county %s (%s) seeded", code, onboarding.nameEn()))
                    .replaceWithVoid();
        });
    }

    /** A demo login of the realm and the register entry it signs in as (village, household, position). */
    private record ResidentLogin(String username, String village, String household, int position) {
    }

    private static final java.util.Map<String, List<ResidentLogin>> DEMO_RESIDENT_LOGINS = java.util.Map.of(
            "419001", List.of(new ResidentLogin("jiyuan-resident", "419001100201", "0001", 0),
                    new ResidentLogin("jiyuan-resident2", "419001100201", "0002", 0),
                    new ResidentLogin("jiyuan-resident-nanxun", "419001100202", "0001", 0)),
            "330523", List.of(new ResidentLogin("anji-resident", "330523101201", "0001", 0)));

    private Uni<?> linkLogin(org.hibernate.reactive.mutiny.Mutiny.Session s, CountyCode code, Caller seeder,
                             ResidentLogin login) {
        return s.createSelectionQuery("""
                        select r.id from Resident r, Household h, Village v
                        where r.householdId = h.id and h.villageId = v.id and v.code = :village and h.number = :number
                        order by r.birthDate""", java.util.UUID.class)
                .setParameter("village", login.village()).setParameter("number", login.household())
                .getResultList()
                .chain(ids -> territory.linkAccount(s, code, seeder, ids.get(login.position()), login.username()));
    }

    private static String read(String resource) {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing demo resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
