package org.wangwu.consultation.meeting;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.wangwu.consultation.ConsultationModule;
import org.wangwu.consultation.ConsultationPermissions;
import org.wangwu.consultation.ConsultationSettings;
import org.wangwu.consultation.matter.MatterService;
import org.wangwu.consultation.meeting.MeetingViews.AttendanceList;
import org.wangwu.consultation.meeting.MeetingViews.Conclusion;
import org.wangwu.consultation.meeting.MeetingViews.MeetingView;
import org.wangwu.consultation.meeting.MeetingViews.NewMeeting;
import org.wangwu.consultation.notice.Records;
import org.wangwu.platform.attachment.Attachment;
import org.wangwu.platform.attachment.Attachments;
import org.wangwu.platform.attachment.Attachments.AttachmentView;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.CurrentCaller;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;

/** The meeting of each step: convening, attendance (a list or a sign-in sheet), conclusion, minutes and attachments. */
@Path("/api/v1/counties/{county}/consultation/matters/{id}/meetings")
@Tag(name = "Consultation")
@Authenticated
public class MeetingResource {

    static final String OWNER = "consultation-meeting";
    private static final Set<String> FILE_TYPES = Set.of("image/jpeg", "image/png", "application/pdf");

    @Inject
    TenantTransactions tx;

    @Inject
    ConsultationSettings settings;

    @Inject
    MeetingService meetings;

    @Inject
    MatterService matters;

    @Inject
    Records records;

    @Inject
    Attachments attachments;

    @Inject
    ConsultationPermissions permissions;

    @Inject
    CurrentCaller currentCaller;

