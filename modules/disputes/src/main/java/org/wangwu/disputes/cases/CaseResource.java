package org.wangwu.disputes.cases;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wangwu.disputes.DisputesModule;
import org.wangwu.disputes.DisputesPermissions;
import org.wangwu.platform.document.ChinesePdf;
import org.wangwu.disputes.cases.CaseRequests.AssignMediators;
import org.wangwu.disputes.cases.CaseRequests.Failure;
import org.wangwu.disputes.cases.CaseRequests.FollowUp;
import org.wangwu.disputes.cases.CaseRequests.JudicialApplication;
import org.wangwu.disputes.cases.CaseRequests.JudicialDecision;
import org.wangwu.disputes.cases.CaseRequests.NewAgreement;
import org.wangwu.disputes.cases.CaseRequests.NewCase;
import org.wangwu.disputes.cases.CaseRequests.NewSession;
import org.wangwu.disputes.cases.CaseRequests.ReferOut;
import org.wangwu.disputes.cases.CaseRequests.SessionRecord;
import org.wangwu.disputes.cases.CaseRequests.Triage;
import org.wangwu.disputes.cases.CaseViews.AgreementView;
import org.wangwu.disputes.cases.CaseViews.CaseDossier;
import org.wangwu.disputes.cases.CaseViews.CaseSummary;
import org.wangwu.disputes.cases.CaseViews.PartyPersonalData;
import org.wangwu.disputes.cases.CaseViews.SessionView;
import org.wangwu.disputes.cases.CaseViews.StepView;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.CurrentCaller;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.web.Page;

/** Dispute cases from intake to closing, and the lists people work from. */
@Path("/api/v1/counties/{county}/disputes")
@Tag(name = "Disputes", description = "Diversified dispute resolution: intake, triage, mediation, agreement, "
        + "judicial confirmation, follow-up (矛盾纠纷多元化解)")
@Authenticated
public class CaseResource {

    @Inject
    TenantTransactions tx;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    CaseFiles files;

    @Inject
    IntakeService intake;

    @Inject
    TriageService triage;

    @Inject
    MediationService mediation;

    @Inject
    JudicialConfirmationService judicial;

    @Inject
    FollowUpService followUps;

    @Inject
    CaseQueries queries;

    @Inject
    DisputesPermissions permissions;


