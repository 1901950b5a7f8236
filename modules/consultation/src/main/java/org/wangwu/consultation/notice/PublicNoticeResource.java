package org.wangwu.consultation.notice;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.consultation.ConsultationSettings;
import org.wangwu.consultation.matter.Matter;
import org.wangwu.consultation.matter.MatterService;
import org.wangwu.consultation.matter.MatterViews.EvaluationTally;
import org.wangwu.consultation.matter.MatterViews.StepView;
import org.wangwu.consultation.matter.Step;
import org.wangwu.consultation.matter.StepMachine;
import org.wangwu.consultation.suggestion.SuggestionService;
import org.wangwu.consultation.suggestion.SuggestionViews.SuggestionView;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.web.Page;

/**
 * The village's public notice board of consultation (村务公开), open without login: suggestions and
 * their answers, resolutions under disclosure and after, implementation results, evaluations, and
 * the resolution notice. Names appear only as the county allows; never an ID number or a phone.
 */
@Path("/api/v1/public/counties/{county}/consultation")
@Tag(name = "Consultation public notices", description = "What villagers' consultation discloses to everyone, without login")
public class PublicNoticeResource {

    /** The steps at which a matter is on the public board: from its resolution's disclosure on. */
    static final List<Step> DISCLOSED = List.of(Step.RESOLUTION_DISCLOSURE, Step.IMPLEMENTATION, Step.RESULT_DISCLOSURE,
            Step.EVALUATION, Step.CLOSED);

    /** A matter as the public board shows it. */
    public record PublicMatter(
            @Schema(description = "The matter's id") UUID id,
            @Schema(description = "The village", examples = "419001100201") String villageCode,
            @Schema(description = "Its category", examples = "collective-income") String category,
            @Schema(description = "Its title", examples = "村东道路硬化") String title,
            @Schema(description = "What was proposed", examples = "使用集体收入硬化村东800米道路。") String description,
            @Schema(description = "Estimated amount in yuan", examples = "120000") BigDecimal estimatedAmount,
            @Schema(description = "Where it stands") Step step,
            @Schema(description = "The step's name in Chinese", examples = "决议公开") String stepName,
            @Schema(description = "The text resolved", examples = "同意使用集体收入12万元硬化村东道路。") String resolution,
            @Schema(description = "The implementation result", examples = "道路硬化完工，实际支出11.6万元。") String resultSummary,
            @Schema(description = "The outcome of a lighter form", examples = "同意修缮村委会议室") String outcome,
            @Schema(description = "When the current disclosure ends (objections until then)") Instant disclosureEndsAt,
            @Schema(description = "When it was closed") Instant closedAt) {
        static PublicMatter of(Matter m) {
            return new PublicMatter(m.id, m.villageCode, m.category, m.title, m.description, m.estimatedAmount, m.step,
                    m.step.zh(), m.resolution, m.resultSummary, m.outcome, m.disclosureEndsAt, m.closedAt);
        }
    }

    public record PublicMatterDetail(
            @Schema(description = "The matter") PublicMatter matter,
            @Schema(description = "Its steps") List<StepView> timeline,
            @Schema(description = "The tally of households' evaluations") EvaluationTally evaluations) {
    }

    @Inject
    TenantTransactions tx;

    @Inject
    ConsultationSettings settings;

    @Inject
    MatterService matters;

    @Inject
    StepMachine steps;

    @Inject
    SuggestionService suggestions;

    @Inject
    Records records;

    @GET
    @Path("/villages/{village}/suggestions")
    @Operation(summary = "A village's suggestions and how they were answered, newest first",
            description = "A village's suggestions and how cadres answered them, without sign-in; authors are named "
                    + "only in the form the county allows.")
    public Uni<Page<SuggestionView>> suggestions(@PathParam("county") String county,
                                                 @PathParam("village") @Pattern(regexp = "[0-9]{12}") String village,
                                                 @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int max = Page.limit(limit);
        return tx.inCounty(CountyCode.of(county), s -> settings.current(s).chain(p -> suggestions
                .list(s, village, null, null, max, cursor)
                .map(page -> new Page<>(page.items().stream().map(x -> SuggestionView.of(x)
                        .withAuthor(p.publicName(x.authorName))).toList(), page.nextCursor()))));
    }

    @GET
    @Path("/villages/{village}/matters")
    @Operation(summary = "A village's matters from the disclosure of their resolution on, newest first",
            description = "The public board of a village, without sign-in: matters from the disclosure of their "
                    + "resolution on, newest first.")
    public Uni<Page<PublicMatter>> disclosed(@PathParam("county") String county,
                                             @PathParam("village") @Pattern(regexp = "[0-9]{12}") String village,
                                             @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int max = Page.limit(limit);
        return tx.inCounty(CountyCode.of(county), s -> matters.list(s, village, null, DISCLOSED, max, cursor))
                .map(page -> new Page<>(page.items().stream().map(PublicMatter::of).toList(), page.nextCursor()));
    }

    @GET
    @Path("/matters/{id}")
    @Operation(summary = "A disclosed matter: its resolution, timeline, result and evaluations",
            description = "A disclosed matter on the public board, without sign-in: its resolution, timeline, "
                    + "result and the tally of evaluations.")
    public Uni<PublicMatterDetail> matter(@PathParam("county") String county, @PathParam("id") UUID id) {
        return tx.inCounty(CountyCode.of(county), s -> disclosed(s, id).chain(m -> steps.timeline(s, m.id)
                .chain(t -> matters.tally(s, m.id).map(tally -> new PublicMatterDetail(PublicMatter.of(m),
                        t.stream().map(StepView::of).toList(), tally)))));
    }

    @GET
    @Path("/matters/{id}/resolution-notice")
    @Produces({"application/pdf", "application/problem+json"})
    @Operation(summary = "The resolution notice (决议公告) of a disclosed matter as a printable A4 PDF",
            description = "The resolution notice (决议公告) of a disclosed matter as a printable A4 PDF, without sign-in.")
    public Uni<Response> notice(@PathParam("county") String county, @PathParam("id") UUID id) {
        return tx.inCounty(CountyCode.of(county), s -> disclosed(s, id)
                        .chain(m -> settings.current(s).chain(p -> records.resolutionNotice(s, p, m))))
                .emitOn(Infrastructure.getDefaultWorkerPool()).map(Records.Printable::pdf);
    }

    private Uni<Matter> disclosed(Mutiny.Session s, UUID id) {
        return s.find(Matter.class, id).map(m -> {
            if (m == null || !DISCLOSED.contains(m.step)) {
                throw ProblemException.notFound("Disclosed matter", id);
            }
            return m;
        });
    }
}
