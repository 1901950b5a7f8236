package org.wangwu.platform.module;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.wangwu.platform.event.EventHandler;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.Role;
import org.wangwu.platform.module.StatisticDefinition.Derivation;
import org.wangwu.platform.module.StatisticDefinition.FactRef;
import org.wangwu.platform.tenancy.CountyCode;

/**
 * Everything the platform knows about a functional module, declared once by the module (like a
 * Decidim component manifest): key, names, county settings, its permissions class, roles and scope,
 * jobs, the events it publishes and consumes (with their handlers), the daily facts it records, the
 * statistics derived from them, and its demo seed. A reader learns the module's whole surface here;
 * the platform uses each part (see {@code modules/README.md}). The module's REST resources live under
 * {@code /api/v1/counties/{county}/{key}/...}.
 */
public record ModuleDescriptor(
        @Schema(description = "The module's key, as in its paths", examples = "points") String key,
        @Schema(description = "Its name in Chinese and English") LocalizedText name,
        @Schema(description = "What it does, in Chinese and English") LocalizedText description,
        @Schema(description = "The settings a county sets for it, with types, defaults and limits") List<SettingDefinition> settings,
        @JsonIgnore ModulePermissions permissions,
        @Schema(description = "The platform roles it knows") List<Role> roles,
        @Schema(description = "The token scope an app needs for it") List<String> scopes,
        @Schema(description = "Its per-county jobs") List<JobDefinition> jobs,
        @Schema(description = "The events it publishes") List<EventType> publishes,
        @Schema(description = "The events of other modules it acts on") List<EventType> consumes,
        @JsonIgnore Map<String, EventHandler> handlers,
        @Schema(description = "The daily facts it records") List<FactDefinition> facts,
        @Schema(description = "The statistics derived from its facts") List<StatisticDefinition> statistics,
        @JsonIgnore FactRecount recount,
        @JsonIgnore DemoSeed demoSeed) {

    /** A domain event type a module raises or listens to, e.g. {@code points.award-posted}. */
    public record EventType(
            @Schema(description = "The event type", examples = "customs.wedding-verified") String type,
            @Schema(description = "Its name in Chinese and English") LocalizedText name) {
    }

    public static Builder builder(String key) {
        return new Builder(key);
    }

    public Optional<SettingDefinition> setting(String settingKey) {
        return settings.stream().filter(s -> s.key().equals(settingKey)).findFirst();
    }

    public Optional<JobDefinition> job(String jobKey) {
        return jobs.stream().filter(j -> j.key().equals(jobKey)).findFirst();
    }

    public Optional<FactDefinition> fact(String factKey) {
        return facts.stream().filter(f -> f.key().equals(factKey)).findFirst();
    }

    /** Reads like a manifest: one call per declared part. */
    public static final class Builder {
        private final String key;
        private LocalizedText name;
        private LocalizedText description;
        private ModulePermissions permissions;
        private DemoSeed demoSeed;
        private FactRecount recount;
        private final List<SettingDefinition> settings = new ArrayList<>();
        private final List<Role> roles = new ArrayList<>();
        private final List<JobDefinition> jobs = new ArrayList<>();
        private final List<EventType> publishes = new ArrayList<>();
        private final List<EventType> consumes = new ArrayList<>();
        private final Map<String, EventHandler> handlers = new LinkedHashMap<>();
        private final List<FactDefinition> facts = new ArrayList<>();
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

        /** The module's permissions class (its CDI bean): the one place that decides who may do what. */
        public Builder permissions(ModulePermissions permissionsBean) {
            this.permissions = permissionsBean;
            return this;
        }

        public Builder roles(Role... known) {
            roles.addAll(List.of(known));
            return this;
        }

        /** A per-county job with its default schedule; {@code work} must be safe to run twice. */
        public Builder job(String jobKey, String zh, String en, Duration every, Function<CountyCode, Uni<Integer>> work) {
            jobs.add(new JobDefinition(jobKey, LocalizedText.of(zh, en), every, work));
            return this;
        }

        public Builder publishes(String type, String zh, String en) {
            publishes.add(new EventType(type, LocalizedText.of(zh, en)));
            return this;
        }

        /** An event type of another module this module acts on, and how; no other type is delivered to it. */
        public Builder consumes(String type, String zh, String en, EventHandler handler) {
            consumes.add(new EventType(type, LocalizedText.of(zh, en)));
            handlers.put(type, handler);
            return this;
        }

        /** A fact that adds up over days (cases received, points issued). */
        public Builder flow(String factKey, String zh, String en, String unit) {
            facts.add(new FactDefinition(factKey, LocalizedText.of(zh, en), unit, FactDefinition.Kind.FLOW));
            return this;
        }

        /** A fact that is a state on a day (accounts open); the latest value in a period counts. */
        public Builder level(String factKey, String zh, String en, String unit) {
            facts.add(new FactDefinition(factKey, LocalizedText.of(zh, en), unit, FactDefinition.Kind.LEVEL));
            return this;
        }

        public Builder statistic(String statKey, String zh, String en, String unit, Derivation derivation) {
            statistics.add(new StatisticDefinition(statKey, LocalizedText.of(zh, en), unit, derivation));
            return this;
        }

        /** How the module recomputes its facts from its own records (checked by the platform's facts job). */
        public Builder recount(FactRecount recomputation) {
            this.recount = recomputation;
            return this;
        }

        public Builder demoSeed(DemoSeed seed) {
            this.demoSeed = seed;
            return this;
        }

        public ModuleDescriptor build() {
            if (name == null) {
                throw new IllegalStateException("Module " + key + " needs a name");
            }
            if (permissions == null) {
                throw new IllegalStateException("Module " + key + " needs a permissions class");
            }
            Set<String> jobKeys = new HashSet<>();
            jobs.forEach(j -> {
                if (!jobKeys.add(j.key())) {
                    throw new IllegalStateException("Module " + key + " declares job " + j.key() + " twice");
                }
            });
            Set<String> factKeys = new HashSet<>();
            facts.forEach(f -> {
                if (!factKeys.add(f.key())) {
                    throw new IllegalStateException("Module " + key + " declares fact " + f.key() + " twice");
                }
            });
            statistics.forEach(s -> factsOf(s.derivation()).forEach(ref -> {
                if (!factKeys.contains(ref.fact())) {
                    throw new IllegalStateException("Statistic " + key + "." + s.key() + " uses undeclared fact " + ref.fact());
                }
            }));
            return new ModuleDescriptor(key, name, description == null ? name : description, List.copyOf(settings),
                    permissions, List.copyOf(roles), List.of(Caller.MODULE_SCOPE_PREFIX + key), List.copyOf(jobs),
                    List.copyOf(publishes), List.copyOf(consumes), Map.copyOf(handlers), List.copyOf(facts),
                    List.copyOf(statistics),
                    recount == null ? (session, county) -> Uni.createFrom().item(List.of()) : recount,
                    demoSeed == null ? county -> Uni.createFrom().voidItem() : demoSeed);
        }

        private static List<FactRef> factsOf(Derivation d) {
            if (d instanceof StatisticDefinition.Sum s) {
                return List.of(s.fact());
            }
            if (d instanceof StatisticDefinition.Latest l) {
                return List.of(l.fact());
            }
            if (d instanceof StatisticDefinition.Ratio r) {
                return List.of(r.numerator(), r.denominator());
            }
            StatisticDefinition.Average a = (StatisticDefinition.Average) d;
            return List.of(a.total(), a.count());
        }
    }
}