    @POST
    @Path("/cases")
    @Operation(summary = "Take in a case: walk-in, hotline, online (a resident for themself), grid worker or referral",
            description = "Takes in a dispute by any channel: a walk-in at the village mediation room, the hotline, "
                    + "online (a resident filing for themself), a grid worker's report from the field, or a "
                    + "referral from police, court or petition office (with its reference). The parties' ID "
                    + "numbers and phones are stored encrypted; the case gets its number and waits for triage.")
    @APIResponse(responseCode = "201", description = "The case as received, with its number and risk level",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseSummary.class)))
    public Uni<Response> receive(@PathParam("county") String county, @Valid @NotNull NewCase in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> intake.receive(s, code, caller, in))
                .map(view -> Response.status(201).entity(view).build());
    }

    @GET
    @Path("/cases")
    @Operation(summary = "List case summaries, newest first: staff see their reach, residents and grid workers what they filed",
            description = "Case summaries newest first, a page at a time, filtered by level and state. Staff see "
                    + "the cases within their reach; residents and grid workers see what they filed. Summaries "
                    + "carry no personal data.")
    public Uni<Page<CaseSummary>> list(@PathParam("county") String county,
                                       @Parameter(description = "Only cases in this state", example = "IN_MEDIATION") @QueryParam("state") CaseState state,
                                       @Parameter(description = "Only cases at this level", example = "TOWNSHIP") @QueryParam("level") Level level,
                                       @QueryParam("cursor") String cursor,
                                       @QueryParam("limit") Integer limit) {
        Caller caller = currentCaller.get();
        int max = Page.limit(limit);
        return tx.inCounty(CountyCode.of(county), s -> queries.list(s, caller, state, level, cursor, max));
    }

    @GET
    @Path("/cases/{id}")
    @Operation(summary = "A case's summary: place, category, risk, level, state, deadline, mediators (no personal data)",
            description = "A case's summary: place, category, risk, level, state, deadline, the mediators assigned "
                    + "and the steps allowed next. No personal data of the parties.")
    public Uni<CaseSummary> get(@PathParam("county") String county, @PathParam("id") UUID id) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> files.summary(s, caller, id));
    }

    @GET
    @Path("/cases/{id}/history")
    @Operation(summary = "The case's path: every step, between which states, at which level, by whom",
            description = "The case's path from intake: every step, from which state to which, at which level, by "
                    + "whom and when.")
    public Uni<List<StepView>> history(@PathParam("county") String county, @PathParam("id") UUID id) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> files.history(s, caller, id));
    }

    @GET
    @Path("/cases/{id}/dossier")
    @Operation(summary = "The whole file: facts, parties (masked), agreement, referral, judicial confirmation, "
            + "follow-up. For the case's mediators, the mediators above it and county administrators",
            description = "The whole case file: facts, parties (ID numbers and phones masked), referral, earlier "
                    + "mediators, agreement, referral out, judicial confirmation and follow-up. For the case's "
                    + "mediators, the mediators above it and county administrators only.")
    public Uni<CaseDossier> dossier(@PathParam("county") String county, @PathParam("id") UUID id) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> files.dossier(s, caller, id));
    }

    @GET
    @Path("/cases/{id}/parties/{party}/personal-data")
    @Operation(summary = "A party's unmasked ID number and phone (as the dossier; every read is audited)",
            description = "A party's full ID number and phone, for the case's mediators and county administrators "
                    + "who need them. Every read writes an audit record.")
    public Uni<PartyPersonalData> personalData(@PathParam("county") String county, @PathParam("id") UUID id,
                                               @Parameter(description = "The party's id (from the dossier)", example = "3d5f7a9b-2e4c-4b6d-8f0a-1b3c5d7e9f0a") @PathParam("party") UUID party) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> files.personalData(s, code, caller, id, party));
    }

    @POST
    @Path("/cases/{id}/triage")
    @Operation(summary = "Triage: category, risk and level; a risk the county marks so escalates at once",
            description = "Triage by the level the case was received at: its category (neighbours, marriage and "
                    + "family, land and homestead, debts, unpaid wages, ...), its risk, and the level that takes "
                    + "it. A risk the county marks as high escalates the case at once.")
    public Uni<CaseSummary> triage(@PathParam("county") String county, @PathParam("id") UUID id,
                                   @Valid @NotNull Triage in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> triage.triage(s, code, caller, id, in));
    }

    @POST
    @Path("/cases/{id}/assignment")
    @Operation(summary = "Assign the mediators (Keycloak usernames) of the case's level; the deadline follows the county's setting",
            description = "Assigns mediators to the case: staff with the mediator role whose reach covers the "
                    + "case's level and place. The deadline to resolve follows the county's setting for the level.")
    public Uni<CaseSummary> assign(@PathParam("county") String county, @PathParam("id") UUID id,
                                   @Valid @NotNull AssignMediators in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> triage.assign(s, code, caller, id, in));
    }

    @GET
    @Path("/cases/{id}/sessions")
    @Operation(summary = "The case's mediation sessions with participants and minutes (as the dossier)",
            description = "The case's mediation sessions: when and where, who took part, and the minutes.")
    public Uni<List<SessionView>> sessions(@PathParam("county") String county, @PathParam("id") UUID id) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> files.sessions(s, caller, id));
    }

    @POST
    @Path("/cases/{id}/sessions")
    @Operation(summary = "Schedule a mediation session (the case is then in mediation)",
            description = "Schedules a mediation session with its time, place and participants; the case is then in "
                    + "mediation.")
    @APIResponse(responseCode = "201", description = "The scheduled mediation session",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    public Uni<Response> schedule(@PathParam("county") String county, @PathParam("id") UUID id,
                                  @Valid @NotNull NewSession in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> mediation.schedule(s, code, caller, id, in))
                .map(view -> Response.status(201).entity(view).build());
    }

    @GET
    @Path("/cases/{id}/sessions/{session}")
    @Operation(summary = "Read one mediation session of the case, with participants and minutes",
            description = "One mediation session, the address scheduling it answers with: when and where, who "
                    + "took part, and the minutes once it is recorded as held. Whoever reads the case's dossier "
                    + "reads it.")
    @APIResponse(responseCode = "200", description = "The mediation session",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    public Uni<SessionView> session(@PathParam("county") String county, @PathParam("id") UUID id,
                                    @Parameter(description = "The session's id", example = "4e6a8c0d-3f5b-4c7e-9a1b-2c4d6e8f0a1b") @PathParam("session") UUID session) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> files.mediationSession(s, caller, id, session));
    }

    @POST
    @Path("/cases/{id}/sessions/{session}/record")
    @Operation(summary = "Record a session as held: who came, and the minutes",
            description = "Records a scheduled session as held: when, who came, and the minutes.")
    public Uni<SessionView> record(@PathParam("county") String county, @PathParam("id") UUID id,
                                   @Parameter(description = "The session's id", example = "4e6a8c0d-3f5b-4c7e-9a1b-2c4d6e8f0a1b") @PathParam("session") UUID session,
                                   @Valid @NotNull SessionRecord in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> mediation.recordSession(s, code, caller, id, session, in));
    }

    @POST
    @Path("/cases/{id}/agreement")
    @Operation(summary = "Record the agreement reached; its text is the county's template with the case's facts filled in",
            description = "The mediators record the agreement the parties reached. Its text is the county's "
                    + "template with the case's facts filled in; the date it takes effect opens the 30-day window "
                    + "in which the parties may jointly ask a court for judicial confirmation (People's Mediation "
                    + "Law, art. 33), and sets when the follow-up visit is due.")
    @APIResponse(responseCode = "201", description = "The agreement as recorded, with its full text; `Location` is the case's agreement",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class)))
    public Uni<Response> agree(@PathParam("county") String county, @PathParam("id") UUID id,
                               @Valid @NotNull NewAgreement in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> mediation.agree(s, code, caller, id, in))
                .map(view -> Response.created(URI.create("/api/v1/counties/" + county + "/disputes/cases/" + id + "/agreement"))
                        .entity(view).build());
    }

    @GET
    @Path("/cases/{id}/agreement")
    @Operation(summary = "The agreement's terms and full text (as the dossier)",
            description = "The mediation agreement (调解协议书) of the case: its terms, the date it took effect and its "
                    + "full text. For the case's mediators, the mediators above it and county administrators.")
    public Uni<AgreementView> agreement(@PathParam("county") String county, @PathParam("id") UUID id) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> files.agreement(s, caller, id));
    }

    @GET
    @Path("/cases/{id}/agreement/pdf")
    @Produces({"application/pdf", "application/problem+json"})
    @Operation(summary = "The agreement as a printable A4 PDF for the parties to sign (as the dossier)",
            description = "The agreement as a printable A4 PDF in Chinese, for the parties and mediators to sign.")
    public Uni<Response> agreementPdf(@PathParam("county") String county, @PathParam("id") UUID id) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> files.agreement(s, caller, id))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(a -> Response.ok(ChinesePdf.render("调解协议书 " + a.number(), a.text()), "application/pdf")
                        .header("Content-Disposition", "attachment; filename=\"agreement-" + a.number() + ".pdf\"")
                        .build());
    }

    @POST
    @Path("/cases/{id}/failure")
    @Operation(summary = "Mediation failed at this level: the case escalates to the next level the county uses",
            description = "Mediation failed at this level: the case escalates to the next level the county uses "
                    + "(village to township, township to county), keeping its history, and gets new mediators "
                    + "there.")
    public Uni<CaseSummary> fail(@PathParam("county") String county, @PathParam("id") UUID id,
                                 @Valid @NotNull Failure in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> mediation.fail(s, code, caller, id, in));
    }

    @POST
    @Path("/cases/{id}/referral")
    @Operation(summary = "Refer the case out to arbitration, litigation or an administrative body, with the reason",
            description = "Refers the case out of mediation to arbitration, litigation or an administrative body, "
                    + "with the body and the reason; the case's follow-up is still due.")
    public Uni<CaseSummary> referOut(@PathParam("county") String county, @PathParam("id") UUID id,
                                     @Valid @NotNull ReferOut in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> mediation.referOut(s, code, caller, id, in));
    }

    @POST
    @Path("/cases/{id}/judicial-confirmation")
    @Operation(summary = "Record the parties' application for judicial confirmation, inside the county's window",
            description = "Records that the parties jointly applied to a court for judicial confirmation of the "
                    + "agreement, within the window the law and the county allow.")
    public Uni<CaseSummary> applyForConfirmation(@PathParam("county") String county, @PathParam("id") UUID id,
                                                 @Valid @NotNull JudicialApplication in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> judicial.apply(s, code, caller, id, in));
    }

    @POST
    @Path("/cases/{id}/judicial-confirmation/decision")
    @Operation(summary = "Record the court's answer: confirmed or rejected",
            description = "Records the court's answer to the application: confirmed (the agreement is enforceable) "
                    + "or rejected.")
    public Uni<CaseSummary> courtDecision(@PathParam("county") String county, @PathParam("id") UUID id,
                                          @Valid @NotNull JudicialDecision in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> judicial.decide(s, code, caller, id, in));
    }

    @POST
    @Path("/cases/{id}/follow-up")
    @Operation(summary = "Record the follow-up visit once due: honoured closes the case, broken reopens it",
            description = "Records the follow-up visit (回访) once it is due: whether the agreement was honoured and "
                    + "the parties' satisfaction. Honoured closes the case (the loop is closed); broken reopens it "
                    + "for mediation.")
    public Uni<CaseSummary> followUp(@PathParam("county") String county, @PathParam("id") UUID id,
                                     @Valid @NotNull FollowUp in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> followUps.followUp(s, code, caller, id, in));
    }
}
