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
    public record NewMatter(
            @Schema(description = "The village (12 digits)", examples = "419001100201") @NotNull @Pattern(regexp = "[0-9]{12}") String villageCode,
            @Schema(description = "The county's matter category", examples = "collective-income") @NotBlank @Size(max = 40) String category,
            @Schema(description = "Its title", examples = "村东道路硬化") @NotBlank @Size(max = 200) String title,
            @Schema(description = "What is proposed", examples = "使用集体收入硬化村东800米道路。") @NotBlank @Size(max = 4000) String description,
            @Schema(description = "Estimated amount in yuan", examples = "120000") @PositiveOrZero @DecimalMax("999999999999.99") BigDecimal estimatedAmount,
            @Schema(description = "FULL or LIGHT; a category the county lists for the full procedure is always FULL") Matter.Procedure procedure,
            @Schema(description = "The lighter form, for LIGHT", examples = "院坝会") @Size(max = 40) String form,
            @Schema(description = "Villagers' suggestions merged into the matter") @Size(max = 50) List<@NotNull UUID> suggestionIds) {
    }

    public record MatterView(
            @Schema(description = "The matter's id") UUID id,
            @Schema(description = "The village (12 digits)", examples = "419001100201") String villageCode,
            @Schema(description = "The county's matter category", examples = "collective-income") String category,
            @Schema(description = "Its title", examples = "村东道路硬化") String title,
            @Schema(description = "What is proposed", examples = "使用集体收入硬化村东800米道路。") String description,
            @Schema(description = "Estimated amount in yuan", examples = "120000") BigDecimal estimatedAmount,
            @Schema(description = "FULL (four discussions, two disclosures) or LIGHT") Matter.Procedure procedure,
            @Schema(description = "The lighter form used (courtyard meeting, council session)", examples = "院坝会") String form,
            @Schema(description = "Where it stands: PROPOSAL, DELIBERATION, REVIEW, RESOLUTION, RESOLUTION_DISCLOSURE, IMPLEMENTATION, RESULT_DISCLOSURE, EVALUATION (or LIGHT_MEETING), CLOSED, WITHDRAWN") Step step,
            @Schema(description = "The step's name in Chinese", examples = "决议") String stepName,
            @Schema(description = "Since when") Instant stepSince,
            @Schema(description = "When the current disclosure window ends") Instant disclosureEndsAt,
            @Schema(description = "The text resolved", examples = "同意使用集体收入12万元硬化村东道路。") String resolution,
            @Schema(description = "The disclosed implementation result", examples = "道路硬化完工，实际支出11.6万元。") String resultSummary,
            @Schema(description = "The outcome of a lighter form", examples = "同意修缮村委会议室") String outcome,
            @Schema(description = "The cadre who recorded the proposal", examples = "jiyuan-cadre") String createdBy,
            @Schema(description = "When") Instant createdAt,
            @Schema(description = "When it was closed") Instant closedAt) {
        public static MatterView of(Matter m) {
            return new MatterView(m.id, m.villageCode, m.category, m.title, m.description, m.estimatedAmount,
                    m.procedure, m.form, m.step, m.step.zh(), m.stepSince, m.disclosureEndsAt, m.resolution,
                    m.resultSummary, m.outcome, m.createdBy, m.createdAt, m.closedAt);
        }
    }

    /** One stay at a step, on the matter's timeline. */
    @Schema(name = "MatterStepView")
    public record StepView(
            @Schema(description = "The step") Step step,
            @Schema(description = "Its name in Chinese", examples = "商议") String stepName,
            @Schema(description = "When the matter entered it") Instant enteredAt,
            @Schema(description = "When it left it") Instant leftAt,
            @Schema(description = "PASSED, FAILED or SENT_BACK") StepRecord.Result result,
            @Schema(description = "A note on the step", examples = "党员大会审议通过") String note) {
        public static StepView of(StepRecord r) {
            return new StepView(r.step, r.step.zh(), r.enteredAt, r.leftAt, r.result, r.note);
        }
    }

    @Schema(name = "MatterObjectionView")
    public record ObjectionView(
            @Schema(description = "The objection's id") UUID id,
            @Schema(description = "The disclosure it was raised in") Step step,
            @Schema(description = "The villager", examples = "jiyuan-resident") String raisedBy,
            @Schema(description = "Why they object", examples = "预算明细未公开") String reason,
            @Schema(description = "OPEN, ANSWERED or SENT_BACK (to resolution)") Objection.Status status,
            @Schema(description = "The cadre's answer", examples = "该项目预算已经村务监督委员会审核。") String answer,
            @Schema(description = "Who answered", examples = "jiyuan-cadre") String answeredBy,
            @Schema(description = "When it was raised") Instant raisedAt,
            @Schema(description = "When it was answered") Instant answeredAt) {
        public static ObjectionView of(Objection o) {
            return new ObjectionView(o.id, o.step, o.raisedBy, o.reason, o.status, o.answer, o.answeredBy, o.raisedAt,
                    o.answeredAt);
        }
    }

    public record ProgressView(
            @Schema(description = "The update's id") UUID id,
            @Schema(description = "PROGRESS (a cadre's update) or SUPERVISION (the committee's opinion)") Progress.Kind kind,
            @Schema(description = "What it says", examples = "路基已完成。") String note,
            @Schema(description = "How far, for progress", examples = "60") Integer percent,
            @Schema(description = "For supervision: in order or not", examples = "true") Boolean approved,
            @Schema(description = "Who recorded it", examples = "jiyuan-cadre") String recordedBy,
            @Schema(description = "When") Instant recordedAt) {
        public static ProgressView of(Progress p) {
            return new ProgressView(p.id, p.kind, p.note, p.percent, p.approved, p.recordedBy, p.recordedAt);
        }
    }

    /** Households' evaluations counted by rating. */
    public record EvaluationTally(
            @Schema(description = "Households satisfied", examples = "42") long satisfied,
            @Schema(description = "Households basically satisfied", examples = "9") long basicallySatisfied,
            @Schema(description = "Households unsatisfied", examples = "2") long unsatisfied) {
    }

    /** Everything about one matter: where it stands and how it got there. */
    public record MatterDetail(
            @Schema(description = "The matter") MatterView matter,
            @Schema(description = "Its steps in order") List<StepView> timeline,
            @Schema(description = "Its meetings with attendance and votes") List<MeetingView> meetings,
            @Schema(description = "Objections raised in its disclosure windows") List<ObjectionView> objections,
            @Schema(description = "Implementation updates and supervision opinions") List<ProgressView> progress,
            @Schema(description = "The tally of households' evaluations") EvaluationTally evaluations) {
    }

    @Schema(name = "NewMatterObjection")
    public record NewObjection(
            @Schema(description = "Why the villager objects", examples = "预算明细未公开") @NotBlank @Size(max = 2000) String reason) {
    }

    /** An answer to an objection; {@code sendBack} returns the matter to resolution instead of letting the window run on. */
    public record Answer(
            @Schema(description = "The cadre's answer to the objection", examples = "该项目预算已经村务监督委员会审核。") @NotBlank @Size(max = 2000) String answer,
            @Schema(description = "true: the objection holds and the matter goes back to resolution", examples = "false") boolean sendBack) {
    }

    public record NewProgress(
            @Schema(description = "What was done", examples = "路基已完成。") @NotBlank @Size(max = 2000) String note,
            @Schema(description = "How far, 0 to 100", examples = "60") @Min(0) @Max(100) Integer percent) {
    }

    public record NewSupervision(
            @Schema(description = "The committee's opinion", examples = "工程量与预算相符。") @NotBlank @Size(max = 2000) String opinion,
            @Schema(description = "Whether the implementation is in order", examples = "true") @NotNull Boolean approved) {
    }

    public record ResultDisclosure(
            @Schema(description = "The implementation result to disclose", examples = "道路硬化完工，实际支出11.6万元。") @NotBlank @Size(max = 4000) String summary) {
    }

    public record NewEvaluation(
            @Schema(description = "SATISFIED, BASICALLY_SATISFIED or UNSATISFIED") @NotNull Evaluation.Rating rating,
            @Schema(description = "A comment", examples = "路修得很好，希望加装路灯。") @Size(max = 1000) String comment) {
    }

    public record EvaluationView(
            @Schema(description = "The evaluation's id") UUID id,
            @Schema(description = "The household that evaluated") UUID householdId,
            @Schema(description = "SATISFIED, BASICALLY_SATISFIED or UNSATISFIED") Evaluation.Rating rating,
            @Schema(description = "Its comment", examples = "路修得很好，希望加装路灯。") String comment,
            @Schema(description = "When") Instant evaluatedAt) {
        public static EvaluationView of(Evaluation e) {
            return new EvaluationView(e.id, e.householdId, e.rating, e.comment, e.evaluatedAt);
        }
    }
}
