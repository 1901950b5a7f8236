package org.wangwu.consultation.matter;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wangwu.consultation.ConsultationPermissions;
import org.wangwu.consultation.ConsultationSettings;
import org.wangwu.consultation.matter.MatterViews.Answer;
import org.wangwu.consultation.matter.MatterViews.EvaluationView;
import org.wangwu.consultation.matter.MatterViews.MatterDetail;
import org.wangwu.consultation.matter.MatterViews.MatterView;
import org.wangwu.consultation.matter.MatterViews.NewEvaluation;
import org.wangwu.consultation.matter.MatterViews.NewMatter;
import org.wangwu.consultation.matter.MatterViews.NewObjection;
import org.wangwu.consultation.matter.MatterViews.NewProgress;
import org.wangwu.consultation.matter.MatterViews.NewSupervision;
import org.wangwu.consultation.matter.MatterViews.ObjectionView;
import org.wangwu.consultation.matter.MatterViews.ProgressView;
import org.wangwu.consultation.matter.MatterViews.ResultDisclosure;
import org.wangwu.consultation.notice.Records;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.CurrentCaller;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.web.Page;

/** Matters: proposal, reading with the timeline, the two disclosures, implementation, evaluation and closing. */
@Path("/api/v1/counties/{county}/consultation/matters")
@Tag(name = "Consultation")
@Authenticated
public class MatterResource {

    @Inject
    TenantTransactions tx;

    @Inject
    ConsultationSettings settings;

    @Inject
    MatterService matters;

    @Inject
    DisclosureService disclosures;

    @Inject
    Records records;

    @Inject
    ConsultationPermissions permissions;

    @Inject
    CurrentCaller currentCaller;

