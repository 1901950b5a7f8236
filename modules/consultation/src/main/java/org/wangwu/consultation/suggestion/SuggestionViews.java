package org.wangwu.consultation.suggestion;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** How suggestions appear in the API; the public view shows the author's name only as the county allows. */
public final class SuggestionViews {

    private SuggestionViews() {
    }

    public record NewSuggestion(
            @Schema(description = "The villager's village (12 digits)", examples = "419001100201") @NotNull @Pattern(regexp = "[0-9]{12}") String villageCode,
            @Schema(description = "The county's matter category, if known", examples = "infrastructure") @NotBlank @Size(max = 40) String category,
            @Schema(description = "The suggestion", examples = "建议硬化村东道路，雨天泥泞难行。") @NotBlank @Size(max = 2000) String text) {
    }

    /** A reply or a decline; a decline needs its reason. */
    public record Reply(
            @Schema(description = "The answer or the reason for declining", examples = "该路段已列入乡镇年度计划。") @NotBlank @Size(max = 2000) String text) {
    }

    public record SuggestionView(
            @Schema(description = "The suggestion's id") UUID id,
            @Schema(description = "The village", examples = "419001100201") String villageCode,
            @Schema(description = "Its category", examples = "infrastructure") String category,
            @Schema(description = "The suggestion", examples = "建议硬化村东道路。") String text,
            @Schema(description = "The author, in the form the county allows", examples = "王*") String authorName,
            @Schema(description = "OPEN, REPLIED, MERGED (into a matter) or DECLINED") Suggestion.Status status,
            @Schema(description = "The cadre's answer or reason", examples = "该路段已列入乡镇年度计划。") String reply,
            @Schema(description = "The matter it was merged into") UUID matterId,
            @Schema(description = "When it was submitted") Instant submittedAt,
            @Schema(description = "When it was answered") Instant answeredAt) {
        public static SuggestionView of(Suggestion x) {
            return new SuggestionView(x.id, x.villageCode, x.category, x.text, x.authorName, x.status, x.reply,
                    x.matterId, x.submittedAt, x.answeredAt);
        }

        public SuggestionView withAuthor(String shown) {
            return new SuggestionView(id, villageCode, category, text, shown, status, reply, matterId, submittedAt,
                    answeredAt);
        }
    }
}
