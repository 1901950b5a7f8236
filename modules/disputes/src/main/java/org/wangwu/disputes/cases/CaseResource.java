package org.wangwu.disputes.cases;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
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
import org.wangwu.disputes.cases.CaseViews.MediatorWorkbench;
import org.wangwu.disputes.cases.CaseViews.Oversight;
import org.wangwu.disputes.cases.CaseViews.PartyPersonalData;
import org.wangwu.disputes.cases.CaseViews.SessionView;
import org.wangwu.disputes.cases.CaseViews.StepView;
import org.wangwu.platform.attachment.Attachments;
import org.wangwu.platform.attachment.Attachments.AttachmentView;
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

    private static final java.util.Set<String> EVIDENCE_TYPES = java.util.Set.of("image/jpeg", "image/png",
            "application/pdf");

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

    @Inject
    Attachments attachments;

    @POST
    @Path("/cases")
    @Operation(summary = "Take in a case: walk-in, hotline, online (a resident for themself), grid worker or referral")
    public Uni<Response> receive(@PathParam("county") String county, @Valid @NotNull NewCase in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> intake.receive(s, code, caller, in))
                .map(view -> Response.status(201).entity(view).build());
    }

    @GET
    @Path("/cases")
    @Operation(summary = "List case summaries, newest first: staff see their reach, residents and grid workers what they filed")
    public Uni<Page<CaseSummary>> list(@PathParam("county") String county, @QueryParam("state") CaseState state,
                                       @QueryParam("level") Level level, @QueryParam("cursor") String cursor,
                                       @QueryParam("limit") Integer limit) {
        Caller caller = currentCaller.get();
        int max = Page.limit(limit);
        return tx.inCounty(CountyCode.of(county), s -> queries.list(s, caller, state, level, cursor, max));
    }

    @GET
    @Path("/cases/{id}")
    @Operation(summary = "A case's summary: place, category, risk, level, state, deadline, mediators (no personal data)")
    public Uni<CaseSummary> get(@PathParam("county") String county, @PathParam("id") UUID id) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> files.summary(s, caller, id));
    }

    @GET
    @Path("/cases/{id}/history")
    @Operation(summary = "The case's path: every step, between which states, at which level, by whom")
    public Uni<List<StepView>> history(@PathParam("county") String county, @PathParam("id") UUID id) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> files.history(s, caller, id));
    }

    @GET
    @Path("/cases/{id}/dossier")
    @Operation(summary = "The whole file: facts, parties (masked), agreement, referral, judicial confirmation, "
            + "follow-up. For the case's mediators, the mediators above it and county administrators")
    public Uni<CaseDossier> dossier(@PathParam("county") String county, @PathParam("id") UUID id) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> files.dossier(s, caller, id));
    }

    @GET
    @Path("/cases/{id}/parties/{party}/personal-data")
    @Operation(summary = "A party's unmasked ID number and phone (as the dossier; every read is audited)")
    public Uni<PartyPersonalData> personalData(@PathParam("county") String county, @PathParam("id") UUID id,
                                               @PathParam("party") UUID party) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> files.personalData(s, code, caller, id, party));
    }

    @POST
    @Path("/cases/{id}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Add evidence (JPEG, PNG or PDF, up to the county's size limit)")
    public Uni<Response> attach(@PathParam("county") String county, @PathParam("id") UUID id,
                                @RestForm("file") FileUpload file) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> files.load(s, id).chain(found -> {
            permissions.attach(caller, found);
            return files.rules(s);
        }).chain(rules -> attachments.store(s, code, caller, DisputesModule.KEY, CasePath.OWNER_TYPE, id, file,
                new Attachments.Policy(rules.attachmentMaxBytes(), EVIDENCE_TYPES))))
                .map(view -> Response.status(201).entity(view).build());
    }

    @GET
    @Path("/cases/{id}/attachments")
    @Operation(summary = "The case's evidence files (as the dossier)")
    public Uni<List<AttachmentView>> attachments(@PathParam("county") String county, @PathParam("id") UUID id) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> files.load(s, id).chain(found -> {
            permissions.readDossier(caller, found);
            return attachments.list(s, DisputesModule.KEY, CasePath.OWNER_TYPE, id);
        }));
    }

    @GET
    @Path("/cases/{id}/attachments/{attachment}")
    @Produces({"image/jpeg", "image/png", "application/pdf", "application/problem+json"})
    @Operation(summary = "Download one evidence file (as the dossier)")
    public Uni<Response> attachment(@PathParam("county") String county, @PathParam("id") UUID id,
                                    @PathParam("attachment") UUID attachment) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> files.load(s, id).chain(found -> {
            permissions.readDossier(caller, found);
            return attachments.read(s, DisputesModule.KEY, CasePath.OWNER_TYPE, id, attachment);
        })).map(a -> Response.ok(a.content, a.contentType)
                .header("Content-Disposition", "attachment; filename=\"" + a.id + "\"").build());
    }

    @POST
    @Path("/cases/{id}/triage")
    @Operation(summary = "Triage: category, risk and level; a risk the county marks so escalates at once")
    public Uni<CaseSummary> triage(@PathParam("county") String county, @PathParam("id") UUID id,
                                   @Valid @NotNull Triage in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> triage.triage(s, code, caller, id, in));
    }

    @POST
    @Path("/cases/{id}/assignment")
    @Operation(summary = "Assign the mediators (Keycloak usernames) of the case's level; the deadline follows the county's setting")
    public Uni<CaseSummary> assign(@PathParam("county") String county, @PathParam("id") UUID id,
                                   @Valid @NotNull AssignMediators in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> triage.assign(s, code, caller, id, in));
    }

    @GET
    @Path("/cases/{id}/sessions")
    @Operation(summary = "The case's mediation sessions with participants and minutes (as the dossier)")
    public Uni<List<SessionView>> sessions(@PathParam("county") String county, @PathParam("id") UUID id) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> files.sessions(s, caller, id));
    }

    @POST
    @Path("/cases/{id}/sessions")
    @Operation(summary = "Schedule a mediation session (the case is then in mediation)")
    public Uni<Response> schedule(@PathParam("county") String county, @PathParam("id") UUID id,
                                  @Valid @NotNull NewSession in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> mediation.schedule(s, code, caller, id, in))
                .map(view -> Response.status(201).entity(view).build());
    }

    @POST
    @Path("/cases/{id}/sessions/{session}/record")
    @Operation(summary = "Record a session as held: who came, and the minutes")
    public Uni<SessionView> record(@PathParam("county") String county, @PathParam("id") UUID id,
                                   @PathParam("session") UUID session, @Valid @NotNull SessionRecord in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> mediation.recordSession(s, code, caller, id, session, in));
    }

    @POST
    @Path("/cases/{id}/agreement")
    @Operation(summary = "Record the agreement reached; its text is the county's template with the case's facts filled in")
    public Uni<Response> agree(@PathParam("county") String county, @PathParam("id") UUID id,
                               @Valid @NotNull NewAgreement in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> mediation.agree(s, code, caller, id, in))
                .map(view -> Response.status(201).entity(view).build());
    }

    @GET
    @Path("/cases/{id}/agreement")
    @Operation(summary = "The agreement's terms and full text (as the dossier)")
    public Uni<AgreementView> agreement(@PathParam("county") String county, @PathParam("id") UUID id) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> files.agreement(s, caller, id));
    }

    @GET
    @Path("/cases/{id}/agreement/pdf")
    @Produces({"application/pdf", "application/problem+json"})
    @Operation(summary = "The agreement as a printable A4 PDF for the parties to sign (as the dossier)")
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
    @Operation(summary = "Mediation failed at this level: the case escalates to the next level the county uses")
    public Uni<CaseSummary> fail(@PathParam("county") String county, @PathParam("id") UUID id,
                                 @Valid @NotNull Failure in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> mediation.fail(s, code, caller, id, in));
    }

    @POST
    @Path("/cases/{id}/referral")
    @Operation(summary = "Refer the case out to arbitration, litigation or an administrative body, with the reason")
    public Uni<CaseSummary> referOut(@PathParam("county") String county, @PathParam("id") UUID id,
                                     @Valid @NotNull ReferOut in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> mediation.referOut(s, code, caller, id, in));
    }

    @POST
    @Path("/cases/{id}/judicial-confirmation")
    @Operation(summary = "Record the parties' application for judicial confirmation, inside the county's window")
    public Uni<CaseSummary> applyForConfirmation(@PathParam("county") String county, @PathParam("id") UUID id,
                                                 @Valid @NotNull JudicialApplication in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> judicial.apply(s, code, caller, id, in));
    }

    @POST
    @Path("/cases/{id}/judicial-confirmation/decision")
    @Operation(summary = "Record the court's answer: confirmed or rejected")
    public Uni<CaseSummary> courtDecision(@PathParam("county") String county, @PathParam("id") UUID id,
                                          @Valid @NotNull JudicialDecision in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> judicial.decide(s, code, caller, id, in));
    }

    @POST
    @Path("/cases/{id}/follow-up")
    @Operation(summary = "Record the follow-up visit once due: honoured closes the case, broken reopens it")
    public Uni<CaseSummary> followUp(@PathParam("county") String county, @PathParam("id") UUID id,
                                     @Valid @NotNull FollowUp in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> followUps.followUp(s, code, caller, id, in));
    }

    @GET
    @Path("/workbench/mediator")
    @Operation(summary = "A mediator's workbench: my open cases, due soon, overdue, follow-ups due")
    public Uni<MediatorWorkbench> mediatorWorkbench(@PathParam("county") String county) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> files.rules(s)
                .chain(rules -> queries.mediatorWorkbench(s, caller, rules.dueSoonDays())));
    }

    @GET
    @Path("/workbench/oversight")
    @Operation(summary = "Oversight for a township (its cases) or the county (all): unassigned, overdue, "
            + "follow-ups due, open cases by level")
    public Uni<Oversight> oversight(@PathParam("county") String county, @QueryParam("level") Level level) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> queries.oversight(s, caller, level));
    }
}
