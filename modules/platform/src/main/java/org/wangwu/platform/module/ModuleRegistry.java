package org.wangwu.platform.module;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * All functional modules present in this build, by key. Checked once at start-up: keys unique, not
 * clashing with platform paths, and every default valid under its own definition.
 */
@ApplicationScoped
public class ModuleRegistry {

    /** Path segments under a county that belong to the platform, not to a module. */
    static final Set<String> PLATFORM_SEGMENTS = Set.of("modules", "territory", "audit", "events", "webhooks", "apps",
            "staff");

    private final Map<String, ModuleDescriptor> byKey = new TreeMap<>();

    @Inject
    public ModuleRegistry(Instance<FunctionalModule> modules, ObjectMapper json) {
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
