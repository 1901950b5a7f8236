package org.wangwu.consultation.suggestion;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.wangwu.platform.attachment.Attachments.AttachmentView;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wangwu.consultation.ConsultationPermissions;
import org.wangwu.consultation.ConsultationSettings;
import org.wangwu.consultation.suggestion.SuggestionViews.NewSuggestion;
import org.wangwu.consultation.suggestion.SuggestionViews.Reply;
import org.wangwu.consultation.suggestion.SuggestionViews.SuggestionView;
import org.wangwu.platform.attachment.Attachment;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.CurrentCaller;
import org.wangwu.platform.identity.Role;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.web.Page;

/** Villagers' suggestions (意见征集): submitted by villagers, followed by their authors, answered by cadres. */
@Path("/api/v1/counties/{county}/consultation/suggestions")
@Tag(name = "Consultation")
@Authenticated
public class SuggestionResource {

    @Inject
    TenantTransactions tx;

    @Inject
    ConsultationSettings settings;

    @Inject
    SuggestionService suggestions;

    @Inject
    ConsultationPermissions permissions;

    @Inject
    CurrentCaller currentCaller;

    @POST
    @Operation(summary = "A villager suggests a matter for their village",
            description = "A villager suggests a matter for their village (a road to repair, a use of collective "
                    + "income). Cadres answer it, decline it with a reason, or merge it into a matter they "
                    + "propose.")
    @APIResponse(responseCode = "201", description = "The suggestion as submitted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SuggestionView.class)))
    public Uni<Response> submit(@PathParam("county") String county, @Valid @NotNull NewSuggestion in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> settings.current(s).chain(p -> suggestions.submit(s, code, caller, p, in)))
                .map(x -> Response.status(201).entity(SuggestionView.of(x)).build());
    }

    @GET
    @Operation(summary = "Residents: their own suggestions; staff: the suggestions of a place in reach; newest first",
            description = "Suggestions newest first, optionally of one status: a resident sees their own, staff "
                    + "those of a place within their reach.")
    public Uni<Page<SuggestionView>> list(@PathParam("county") String county,
                                          @QueryParam("place") @Pattern(regexp = "[0-9]{6}|[0-9]{9}|[0-9]{12}") String place,
                                          @Parameter(description = "Only suggestions in this status", example = "OPEN") @QueryParam("status") Suggestion.Status status,
                                          @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Caller caller = currentCaller.get();
        int max = Page.limit(limit);
        String where = place != null ? place : caller.village().or(caller::township).orElse(county);
        String author = caller.has(Role.RESIDENT) && place == null ? caller.actor() : null;
        if (author == null) {
            permissions.read(caller, where);
        }
        return tx.inCounty(CountyCode.of(county), s -> suggestions.list(s, where, author, status, max, cursor))
                .map(page -> new Page<>(page.items().stream().map(SuggestionView::of).toList(), page.nextCursor()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One suggestion (its author, or anyone who reads the village)",
            description = "One suggestion, for its author or anyone who reads the village.")
    public Uni<SuggestionView> get(@PathParam("county") String county, @PathParam("id") UUID id) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> suggestions.readable(s, caller, id)).map(SuggestionView::of);
    }

    @POST
    @Path("/{id}/reply")
    @Operation(summary = "A cadre answers the suggestion without making it a matter",
            description = "A cadre answers the suggestion without making it a matter (it was already in hand, or "
                    + "needs no decision of the village).")
    public Uni<SuggestionView> reply(@PathParam("county") String county, @PathParam("id") UUID id,
                                     @Valid @NotNull Reply in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> suggestions.answer(s, code, caller, id, Suggestion.Status.REPLIED, in.text()))
                .map(SuggestionView::of);
    }

    @POST
    @Path("/{id}/decline")
    @Operation(summary = "A cadre declines the suggestion, giving the reason",
            description = "A cadre declines the suggestion, with the reason the villager will read.")
    public Uni<SuggestionView> decline(@PathParam("county") String county, @PathParam("id") UUID id,
                                       @Valid @NotNull Reply in) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> suggestions.answer(s, code, caller, id, Suggestion.Status.DECLINED, in.text()))
                .map(SuggestionView::of);
    }

    @POST
    @Path("/{id}/attachments")
    @Consumes("multipart/form-data")
    @Operation(summary = "The author attaches a photo or document to their open suggestion",
            description = "The author attaches a photo or document (JPEG, PNG or PDF) to their suggestion while it "
                    + "is open.")
    @APIResponse(responseCode = "201", description = "The stored file",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttachmentView.class)))
    public Uni<Response> attach(@PathParam("county") String county, @PathParam("id") UUID id,
                                @RestForm("file") FileUpload file) {
        Caller caller = currentCaller.get();
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> settings.current(s).chain(p -> suggestions.attach(s, code, caller, p, id, file)))
                .map(v -> Response.status(201).entity(v).build());
    }

    @GET
    @Path("/{id}/attachments")
    @Operation(summary = "A suggestion's attachments",
            description = "The files attached to a suggestion.")
    public Uni<List<AttachmentView>> attachments(@PathParam("county") String county, @PathParam("id") UUID id) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> suggestions.readable(s, caller, id)
                .chain(x -> suggestions.attachments(s, x)));
    }

    @GET
    @Path("/{id}/attachments/{attachment}")
    @Produces({"image/jpeg", "image/png", "application/pdf", "application/problem+json"})
    @Operation(summary = "Download one file attached to a suggestion",
            description = "Downloads one photo or document attached to a suggestion, the address attaching it "
                    + "answers with. Whoever reads the suggestion reads it.")
    public Uni<Response> attachment(@PathParam("county") String county, @PathParam("id") UUID id,
                                    @Parameter(description = "The attachment's id", example = "2c4e6a8b-1d3f-4a5b-8c7d-9e0f1a2b3c4d") @PathParam("attachment") UUID attachment) {
        Caller caller = currentCaller.get();
        return tx.inCounty(CountyCode.of(county), s -> suggestions.readable(s, caller, id)
                        .chain(x -> suggestions.attachment(s, x, attachment)))
                .map(Attachment::download);
    }
}
