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
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(summary = "Convene the meeting of the matter's current step (409 naming the step if it is not open)")
    public Uni<Response> open(@PathParam("county") String county, @PathParam("id") UUID id,
                              @Valid @NotNull NewMeeting in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> meetings.open(s, code, caller, id, in))
                .map(m -> Response.status(201).entity(m).build());
    }

    @GET
    @Operation(summary = "The matter's meetings with attendance and votes")
    public Uni<List<MeetingView>> list(@PathParam("county") String county, @PathParam("id") UUID id) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> matters.readable(s, caller, id).chain(m -> meetings.ofMatter(s, m.id)));
    }

    @PUT
    @Path("/{meeting}/attendance")
    @Operation(summary = "Record who is present (members of the body in the register), with proxies where allowed and "
            + "votes per person; replaces the list; every wrong entry is reported and nothing is recorded")
    public Uni<MeetingView> attendance(@PathParam("county") String county, @PathParam("id") UUID id,
                                       @PathParam("meeting") UUID meeting, @Valid @NotNull AttendanceList in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> settings.current(s)
                .chain(p -> meetings.attendance(s, code, caller, p, id, meeting, in.attendees())));
    }

    @POST
    @Path("/{meeting}/attendance/sheet")
    @Consumes("text/csv")
    @Operation(summary = "Record attendance from a sign-in sheet in CSV (name,household_number[,proxy_name,"
            + "proxy_household_number][,vote]); every bad row is reported with its number and nothing is recorded")
    public Uni<MeetingView> sheet(@PathParam("county") String county, @PathParam("id") UUID id,
                                  @PathParam("meeting") UUID meeting, String csv) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> settings.current(s)
                .chain(p -> meetings.importSheet(s, code, caller, p, id, meeting, csv == null ? "" : csv)));
    }

    @POST
    @Path("/{meeting}/conclusion")
    @Operation(summary = "Conclude the meeting: quorum from the register and the county's thresholds, votes, minutes; "
            + "the matter passes the step, goes back as the county says, or (no quorum) stays for another meeting")
    public Uni<MeetingView> conclude(@PathParam("county") String county, @PathParam("id") UUID id,
                                     @PathParam("meeting") UUID meeting, @Valid @NotNull Conclusion in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> settings.current(s).chain(p -> meetings.conclude(s, code, caller, p, id, meeting, in)));
    }

    @GET
    @Path("/{meeting}/minutes")
    @Produces({"application/pdf", "application/problem+json"})
    @Operation(summary = "The meeting's minutes as a printable A4 PDF, from the county's template")
    public Uni<Response> minutes(@PathParam("county") String county, @PathParam("id") UUID id,
                                 @PathParam("meeting") UUID meeting) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> matters.readable(s, caller, id)
                        .chain(m -> meetings.meeting(s, m.id, meeting)
                                .chain(x -> settings.current(s).chain(p -> records.minutes(s, p, m, x)))))
                .emitOn(Infrastructure.getDefaultWorkerPool()).map(Records.Printable::pdf);
    }

    @POST
    @Path("/{meeting}/attachments")
    @Consumes("multipart/form-data")
    @Operation(summary = "Attach a file to a meeting (the signed sign-in or voting sheet, photos, signed minutes)")
    public Uni<Response> attach(@PathParam("county") String county, @PathParam("id") UUID id,
                                @PathParam("meeting") UUID meeting, @RestForm("file") FileUpload file) {
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
    @Operation(summary = "A meeting's attachments")
    public Uni<List<AttachmentView>> attachments(@PathParam("county") String county, @PathParam("id") UUID id,
                                                 @PathParam("meeting") UUID meeting) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> matters.readable(s, caller, id)
                .chain(m -> meetings.meeting(s, m.id, meeting))
                .chain(x -> attachments.list(s, ConsultationModule.KEY, OWNER, x.id)));
    }
}
