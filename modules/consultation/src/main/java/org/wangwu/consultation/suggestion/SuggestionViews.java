package org.wangwu.consultation.suggestion;

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

    public record NewSuggestion(@NotNull @Pattern(regexp = "[0-9]{12}") String villageCode,
                                @NotBlank @Size(max = 40) String category,
                                @NotBlank @Size(max = 2000) String text) {
    }

    /** A reply or a decline; a decline needs its reason. */
    public record Reply(@NotBlank @Size(max = 2000) String text) {
    }

    public record SuggestionView(UUID id, String villageCode, String category, String text, String authorName,
                                 Suggestion.Status status, String reply, UUID matterId, Instant submittedAt,
                                 Instant answeredAt) {
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