    @POST
    @Operation(summary = "Propose a matter (the village party branch, through a cadre of the village), optionally "
            + "merging villagers' suggestions; a lighter form for categories that do not need the full procedure",
            description = "A village cadre records a matter the party branch proposes (提议), optionally merging "
                    + "villagers' suggestions into it. Categories the county lists for the full procedure (use of "
                    + "collective income, land contracting plans, homestead allocation, distribution of "
                    + "compensation, ...) take the four discussions and two disclosures (四议两公开); other matters may "
                    + "take a lighter form (a courtyard meeting, a council session) that records attendance, "
                    + "minutes and outcome only.")
    @APIResponse(responseCode = "201", description = "The matter as proposed, at its first step",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MatterView.class)))
    public Uni<Response> propose(@PathParam("county") String county, @Valid @NotNull NewMatter in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> settings.current(s).chain(p -> matters.create(s, code, caller, p, in)))
                .map(m -> Response.status(201).entity(m).build());
    }

    @GET
    @Operation(summary = "Matters of a place (village, township or the county; default: your reach), newest first, "
            + "optionally at one step",
            description = "The matters of a village, township or the whole county (by default the caller's reach), "
                    + "newest first, optionally only those at one step.")
    public Uni<Page<MatterView>> list(@PathParam("county") String county,
                                      @QueryParam("place") @Pattern(regexp = "[0-9]{6}|[0-9]{9}|[0-9]{12}") String place,
                                      @Parameter(description = "Only matters at this step", example = "RESOLUTION") @QueryParam("step") Step step,
                                      @QueryParam("limit") Integer limit,
                                      @QueryParam("cursor") String cursor) {
        Caller caller = currentCaller.get();
        String where = place != null ? place : caller.village().or(caller::township).orElse(county);
        permissions.read(caller, where);
        int max = Page.limit(limit);
        return tx.inCounty(CountyCode.of(county), s -> matters.list(s, where, step, null, max, cursor))
                .map(page -> new Page<>(page.items().stream().map(MatterView::of).toList(), page.nextCursor()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A matter with its timeline, meetings (attendance and votes), objections, implementation "
            + "and evaluations",
            description = "A matter with everything villagers and cadres follow: its timeline of steps, each "
                    + "meeting with attendance and votes, objections raised in the disclosure windows, "
                    + "implementation updates, the supervision committee's opinions and the evaluations.")
    public Uni<MatterDetail> get(@PathParam("county") String county, @PathParam("id") UUID id) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> matters.readable(s, caller, id).chain(m -> matters.detail(s, m)));
    }

    @POST
    @Path("/{id}/objections")
    @Operation(summary = "A villager of the matter's village objects inside a disclosure window",
            description = "A villager of the matter's village objects while the resolution or the result is "
                    + "publicly disclosed. Outside a disclosure window the objection is refused (409).")
    @APIResponse(responseCode = "201", description = "The objection as raised during the disclosure window",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ObjectionView.class)))
    public Uni<Response> object(@PathParam("county") String county, @PathParam("id") UUID id,
                                @Valid @NotNull NewObjection in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> disclosures.object(s, code, caller, id, in.reason()))
                .map(o -> Response.status(201).entity(ObjectionView.of(o)).build());
    }

    @GET
    @Path("/{id}/objections/{objection}")
    @Operation(summary = "Read one objection to the matter, with its answer once given",
            description = "One objection raised in a disclosure window, the address raising it answers with: who "
                    + "objected and why, and the cadre's answer once given. Whoever reads the matter reads it, as "
                    + "the matter's objections are shown with the matter.")
    @APIResponse(responseCode = "200", description = "The objection",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ObjectionView.class)))
    public Uni<ObjectionView> objection(@PathParam("county") String county, @PathParam("id") UUID id,
                                        @Parameter(description = "The objection's id", example = "5b7d9f1a-3c5e-4a7b-9d1f-3a5c7e9b1d3f") @PathParam("objection") UUID objection) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> matters.readable(s, caller, id)
                .chain(m -> matters.objection(s, m.id, objection))).map(ObjectionView::of);
    }

    @POST
    @Path("/{id}/objections/{objection}/answer")
    @Operation(summary = "A cadre answers an objection, or sends the matter back to resolution (决议)",
            description = "A cadre answers an objection, or sends the matter back to resolution (决议) when the "
                    + "objection holds.")
    public Uni<MatterView> answer(@PathParam("county") String county, @PathParam("id") UUID id,
                                  @Parameter(description = "The objection answered", example = "5b7d9f1a-3c5e-4a7b-9d1f-3a5c7e9b1d3f") @PathParam("objection") UUID objection,
                                  @Valid @NotNull Answer in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> settings.current(s)
                .chain(p -> disclosures.answer(s, code, caller, p, id, objection, in))).map(MatterView::of);
    }

    @POST
    @Path("/{id}/progress")
    @Operation(summary = "A cadre reports implementation progress (once the resolution's disclosure has ended)",
            description = "A cadre reports implementation progress (a note and a percentage) once the resolution's "
                    + "disclosure has ended.")
    @APIResponse(responseCode = "201", description = "The implementation update as recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgressView.class)))
    public Uni<Response> progress(@PathParam("county") String county, @PathParam("id") UUID id,
                                  @Valid @NotNull NewProgress in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> settings.current(s).chain(p -> disclosures.progress(s, code, caller, p, id, in)))
                .map(x -> Response.status(201).entity(ProgressView.of(x)).build());
    }

    @GET
    @Path("/{id}/progress/{update}")
    @Operation(summary = "Read one implementation update of the matter",
            description = "One implementation update (a note and a percentage), the address reporting it answers "
                    + "with. Whoever reads the matter reads it, as the updates are shown with the matter.")
    @APIResponse(responseCode = "200", description = "The implementation update",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgressView.class)))
    public Uni<ProgressView> progressUpdate(@PathParam("county") String county, @PathParam("id") UUID id,
                                            @Parameter(description = "The update's id", example = "2c4e6a8b-0d2f-4a6c-8e0b-2d4f6a8c0e2b") @PathParam("update") UUID update) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> matters.readable(s, caller, id)
                .chain(m -> matters.progress(s, m.id, Progress.Kind.PROGRESS, update))).map(ProgressView::of);
    }

    @POST
    @Path("/{id}/supervision")
    @Operation(summary = "A member of the village affairs supervision committee gives an opinion on the implementation",
            description = "A member of the village affairs supervision committee (村务监督委员会) gives an opinion on the "
                    + "implementation, in order or not. The result can only be disclosed after an approving "
                    + "opinion.")
    @APIResponse(responseCode = "201", description = "The supervision committee's finding as recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgressView.class)))
    public Uni<Response> supervise(@PathParam("county") String county, @PathParam("id") UUID id,
                                   @Valid @NotNull NewSupervision in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> disclosures.supervise(s, code, caller, id, in))
                .map(x -> Response.status(201).entity(ProgressView.of(x)).build());
    }

    @GET
    @Path("/{id}/supervision/{opinion}")
    @Operation(summary = "Read one opinion of the village affairs supervision committee on the matter",
            description = "One opinion of the village affairs supervision committee (in order or not), the address "
                    + "giving it answers with. Whoever reads the matter reads it, as the opinions are shown with "
                    + "the matter.")
    @APIResponse(responseCode = "200", description = "The supervision committee's opinion",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgressView.class)))
    public Uni<ProgressView> supervisionOpinion(@PathParam("county") String county, @PathParam("id") UUID id,
                                                @Parameter(description = "The opinion's id", example = "6e8a0c2d-4f6b-4c8e-9a2d-4f6b8d0a2c4e") @PathParam("opinion") UUID opinion) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> matters.readable(s, caller, id)
                .chain(m -> matters.progress(s, m.id, Progress.Kind.SUPERVISION, opinion))).map(ProgressView::of);
    }

    @POST
    @Path("/{id}/result")
    @Operation(summary = "A cadre discloses the implementation result, once the supervision committee found it in order",
            description = "A cadre discloses the implementation result (实施结果公开) once the village affairs "
                    + "supervision committee found the implementation in order; villagers may then object and "
                    + "evaluate.")
    public Uni<MatterView> result(@PathParam("county") String county, @PathParam("id") UUID id,
                                  @Valid @NotNull ResultDisclosure in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> settings.current(s)
                .chain(p -> disclosures.discloseResult(s, code, caller, p, id, in.summary()))).map(MatterView::of);
    }

    @POST
    @Path("/{id}/evaluations")
    @Operation(summary = "A villager evaluates the disclosed result for their household, once per household",
            description = "A villager evaluates the disclosed implementation result for their household: satisfied, "
                    + "basically satisfied or unsatisfied, with a comment. Once per household.")
    @APIResponse(responseCode = "201", description = "The household's evaluation as recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationView.class)))
    public Uni<Response> evaluate(@PathParam("county") String county, @PathParam("id") UUID id,
                                  @Valid @NotNull NewEvaluation in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> settings.current(s).chain(p -> disclosures.evaluate(s, code, caller, p, id, in)))
                .map(e -> Response.status(201).entity(EvaluationView.of(e)).build());
    }

    @GET
    @Path("/{id}/evaluations/{evaluation}")
    @Operation(summary = "Read one household's evaluation of the matter (whoever gave it, and staff in reach)",
            description = "One household's evaluation of the disclosed result, the address evaluating answers "
                    + "with. The villager who gave it and county staff who reach the village read it; other "
                    + "villagers see only the tally in the matter (403).")
    @APIResponse(responseCode = "200", description = "The household's evaluation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationView.class)))
    public Uni<EvaluationView> evaluation(@PathParam("county") String county, @PathParam("id") UUID id,
                                          @Parameter(description = "The evaluation's id", example = "8a0c2e4f-6b8d-4e0a-8c4e-6b8d0f2a4c6e") @PathParam("evaluation") UUID evaluation) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> matters.readable(s, caller, id)
                .chain(m -> matters.evaluation(s, caller, m, evaluation))).map(EvaluationView::of);
    }

    @POST
    @Path("/{id}/close")
    @Operation(summary = "A cadre closes the evaluation and the matter",
            description = "A cadre closes the evaluation of the result; the matter is then closed and its "
                    + "evaluations final.")
    public Uni<MatterView> close(@PathParam("county") String county, @PathParam("id") UUID id) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> disclosures.close(s, code, caller, id)).map(MatterView::of);
    }

    @GET
    @Path("/{id}/resolution-notice")
    @Produces({"application/pdf", "application/problem+json"})
    @Operation(summary = "The resolution notice (决议公告) as a printable A4 PDF, from the county's template",
            description = "The resolution notice (决议公告) as a printable A4 PDF in Chinese, from the county's "
                    + "template, to post on the village notice board.")
    public Uni<Response> resolutionNotice(@PathParam("county") String county, @PathParam("id") UUID id) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> matters.readable(s, caller, id)
                        .chain(m -> settings.current(s).chain(p -> records.resolutionNotice(s, p, m))))
                .emitOn(Infrastructure.getDefaultWorkerPool()).map(Records.Printable::pdf);
    }
}
