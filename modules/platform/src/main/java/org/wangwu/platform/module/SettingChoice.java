package org.wangwu.platform.module;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One value a choice setting allows, with what a county office reads for it. */
@Schema(description = "One allowed value of a choice or list setting, with its label in Chinese and English")
public record SettingChoice(
        @Schema(description = "The value the settings hold", examples = "HOUSEHOLD") String value,
        @Schema(description = "Its label in Chinese and English") LocalizedText label) {

    public SettingChoice {
        if (value == null || label == null || label.zh() == null || label.zh().isBlank() || label.en() == null
                || label.en().isBlank()) {
            throw new IllegalArgumentException("A setting's choice needs a value and a label in both languages: " + value);
        }
    }

    public static SettingChoice of(String value, String zh, String en) {
        return new SettingChoice(value, LocalizedText.of(zh, en));
    }
}
