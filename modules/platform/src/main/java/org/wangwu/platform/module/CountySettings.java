package org.wangwu.platform.module;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A county's effective settings for one module: its own values over the descriptor's defaults. */
public record CountySettings(
        @Schema(description = "The module", examples = "points") String moduleKey,
        @Schema(description = "The revision in force; a change sends it back", examples = "3") int revision,
        @Schema(description = "Each setting's value in force, by key (the default where the county set none)") ObjectNode values) {

    public boolean flag(String key) {
        return require(key).asBoolean();
    }

    public long integer(String key) {
        return require(key).asLong();
    }

    public BigDecimal decimal(String key) {
        return require(key).decimalValue();
    }

    public String text(String key) {
        return require(key).asText();
    }

    public List<String> textList(String key) {
        List<String> out = new ArrayList<>();
        require(key).forEach(item -> out.add(item.asText()));
        return out;
    }

    public JsonNode structured(String key) {
        return require(key);
    }

    private JsonNode require(String key) {
        JsonNode value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("Module " + moduleKey + " declares no setting " + key);
        }
        return value;
    }
}
