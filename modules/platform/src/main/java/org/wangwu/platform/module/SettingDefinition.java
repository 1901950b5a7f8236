package org.wangwu.platform.module;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One county-configurable rule of a module: its type, default and limits. The platform validates a
 * county's values against these, and the console draws its forms from them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SettingDefinition(
        @Schema(description = "The setting's key", examples = "disclosureDays") String key,
        @Schema(description = "Its label in Chinese and English") LocalizedText label,
        @Schema(description = "Its type") SettingType type,
        @Schema(description = "The value when the county sets none") Object defaultValue,
        @Schema(description = "The least value allowed (numbers)", examples = "1") BigDecimal min,
        @Schema(description = "The greatest value allowed (numbers)", examples = "30") BigDecimal max,
        @Schema(description = "The values allowed (choices and lists that allow only some values)") List<String> options,
        @Schema(description = "The values allowed with their labels, in the order of options") List<SettingChoice> choices,
        @JsonIgnore Function<JsonNode, Optional<String>> extraRule) {

    /** The shapes a setting can take. */
    @Schema(description = "The shape of a module setting's value: BOOLEAN, INTEGER, DECIMAL, TEXT, CHOICE (one of listed values), TEXT_LIST or STRUCTURED (a JSON object or array)")
    public enum SettingType { BOOLEAN, INTEGER, DECIMAL, TEXT, CHOICE, TEXT_LIST, STRUCTURED }

    public static SettingDefinition flag(String key, LocalizedText label, boolean defaultValue) {
        return new SettingDefinition(key, label, SettingType.BOOLEAN, defaultValue, null, null, null, null, null);
    }

    public static SettingDefinition integer(String key, LocalizedText label, long defaultValue, long min, long max) {
        return new SettingDefinition(key, label, SettingType.INTEGER, defaultValue, BigDecimal.valueOf(min),
                BigDecimal.valueOf(max), null, null, null);
    }

    public static SettingDefinition decimal(String key, LocalizedText label, BigDecimal defaultValue, BigDecimal min,
                                            BigDecimal max) {
        return new SettingDefinition(key, label, SettingType.DECIMAL, defaultValue, min, max, null, null, null);
    }

    /** Free text; {@code maxLength} bounds it. */
    public static SettingDefinition text(String key, LocalizedText label, String defaultValue, int maxLength) {
        return new SettingDefinition(key, label, SettingType.TEXT, defaultValue, BigDecimal.ZERO,
                BigDecimal.valueOf(maxLength), null, null, null);
    }

    /** One of the listed values; each has a label a county office reads. */
    public static SettingDefinition choice(String key, LocalizedText label, String defaultValue,
                                           List<SettingChoice> choices) {
        return new SettingDefinition(key, label, SettingType.CHOICE, defaultValue, null, null, values(choices),
                List.copyOf(choices), null);
    }

    /** A list of strings; each from {@code choices} when choices are given (null: any text). */
    public static SettingDefinition textList(String key, LocalizedText label, List<String> defaultValue,
                                             List<SettingChoice> choices) {
        return new SettingDefinition(key, label, SettingType.TEXT_LIST, List.copyOf(defaultValue), null, null,
                choices == null ? null : values(choices), choices == null ? null : List.copyOf(choices), null);
    }

    private static List<String> values(List<SettingChoice> choices) {
        return choices.stream().map(SettingChoice::value).toList();
    }

    /** A JSON structure (a rule catalogue, a table of deadlines) checked by the module's own rule. */
    public static SettingDefinition structured(String key, LocalizedText label, Object defaultValue,
                                               Function<JsonNode, Optional<String>> rule) {
        return new SettingDefinition(key, label, SettingType.STRUCTURED, defaultValue, null, null, null, null, rule);
    }

    /** Adds a rule beyond the type's own checks. */
    public SettingDefinition withRule(Function<JsonNode, Optional<String>> rule) {
        return new SettingDefinition(key, label, type, defaultValue, min, max, options, choices, rule);
    }

    /** What is wrong with {@code value}, or empty when it is acceptable. */
    public Optional<String> problemWith(JsonNode value) {
        if (value == null || value.isNull()) {
            return Optional.of("must not be null");
        }
        Optional<String> typeProblem = switch (type) {
            case BOOLEAN -> value.isBoolean() ? Optional.empty() : Optional.of("must be true or false");
            case INTEGER -> value.isIntegralNumber() ? inRange(value.decimalValue()) : Optional.of("must be a whole number");
            case DECIMAL -> value.isNumber() ? inRange(value.decimalValue()) : Optional.of("must be a number");
            case TEXT -> !value.isTextual() ? Optional.of("must be text")
                    : value.asText().length() > max.intValue() ? Optional.of("must be at most " + max + " characters")
                    : Optional.empty();
            case CHOICE -> value.isTextual() && options.contains(value.asText()) ? Optional.empty()
                    : Optional.of("must be one of " + options);
            case TEXT_LIST -> textList(value);
            case STRUCTURED -> value.isContainerNode() ? Optional.empty() : Optional.of("must be a JSON object or array");
        };
        if (typeProblem.isPresent() || extraRule == null) {
            return typeProblem;
        }
        return extraRule.apply(value);
    }

    private Optional<String> inRange(BigDecimal number) {
        if (min != null && number.compareTo(min) < 0 || max != null && number.compareTo(max) > 0) {
            return Optional.of("must be between " + min.toPlainString() + " and " + max.toPlainString());
        }
        return Optional.empty();
    }

    private Optional<String> textList(JsonNode value) {
        if (!value.isArray()) {
            return Optional.of("must be a list of text");
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                return Optional.of("must be a list of text");
            }
            if (options != null && !options.contains(item.asText())) {
                return Optional.of("may only contain " + options);
            }
        }
        return Optional.empty();
    }
}
