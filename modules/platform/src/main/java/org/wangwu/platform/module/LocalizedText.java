package org.wangwu.platform.module;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** User-facing text in both languages; zh-CN is what people see by default, en what the API docs use. */
public record LocalizedText(
        @Schema(description = "In Chinese (zh-CN)", examples = "积分制") String zh,
        @Schema(description = "In English", examples = "Moral points bank") String en) {

    public static LocalizedText of(String zh, String en) {
        return new LocalizedText(zh, en);
    }
}