    @POST
    @Operation(summary = "Convene the meeting of the matter's current step (409 naming the step if it is not open)",
            description = "Convenes the meeting of the matter's current step with the body the step needs: the two "
                    + "committees for deliberation (商议), the party members' meeting for review (审议), the "
                    + "villagers' meeting or representatives' meeting for resolution (决议). A meeting for a step "
                    + "that is not open is a 409 naming the step.")
    @APIResponse(responseCode = "201", description = "The meeting as opened for the matter's current step",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeetingView.class)))
    public Uni<Response> open(@PathParam("county") String county, @PathParam("id") UUID id,
                              @Valid @NotNull NewMeeting in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> meetings.open(s, code, caller, id, in))
                .map(m -> Response.status(201).entity(m).build());
    }

    @GET
    @Operation(summary = "The matter's meetings with attendance and votes",
            description = "The matter's meetings, each with its body, date, attendance, votes and outcome.")
    public Uni<List<MeetingView>> list(@PathParam("county") String county, @PathParam("id") UUID id) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> matters.readable(s, caller, id).chain(m -> meetings.ofMatter(s, m.id)));
    }

    @GET
    @Path("/{meeting}")
    @Operation(summary = "Read one meeting of the matter with attendance and votes",
            description = "One meeting of the matter, the address convening it answers with: its body, date, "
                    + "attendance, votes and outcome. Whoever reads the matter reads it.")
    @APIResponse(responseCode = "200", description = "The meeting",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeetingView.class)))
    public Uni<MeetingView> get(@PathParam("county") String county, @PathParam("id") UUID id,
                                @Parameter(description = "The meeting's id", example = "1a3c5e7b-9d1f-4b3d-8f5a-7c9e1b3d5f7a") @PathParam("meeting") UUID meeting) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> matters.readable(s, caller, id)
                .chain(m -> meetings.view(s, m.id, meeting)));
    }

    @PUT
    @Path("/{meeting}/attendance")
    @Operation(summary = "Record who is present (members of the body in the register), with proxies where allowed and "
            + "votes per person; replaces the list; every wrong entry is reported and nothing is recorded",
            description = "Records who is present: members of the meeting's body as the register has them, with "
                    + "proxies where the county allows and, for a vote per person, each person's vote. The list "
                    + "replaces the previous one; every wrong entry (not a member, a duplicate, a proxy not "
                    + "allowed) is reported and nothing is recorded.")
    public Uni<MeetingView> attendance(@PathParam("county") String county, @PathParam("id") UUID id,
                                       @Parameter(description = "The meeting's id", example = "1a3c5e7b-9d1f-4b3d-8f5a-7c9e1b3d5f7a") @PathParam("meeting") UUID meeting,
                                       @Valid @NotNull AttendanceList in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> settings.current(s)
                .chain(p -> meetings.attendance(s, code, caller, p, id, meeting, in.attendees())));
    }

    @POST
    @Path("/{meeting}/attendance/sheet")
    @Consumes("text/csv")
    @Operation(summary = "Record attendance from a sign-in sheet in CSV (name,household_number[,proxy_name,"
            + "proxy_household_number][,vote]); every bad row is reported with its number and nothing is recorded",
            description = "Records attendance from a sign-in sheet in CSV "
                    + "(`name,household_number[,proxy_name,proxy_household_number][,vote]`), matched against the "
                    + "register; every bad row is reported with its row number and nothing is recorded.")
    public Uni<MeetingView> sheet(@PathParam("county") String county, @PathParam("id") UUID id,
                                  @Parameter(description = "The meeting's id", example = "1a3c5e7b-9d1f-4b3d-8f5a-7c9e1b3d5f7a") @PathParam("meeting") UUID meeting, String csv) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> settings.current(s)
                .chain(p -> meetings.importSheet(s, code, caller, p, id, meeting, csv == null ? "" : csv)));
    }

    @POST
    @Path("/{meeting}/conclusion")
    @Operation(summary = "Conclude the meeting: quorum from the register and the county's thresholds, votes, minutes; "
            + "the matter passes the step, goes back as the county says, or (no quorum) stays for another meeting",
            description = "Concludes the meeting. Quorum is computed from the register under the Organic Law of "
                    + "Villagers' Committees (a villagers' meeting: more than half of the villagers aged 18 or "
                    + "over, or representatives of more than two thirds of households; a representatives' meeting: "
                    + "more than two thirds of the representatives), stricter where the county says; a decision "
                    + "needs more than half of those present. The matter passes the step, goes back as the county "
                    + "says, or, without quorum, stays for another meeting.")
    public Uni<MeetingView> conclude(@PathParam("county") String county, @PathParam("id") UUID id,
                                     @Parameter(description = "The meeting's id", example = "1a3c5e7b-9d1f-4b3d-8f5a-7c9e1b3d5f7a") @PathParam("meeting") UUID meeting,
                                     @Valid @NotNull Conclusion in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> settings.current(s).chain(p -> meetings.conclude(s, code, caller, p, id, meeting, in)));
    }

    @GET
    @Path("/{meeting}/minutes")
    @Produces({"application/pdf", "application/problem+json"})
    @Operation(summary = "The meeting's minutes as a printable A4 PDF, from the county's template",
            description = "The meeting's minutes as a printable A4 PDF in Chinese, from the county's template, with "
                    + "attendance and votes.")
    public Uni<Response> minutes(@PathParam("county") String county, @PathParam("id") UUID id,
                                 @Parameter(description = "The meeting's id", example = "1a3c5e7b-9d1f-4b3d-8f5a-7c9e1b3d5f7a") @PathParam("meeting") UUID meeting) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> matters.readable(s, caller, id)
                        .chain(m -> meetings.meeting(s, m.id, meeting)
                                .chain(x -> settings.current(s).chain(p -> records.minutes(s, p, m, x)))))
                .emitOn(Infrastructure.getDefaultWorkerPool()).map(Records.Printable::pdf);
    }

    @POST
    @Path("/{meeting}/attachments")
    @Consumes("multipart/form-data")
    @Operation(summary = "Attach a file to a meeting (the signed sign-in or voting sheet, photos, signed minutes)",
            description = "Attaches a file to a meeting: the signed sign-in or voting sheet, photos, the signed "
                    + "minutes (JPEG, PNG or PDF).")
    @APIResponse(responseCode = "201", description = "The stored file",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttachmentView.class)))
    public Uni<Response> attach(@PathParam("county") String county, @PathParam("id") UUID id,
                                @Parameter(description = "The meeting's id", example = "1a3c5e7b-9d1f-4b3d-8f5a-7c9e1b3d5f7a") @PathParam("meeting") UUID meeting,
                                @RestForm("file") FileUpload file) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> matters.readable(s, caller, id).chain(m -> {
                    permissions.recordMeeting(caller, m.villageCode);
                    return meetings.meeting(s, m.id, meeting).chain(x -> settings.current(s).chain(p -> attachments.store(s,
                            code, caller, ConsultationModule.KEY, OWNER, x.id, file,
                            new Attachments.Policy(p.attachmentMaxBytes(), FILE_TYPES))));
                }))
                .map(v -> Response.status(201).entity(v).build());
    }

    @GET
    @Path("/{meeting}/attachments")
    @Operation(summary = "A meeting's attachments",
            description = "The files attached to a meeting: the signed sign-in or voting sheet, photos, signed "
                    + "minutes.")
    public Uni<List<AttachmentView>> attachments(@PathParam("county") String county, @PathParam("id") UUID id,
                                                 @Parameter(description = "The meeting's id", example = "1a3c5e7b-9d1f-4b3d-8f5a-7c9e1b3d5f7a") @PathParam("meeting") UUID meeting) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> matters.readable(s, caller, id)
                .chain(m -> meetings.meeting(s, m.id, meeting))
                .chain(x -> attachments.list(s, ConsultationModule.KEY, OWNER, x.id)));
    }

    @GET
    @Path("/{meeting}/attachments/{attachment}")
    @Produces({"image/jpeg", "image/png", "application/pdf", "application/problem+json"})
    @Operation(summary = "Download one file attached to a meeting",
            description = "Downloads one file attached to a meeting (a signed sheet, a photo, the signed minutes), "
                    + "the address attaching it answers with. Whoever reads the matter reads it.")
    public Uni<Response> attachment(@PathParam("county") String county, @PathParam("id") UUID id,
                                    @Parameter(description = "The meeting's id", example = "1a3c5e7b-9d1f-4b3d-8f5a-7c9e1b3d5f7a") @PathParam("meeting") UUID meeting,
                                    @Parameter(description = "The attachment's id", example = "2c4e6a8b-1d3f-4a5b-8c7d-9e0f1a2b3c4d") @PathParam("attachment") UUID attachment) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> matters.readable(s, caller, id)
                        .chain(m -> meetings.meeting(s, m.id, meeting))
                        .chain(x -> attachments.read(s, ConsultationModule.KEY, OWNER, x.id, attachment)))
                .map(Attachment::download);
    }
}
