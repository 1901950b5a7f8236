package org.wangwu.customs.covenant;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.wangwu.customs.CustomsModule;
import org.wangwu.customs.CustomsPermissions;
import org.wangwu.customs.CustomsSettings;
import org.wangwu.customs.covenant.CovenantService.Meeting;
import org.wangwu.customs.covenant.CovenantService.NewVersion;
import org.wangwu.customs.covenant.CovenantService.VersionView;
import org.wangwu.platform.attachment.Attachment;
import org.wangwu.platform.attachment.Attachments;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.CurrentCaller;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;

/** A village's covenant (村规民约): its versions, how each took effect, and their attachments. */
@Path("/api/v1/counties/{county}/customs")
@Tag(name = "Customs reform")
@Authenticated
public class CovenantResource {

    private static final Set<String> FILE_TYPES = Set.of("image/jpeg", "image/png", "application/pdf");

    @Inject
    TenantTransactions tx;

    @Inject
    CovenantService covenants;

    @Inject
    CustomsSettings settings;

    @Inject
    CustomsPermissions permissions;

    @Inject
    Attachments attachments;

    @Inject
    CurrentCaller currentCaller;

    @GET
    @Path("/villages/{village}/covenant-versions")
    @Operation(summary = "Every version of the village's covenant, newest first",
            description = "Every version of the village's rules and covenant (村规民约), newest first: proposed, in "
                    + "force or superseded.")
    public Uni<List<VersionView>> versions(@PathParam("county") String county,
                                           @PathParam("village") @Pattern(regexp = "[0-9]{12}") String village) {
        return tx.inCounty(CountyCode.of(county), s -> covenants.versions(s, village));
    }

    @GET
    @Path("/villages/{village}/covenant-versions/{id}")
    @Operation(summary = "Read one version of the village's covenant with its attachments",
            description = "One version of the village's rules and covenant (村规民约), the address proposing it "
                    + "answers with: its text, rules, status (proposed, in force or superseded), how it was "
                    + "adopted and its attachments. Readable as the village's versions are.")
    @APIResponse(responseCode = "200", description = "The covenant version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionView.class)))
    public Uni<VersionView> version(@PathParam("county") String county,
                                    @PathParam("village") @Pattern(regexp = "[0-9]{12}") String village,
                                    @Parameter(description = "The version's id", example = "0e2a4c6e-8b0d-4f2a-9c4e-6b8d0f2a4c6e") @PathParam("id") UUID id) {
        return tx.inCounty(CountyCode.of(county), s -> covenants.load(s, id).chain(c -> {
            if (!c.villageCode.equals(village)) {
                throw ProblemException.notFound("Covenant version", id);
            }
            return covenants.view(s, c);
        }));
    }

    @POST
    @Path("/villages/{village}/covenant-versions")
    @Operation(summary = "Propose a version; where the county runs consultations, name the matter that will ratify it",
            description = "Proposes a new version of the village covenant. Where the county runs consultations, "
                    + "name the consultation matter whose resolution will ratify it; it comes into force when that "
                    + "matter is resolved.")
    @APIResponse(responseCode = "201", description = "The covenant version as proposed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionView.class)))
    public Uni<Response> propose(@PathParam("county") String county,
                                 @PathParam("village") @Pattern(regexp = "[0-9]{12}") String village,
                                 @Valid @NotNull NewVersion in) {
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> covenants.propose(s, code, currentCaller.get(), village, in))
                .map(v -> Response.status(201).entity(v).build());
    }

    @POST
    @Path("/covenant-versions/{id}/adoption")
    @Operation(summary = "Record the villagers' meeting that adopted a version (only where consultation is off)",
            description = "Where the county does not run the consultation module, records the villagers' meeting "
                    + "that adopted a covenant version (date, attendance, minutes); the version then comes into "
                    + "force and the one before it is superseded. Where consultation runs, a version comes into "
                    + "force only by the resolution of the matter it names.")
    public Uni<VersionView> adopt(@PathParam("county") String county, @PathParam("id") UUID id,
                                  @Valid @NotNull Meeting in) {
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> covenants.adopt(s, code, currentCaller.get(), id, in));
    }

    @POST
    @Path("/covenant-versions/{id}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Attach a file to a version (the signed covenant, meeting minutes): JPEG, PNG or PDF",
            description = "Attaches a file to a covenant version: the signed covenant, the meeting minutes (JPEG, "
                    + "PNG or PDF).")
    @APIResponse(responseCode = "201", description = "The stored file",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Attachments.AttachmentView.class)))
    public Uni<Response> attach(@PathParam("county") String county, @PathParam("id") UUID id,
                                @RestForm("file") FileUpload file) {
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> covenants.load(s, id).chain(c -> {
            permissions.keepVillageBooks(currentCaller.get(), c.villageCode);
            return settings.current(s);
        }).chain(policy -> attachments.store(s, code, currentCaller.get(), CustomsModule.KEY,
                CovenantService.OWNER_TYPE, id, file, new Attachments.Policy(policy.attachmentMaxBytes(), FILE_TYPES))))
                .map(a -> Response.status(201).entity(a).build());
    }

    @GET
    @Path("/covenant-versions/{id}/attachments/{attachment}")
    @Produces({"image/jpeg", "image/png", "application/pdf", "application/problem+json"})
    @Operation(summary = "Download one attachment of a covenant version",
            description = "Downloads one file attached to a covenant version (the signed covenant, the meeting "
                    + "minutes), the address attaching it answers with, whatever the version's status.")
    public Uni<Response> attachment(@PathParam("county") String county, @PathParam("id") UUID id,
                                    @Parameter(description = "The attachment's id", example = "2c4e6a8b-1d3f-4a5b-8c7d-9e0f1a2b3c4d") @PathParam("attachment") UUID attachment) {
        return tx.inCounty(CountyCode.of(county), s -> covenants.load(s, id)
                        .chain(c -> attachments.read(s, CustomsModule.KEY, CovenantService.OWNER_TYPE, c.id, attachment)))
                .map(Attachment::download);
    }
}
