package org.wangwu.platform.module;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.ClientProxy;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.wangwu.platform.event.DomainEventConsumer;

/**
 * All functional modules present in this build, by key. Checked once at start-up, so that a module
 * that breaks the contract never serves: keys unique and not clashing with platform paths, every
 * default valid under its own definition, a permissions class declared, every consumed event type
 * with its handler (and no handler for a type not declared), and no module consuming events
 * outside its descriptor (a {@link DomainEventConsumer} in a module's package).
 */
@ApplicationScoped
@Startup
public class ModuleRegistry {

    /** Path segments under a county that belong to the platform, not to a module. */
    static final Set<String> PLATFORM_SEGMENTS = Set.of("modules", "territory", "audit", "events", "webhooks", "apps",
            "staff");

    private final Map<String, ModuleDescriptor> byKey = new TreeMap<>();

    @Inject
    public ModuleRegistry(Instance<FunctionalModule> modules, Instance<DomainEventConsumer> consumers, ObjectMapper json) {
        this((Iterable<FunctionalModule>) modules, consumers, json);
    }

    /** The modules and platform consumers of a build, checked; fails with what a module got wrong. */
    public ModuleRegistry(Iterable<? extends FunctionalModule> modules, Iterable<? extends DomainEventConsumer> consumers,
                          ObjectMapper json) {
        for (FunctionalModule module : modules) {
            ModuleDescriptor d = module.descriptor();
            if (PLATFORM_SEGMENTS.contains(d.key()) || byKey.putIfAbsent(d.key(), d) != null) {
                throw new IllegalStateException("Module key is taken: " + d.key());
            }
            for (SettingDefinition s : d.settings()) {
                s.problemWith(json.valueToTree(s.defaultValue())).ifPresent(problem -> {
                    throw new IllegalStateException("Default of " + d.key() + "." + s.key() + " " + problem);
                });
            }
            if (d.permissions() == null) {
                throw new IllegalStateException("Module " + d.key() + " declares no permissions class");
            }
            Set<String> declared = new TreeSet<>();
            d.consumes().forEach(type -> declared.add(type.type()));
            for (String type : declared) {
                if (d.handlers().get(type) == null) {
                    throw new IllegalStateException("Module " + d.key() + " consumes " + type + " but declares no handler");
                }
            }
            for (String type : d.handlers().keySet()) {
                if (!declared.contains(type)) {
                    throw new IllegalStateException("Module " + d.key() + " handles event type " + type
                            + " that it does not declare; declare it with consumes(type, zh, en, handler)");
                }
            }
            String modulePackage = ClientProxy.unwrap(module).getClass().getPackageName();
            for (DomainEventConsumer consumer : consumers) {
                String consumerPackage = ClientProxy.unwrap(consumer).getClass().getPackageName();
                if (consumerPackage.equals(modulePackage) || consumerPackage.startsWith(modulePackage + ".")) {
                    throw new IllegalStateException("Module " + d.key() + " consumes events outside its descriptor ("
                            + ClientProxy.unwrap(consumer).getClass().getName()
                            + "); declare each type with consumes(type, zh, en, handler)");
                }
            }
        }
    }

    public Collection<ModuleDescriptor> all() {
        return byKey.values();
    }

    public Optional<ModuleDescriptor> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public boolean isModule(String pathSegment) {
        return byKey.containsKey(pathSegment);
    }
}
