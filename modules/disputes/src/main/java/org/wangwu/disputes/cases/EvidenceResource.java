package org.wangwu.disputes.cases;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
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
import org.wangwu.disputes.DisputesModule;
import org.wangwu.disputes.DisputesPermissions;
import org.wangwu.platform.attachment.Attachment;
import org.wangwu.platform.attachment.Attachments;
import org.wangwu.platform.attachment.Attachments.AttachmentView;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.CurrentCaller;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;

/** A case's evidence: photos and documents added to it, read by whoever may read its dossier. */
@Path("/api/v1/counties/{county}/disputes/cases")
@Tag(name = "Disputes")
@Authenticated
public class EvidenceResource {

    private static final Set<String> EVIDENCE_TYPES = Set.of("image/jpeg", "image/png", "application/pdf");

    @Inject
    TenantTransactions tx;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    CaseFiles files;

    @Inject
    DisputesPermissions permissions;

    @Inject
    Attachments attachments;

    @POST
    @Path("/{id}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Add evidence (JPEG, PNG or PDF, up to the county's size limit)",
            description = "Adds evidence to the case: JPEG, PNG or PDF up to the county's size limit, checked by "
                    + "content.")
    @APIResponse(responseCode = "201", description = "The stored evidence file",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttachmentView.class)))
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
    @Path("/{id}/attachments")
    @Operation(summary = "The case's evidence files (as the dossier)",
            description = "The case's evidence files (photos, documents).")
    public Uni<List<AttachmentView>> list(@PathParam("county") String county, @PathParam("id") UUID id) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> files.load(s, id).chain(found -> {
            permissions.readDossier(caller, found);
            return attachments.list(s, DisputesModule.KEY, CasePath.OWNER_TYPE, id);
        }));
    }

    @GET
    @Path("/{id}/attachments/{attachment}")
    @Produces({"image/jpeg", "image/png", "application/pdf", "application/problem+json"})
    @Operation(summary = "Download one evidence file (as the dossier)",
            description = "Downloads one evidence file of the case.")
    public Uni<Response> file(@PathParam("county") String county, @PathParam("id") UUID id,
                                    @Parameter(description = "The evidence file's id", example = "2c4e6a8b-1d3f-4a5b-8c7d-9e0f1a2b3c4d") @PathParam("attachment") UUID attachment) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> files.load(s, id).chain(found -> {
            permissions.readDossier(caller, found);
            return attachments.read(s, DisputesModule.KEY, CasePath.OWNER_TYPE, id, attachment);
        })).map(Attachment::download);
    }
}
