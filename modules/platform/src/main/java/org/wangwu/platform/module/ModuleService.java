package org.wangwu.platform.module;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.audit.AuditLog;
import org.wangwu.platform.error.Problem;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.tenancy.CountyCode;

/**
 * Switches modules on and off per county and keeps each county's settings: validated against the
 * descriptor, versioned (every save is a new revision), audited.
 */
@ApplicationScoped
public class ModuleService {

    @Inject
    ModuleRegistry registry;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper json;

    public ModuleDescriptor descriptor(String key) {
        return registry.find(key).orElseThrow(() -> ProblemException.notFound("Module", key));
    }

    /** Every module in this build, with the county's state of it. */
    public Uni<List<ModuleState>> list(Mutiny.Session session) {
        return session.createSelectionQuery("from CountyModule", CountyModule.class).getResultList()
                .map(rows -> registry.all().stream()
                        .map(d -> ModuleState.of(d, rows.stream().filter(r -> r.moduleKey.equals(d.key())).findFirst()
                                .orElse(null)))
                        .toList());
    }

    public Uni<ModuleState> state(Mutiny.Session session, String key) {
        ModuleDescriptor d = descriptor(key);
        return session.find(CountyModule.class, key).map(row -> ModuleState.of(d, row));
    }

    public Uni<Boolean> isEnabled(Mutiny.Session session, String key) {
        return session.find(CountyModule.class, key).map(row -> row != null && row.enabled);
    }

    /** Answers 404 (as the module's own paths do) unless the county has the module switched on. */
    public Uni<Void> requireEnabled(Mutiny.Session session, CountyCode county, String key) {
        return isEnabled(session, key).map(enabled -> {
            if (!enabled) {
                throw notEnabled(county, key);
            }
            return null;
        });
    }

    /** The 404 of a module the county has not switched on (as the module's own paths answer). */
    public static ProblemException notEnabled(CountyCode county, String key) {
        return new ProblemException(Problem.of(404, "module-not-enabled", "Not found",
                "Module " + key + " is not switched on in county " + county));
    }

    public Uni<ModuleState> setEnabled(Mutiny.Session session, CountyCode county, Caller caller, String key,
                                       boolean enabled) {
        ModuleDescriptor d = descriptor(key);
        return findOrCreate(session, key, caller).chain(row -> {
            if (row.enabled == enabled) {
                return Uni.createFrom().item(ModuleState.of(d, row));
            }
            row.enabled = enabled;
            row.updatedAt = Instant.now();
            row.updatedBy = caller.actor();
            return audit.record(session, county, caller, enabled ? "module.enabled" : "module.disabled", "module", key,
                    Map.of()).replaceWith(() -> ModuleState.of(d, row));
        });
    }

    /** The county's effective settings: for module code that applies the county's rules. */
    public Uni<CountySettings> settings(Mutiny.Session session, String key) {
        ModuleDescriptor d = descriptor(key);
        return session.find(CountyModule.class, key).map(row -> effective(d, row));
    }

    /**
     * Saves a new revision. {@code expectedRevision} is the revision the administrator edited: if
     * someone saved in between, the save is refused with 409 rather than silently overwriting.
     */
    public Uni<CountySettings> updateSettings(Mutiny.Session session, CountyCode county, Caller caller, String key,
                                              int expectedRevision, ObjectNode values) {
        ModuleDescriptor d = descriptor(key);
        validate(d, values);
        return findOrCreate(session, key, caller).chain(row -> {
            if (row.settingsRevision != expectedRevision) {
                throw ProblemException.conflict("stale-revision", "Settings of " + key + " are at revision "
                        + row.settingsRevision + ", not " + expectedRevision + "; reload and try again",
                        Map.of("currentRevision", row.settingsRevision));
            }
            row.settings = write(values);
            row.settingsRevision++;
            row.updatedAt = Instant.now();
            row.updatedBy = caller.actor();
            SettingsRevision revision = new SettingsRevision();
            revision.id = UUID.randomUUID();
            revision.moduleKey = key;
            revision.revision = row.settingsRevision;
            revision.settings = row.settings;
            revision.changedBy = caller.actor();
            revision.changedAt = row.updatedAt;
            revision.requestId = caller.requestId();
            return session.persist(revision)
                    .chain(() -> audit.record(session, county, caller, "module.settings-changed", "module", key,
                            Map.of("revision", revision.revision, "settings", values)))
                    .replaceWith(() -> effective(d, row));
        });
    }

    public Uni<List<RevisionView>> history(Mutiny.Session session, String key) {
        descriptor(key);
        return session.createSelectionQuery("from SettingsRevision where moduleKey = :key order by revision desc",
                        SettingsRevision.class).setParameter("key", key).getResultList()
                .map(list -> list.stream().map(r -> new RevisionView(r.revision, read(r.settings), r.changedBy,
                        r.changedAt, r.requestId)).toList());
    }

    /** One saved revision of a county's settings for a module. */
    public record RevisionView(
            @Schema(description = "The revision number", examples = "3") int revision,
            @Schema(description = "The values saved in this revision, by key") ObjectNode values,
            @Schema(description = "Who saved it", examples = "jiyuan-admin") String changedBy,
            @Schema(description = "When it was saved") Instant changedAt,
            @Schema(description = "The request that saved it", examples = "0b8f6c1e-2a4d-4e7f-9c3b-5d1a2e4f6b8c") String requestId) {
    }

    private void validate(ModuleDescriptor d, ObjectNode values) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            d.setting(entry.getKey()).ifPresentOrElse(
                    definition -> definition.problemWith(entry.getValue())
                            .ifPresent(p -> errors.add(Problem.FieldError.field("values." + entry.getKey(), p))),
                    () -> errors.add(Problem.FieldError.field("values." + entry.getKey(),
                            "is not a setting of module " + d.key())));
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparing(Problem.FieldError::field));
            throw ProblemException.invalid("Some settings are not acceptable", errors);
        }
    }

    private Uni<CountyModule> findOrCreate(Mutiny.Session session, String key, Caller caller) {
        return session.find(CountyModule.class, key).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(existing);
            }
            CountyModule row = new CountyModule();
            row.moduleKey = key;
            row.enabled = false;
            row.settings = "{}";
            row.settingsRevision = 0;
            row.updatedAt = Instant.now();
            row.updatedBy = caller.actor();
            return session.persist(row).replaceWith(row);
        });
    }

    CountySettings effective(ModuleDescriptor d, CountyModule row) {
        ObjectNode values = json.createObjectNode();
        ObjectNode own = row == null ? json.createObjectNode() : read(row.settings);
        for (SettingDefinition s : d.settings()) {
            values.set(s.key(), own.has(s.key()) ? own.get(s.key()) : json.valueToTree(s.defaultValue()));
        }
        return new CountySettings(d.key(), row == null ? 0 : row.settingsRevision, values);
    }

    private ObjectNode read(String stored) {
        try {
            return (ObjectNode) json.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored settings are not JSON", e);
        }
    }

    private String write(ObjectNode values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
