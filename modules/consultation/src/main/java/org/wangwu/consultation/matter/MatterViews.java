package org.wangwu.consultation.matter;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.wangwu.consultation.meeting.MeetingViews.MeetingView;

/** How matters, their timeline, objections, implementation and evaluations appear in the API. */
public final class MatterViews {

    private MatterViews() {
    }

    /**
     * A new matter. {@code procedure} defaults to FULL; LIGHT needs a {@code form} of the county and a
     * category that does not require the full procedure. {@code suggestionIds} merges open suggestions.
     */
    public record NewMatter(@NotNull @Pattern(regexp = "[0-9]{12}") String villageCode,
                            @NotBlank @Size(max = 40) String category,
                            @NotBlank @Size(max = 200) String title,
                            @NotBlank @Size(max = 4000) String description,
                            @PositiveOrZero @DecimalMax("999999999999.99") BigDecimal estimatedAmount,
                            Matter.Procedure procedure,
                            @Size(max = 40) String form,
                            @Size(max = 50) List<@NotNull UUID> suggestionIds) {
    }

    public record MatterView(UUID id, String villageCode, String category, String title, String description,
                             BigDecimal estimatedAmount, Matter.Procedure procedure, String form, Step step,
                             String stepName, Instant stepSince, Instant disclosureEndsAt, String resolution,
                             String resultSummary, String outcome, String createdBy, Instant createdAt,
                             Instant closedAt) {
        public static MatterView of(Matter m) {
            return new MatterView(m.id, m.villageCode, m.category, m.title, m.description, m.estimatedAmount,
                    m.procedure, m.form, m.step, m.step.zh(), m.stepSince, m.disclosureEndsAt, m.resolution,
                    m.resultSummary, m.outcome, m.createdBy, m.createdAt, m.closedAt);
        }
    }

    /** One stay at a step, on the matter's timeline. */
    @Schema(name = "MatterStepView")
    public record StepView(Step step, String stepName, Instant enteredAt, Instant leftAt, StepRecord.Result result,
                           String note) {
        public static StepView of(StepRecord r) {
            return new StepView(r.step, r.step.zh(), r.enteredAt, r.leftAt, r.result, r.note);
        }
    }

    @Schema(name = "MatterObjectionView")
    public record ObjectionView(UUID id, Step step, String raisedBy, String reason, Objection.Status status,
                                String answer, String answeredBy, Instant raisedAt, Instant answeredAt) {
        public static ObjectionView of(Objection o) {
            return new ObjectionView(o.id, o.step, o.raisedBy, o.reason, o.status, o.answer, o.answeredBy, o.raisedAt,
                    o.answeredAt);
        }
    }

    public record ProgressView(UUID id, Progress.Kind kind, String note, Integer percent, Boolean approved,
                               String recordedBy, Instant recordedAt) {
        public static ProgressView of(Progress p) {
            return new ProgressView(p.id, p.kind, p.note, p.percent, p.approved, p.recordedBy, p.recordedAt);
        }
    }

    /** Households' evaluations counted by rating. */
    public record EvaluationTally(long satisfied, long basicallySatisfied, long unsatisfied) {
    }

    /** Everything about one matter: where it stands and how it got there. */
    public record MatterDetail(MatterView matter, List<StepView> timeline, List<MeetingView> meetings,
                               List<ObjectionView> objections, List<ProgressView> progress, EvaluationTally evaluations) {
    }

    @Schema(name = "NewMatterObjection")
    public record NewObjection(@NotBlank @Size(max = 2000) String reason) {
    }

    /** An answer to an objection; {@code sendBack} returns the matter to resolution instead of letting the window run on. */
    public record Answer(@NotBlank @Size(max = 2000) String answer, boolean sendBack) {
    }

    public record NewProgress(@NotBlank @Size(max = 2000) String note, @Min(0) @Max(100) Integer percent) {
    }

    public record NewSupervision(@NotBlank @Size(max = 2000) String opinion, @NotNull Boolean approved) {
    }

    public record ResultDisclosure(@NotBlank @Size(max = 4000) String summary) {
    }

    public record NewEvaluation(@NotNull Evaluation.Rating rating, @Size(max = 1000) String comment) {
    }

    public record EvaluationView(UUID householdId, Evaluation.Rating rating, String comment, Instant evaluatedAt) {
        public static EvaluationView of(Evaluation e) {
            return new EvaluationView(e.householdId, e.rating, e.comment, e.evaluatedAt);
        }
    }
}
