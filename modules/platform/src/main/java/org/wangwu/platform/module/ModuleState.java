package org.wangwu.platform.module;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A module as one county has it. */
public record ModuleState(
        @Schema(description = "The module's key", examples = "disputes") String key,
        @Schema(description = "Its name in Chinese and English") LocalizedText name,
        @Schema(description = "What it does") LocalizedText description,
        @Schema(description = "Whether the county has it switched on", examples = "true") boolean enabled,
        @Schema(description = "The revision of the county's settings in force (0: defaults only)", examples = "2") int settingsRevision) {

    static ModuleState of(ModuleDescriptor d, CountyModule row) {
        return new ModuleState(d.key(), d.name(), d.description(), row != null && row.enabled,
                row == null ? 0 : row.settingsRevision);
    }
}
