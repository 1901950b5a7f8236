package org.wangwu.platform.fact;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One published figure: its value, or none and why ({@code <5}: a small count; {@code x}: hidden to protect one). */
@Schema(description = "A figure, or null with the reason it is suppressed")
public record Figure(
        @Schema(description = "The figure, when it may be shown", examples = "12") BigDecimal value,
        @Schema(description = "Instead of the value: \"<5\" for a small count, \"x\" for a cell that would reveal one", examples = "<5") String suppressed) {

    public static final String PROTECTING = "x";

    static Figure of(BigDecimal value) {
        if (value == null) {
            return new Figure(null, null);
        }
        BigDecimal plain = value.stripTrailingZeros();
        return new Figure(plain.scale() < 0 ? plain.setScale(0) : plain, null);
    }

    /** What a spreadsheet cell shows: the number, the reason, or nothing. */
    public String text() {
        return suppressed != null ? suppressed : value == null ? "" : value.toPlainString();
    }
}
