package org.wangwu.platform.module;

import java.util.ArrayList;
import java.util.List;
import org.wangwu.platform.identity.Role;

/**
 * Everything the platform knows about a functional module, declared once by the module (like a
 * Decidim component manifest): key, names, county settings, roles and scopes, events, statistics.
 * The module's REST resources live under {@code /api/v1/counties/{county}/{key}/...}.
 */
public record ModuleDescriptor(
        String key,
        LocalizedText name,
        LocalizedText description,
        List<SettingDefinition> settings,
        List<Role> roles,
        List<String> scopes,
        List<EventType> publishes,
        List<EventType> consumes,
        List<StatisticDefinition> statistics) {

    /** A domain event type a module raises or listens to, e.g. {@code points.award-posted}. */
    public record EventType(String type, LocalizedText name) {
    }

    /** A figure a module contributes to dashboards, counted per county per day. */
    public record StatisticDefinition(String key, LocalizedText name, String unit) {
    }

    public static Builder builder(String key) {
        return new Builder(key);
    }

    public java.util.Optional<SettingDefinition> setting(String settingKey) {
        return settings.stream().filter(s -> s.key().equals(settingKey)).findFirst();
    }

    /** Reads like a manifest: one call per declared part. */
    public static final class Builder {
        private final String key;
        private LocalizedText name;
        private LocalizedText description;
        private final List<SettingDefinition> settings = new ArrayList<>();
        private final List<Role> roles = new ArrayList<>();
        private final List<EventType> publishes = new ArrayList<>();
        private final List<EventType> consumes = new ArrayList<>();
        private final List<StatisticDefinition> statistics = new ArrayList<>();

        private Builder(String key) {
            if (!key.matches("[a-z][a-z0-9-]{1,39}")) {
                throw new IllegalArgumentException("Module key must be lower-case letters, digits and dashes: " + key);
            }
            this.key = key;
        }

        public Builder name(String zh, String en) {
            this.name = LocalizedText.of(zh, en);
            return this;
        }

        public Builder description(String zh, String en) {
            this.description = LocalizedText.of(zh, en);
            return this;
        }

        public Builder setting(SettingDefinition setting) {
            settings.add(setting);
            return this;
        }

        public Builder roles(Role... known) {
            roles.addAll(List.of(known));
            return this;
        }

        public Builder publishes(String type, String zh, String en) {
            publishes.add(new EventType(type, LocalizedText.of(zh, en)));
            return this;
        }

        public Builder consumes(String type, String zh, String en) {
            consumes.add(new EventType(type, LocalizedText.of(zh, en)));
            return this;
        }

        public Builder statistic(String statKey, String zh, String en, String unit) {
            statistics.add(new StatisticDefinition(statKey, LocalizedText.of(zh, en), unit));
            return this;
        }

        public ModuleDescriptor build() {
            if (name == null) {
                throw new IllegalStateException("Module " + key + " needs a name");
            }
            return new ModuleDescriptor(key, name, description == null ? name : description, List.copyOf(settings),
                    List.copyOf(roles), List.of(org.wangwu.platform.identity.Caller.MODULE_SCOPE_PREFIX + key),
                    List.copyOf(publishes), List.copyOf(consumes), List.copyOf(statistics));
        }
    }
}
