package org.wangwu.server.module;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.wangwu.platform.event.DomainEventConsumer;
import org.wangwu.platform.event.EventHandler;
import org.wangwu.platform.module.FunctionalModule;
import org.wangwu.platform.module.ModuleDescriptor;
import org.wangwu.platform.module.ModulePermissions;
import org.wangwu.platform.module.ModuleRegistry;
import org.wangwu.platform.tenancy.CountyCode;

/** A module that breaks the contract keeps the platform from starting, with a message that says how. */
class ModuleRegistryTest {

    private static final EventHandler NOTHING = (session, county, event) -> Uni.createFrom().voidItem();

    private static ModuleDescriptor.Builder board() {
        return ModuleDescriptor.builder("board").name("公告", "Board").permissions(new ModulePermissions() { });
    }

    @Test
    void aModuleThatDeclaresEachConsumedTypeWithItsHandlerStarts() {
        ModuleRegistry registry = registry(board().consumes("consultation.resolution-adopted", "决议", "Resolution",
                NOTHING).build(), List.of());
        Assertions.assertEquals(List.of("board"), registry.all().stream().map(ModuleDescriptor::key).toList());
    }

    @Test
    void aHandlerForATypeTheModuleDoesNotDeclareFailsAtStart() {
        ModuleDescriptor d = board().consumes("consultation.resolution-adopted", "决议", "Resolution", NOTHING).build();
        ModuleDescriptor sneaky = new ModuleDescriptor(d.key(), d.name(), d.description(), d.settings(), d.permissions(),
                d.roles(), d.scopes(), d.jobs(), d.publishes(), d.consumes(),
                Map.of("consultation.resolution-adopted", NOTHING, "disputes.case-resolved", NOTHING), d.facts(),
                d.statistics(), d.recount(), d.demoSeed());
        IllegalStateException e = Assertions.assertThrows(IllegalStateException.class, () -> registry(sneaky, List.of()));
        Assertions.assertTrue(e.getMessage().contains("disputes.case-resolved"), e.getMessage());
    }

    @Test
    void aConsumerBeanInAModulesPackageFailsAtStart() {
        IllegalStateException e = Assertions.assertThrows(IllegalStateException.class,
                () -> registry(board().build(), List.of(new EverythingListener())));
        Assertions.assertTrue(e.getMessage().contains("outside its descriptor"), e.getMessage());
    }

    @Test
    void aModuleWithoutPermissionsClassIsNotBuilt() {
        IllegalStateException e = Assertions.assertThrows(IllegalStateException.class,
                () -> ModuleDescriptor.builder("board").name("公告", "Board").build());
        Assertions.assertTrue(e.getMessage().contains("permissions"), e.getMessage());
    }

    private static ModuleRegistry registry(ModuleDescriptor d, List<DomainEventConsumer> consumers) {
        FunctionalModule module = () -> d;
        return new ModuleRegistry(List.of(module), consumers, new ObjectMapper());
    }

    /** The old way: a module bean listening to every type, outside its descriptor. */
    static final class EverythingListener implements DomainEventConsumer {
        @Override
        public String name() {
            return "board.everything";
        }

        @Override
        public boolean accepts(String eventType) {
            return true;
        }

        @Override
        public Uni<Void> handle(Mutiny.Session session, CountyCode county, Delivered event) {
            return Uni.createFrom().voidItem();
        }
    }
}
