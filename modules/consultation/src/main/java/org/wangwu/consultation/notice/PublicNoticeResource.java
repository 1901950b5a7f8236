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
    public record PublicMatter(UUID id, String villageCode, String category, String title, String description,
                               BigDecimal estimatedAmount, Step step, String stepName, String resolution,
                               String resultSummary, String outcome, Instant disclosureEndsAt, Instant closedAt) {
        static PublicMatter of(Matter m) {
            return new PublicMatter(m.id, m.villageCode, m.category, m.title, m.description, m.estimatedAmount, m.step,
                    m.step.zh(), m.resolution, m.resultSummary, m.outcome, m.disclosureEndsAt, m.closedAt);
        }
    }

    public record PublicMatterDetail(PublicMatter matter, List<StepView> timeline, EvaluationTally evaluations) {
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
    @Operation(summary = "A village's suggestions and how they were answered, newest first")
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
    @Operation(summary = "A village's matters from the disclosure of their resolution on, newest first")
    public Uni<Page<PublicMatter>> disclosed(@PathParam("county") String county,
                                             @PathParam("village") @Pattern(regexp = "[0-9]{12}") String village,
                                             @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int max = Page.limit(limit);
        return tx.inCounty(CountyCode.of(county), s -> matters.list(s, village, null, DISCLOSED, max, cursor))
                .map(page -> new Page<>(page.items().stream().map(PublicMatter::of).toList(), page.nextCursor()));
    }

    @GET
    @Path("/matters/{id}")
    @Operation(summary = "A disclosed matter: its resolution, timeline, result and evaluations")
    public Uni<PublicMatterDetail> matter(@PathParam("county") String county, @PathParam("id") UUID id) {
        return tx.inCounty(CountyCode.of(county), s -> disclosed(s, id).chain(m -> steps.timeline(s, m.id)
                .chain(t -> matters.tally(s, m.id).map(tally -> new PublicMatterDetail(PublicMatter.of(m),
                        t.stream().map(StepView::of).toList(), tally)))));
    }

    @GET
    @Path("/matters/{id}/resolution-notice")
    @Produces({"application/pdf", "application/problem+json"})
    @Operation(summary = "The resolution notice (决议公告) of a disclosed matter as a printable A4 PDF")
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
