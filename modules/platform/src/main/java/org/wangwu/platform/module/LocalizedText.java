package org.wangwu.platform.module;

/** User-facing text in both languages; zh-CN is what people see by default, en what the API docs use. */
public record LocalizedText(String zh, String en) {

    public static LocalizedText of(String zh, String en) {
        return new LocalizedText(zh, en);
    }
}
