package org.wangwu.platform.module;

/** A module as one county has it. */
public record ModuleState(String key, LocalizedText name, LocalizedText description, boolean enabled,
                          int settingsRevision) {

    static ModuleState of(ModuleDescriptor d, CountyModule row) {
        return new ModuleState(d.key(), d.name(), d.description(), row != null && row.enabled,
                row == null ? 0 : row.settingsRevision);
    }
}
