package org.wangwu.platform.webhook;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.CurrentCaller;
import org.wangwu.platform.identity.PlatformPermissions;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.web.Cursor;
import org.wangwu.platform.web.Page;
import org.wangwu.platform.webhook.WebhookSubscriptions.DeliveryView;
import org.wangwu.platform.webhook.WebhookSubscriptions.SubscriptionView;

/** A county administrator's webhooks: subscribe a URL to event types, pause, resume, delete, see every delivery's fate. */
@Path("/api/v1/counties/{county}/webhooks")
@Tag(name = "Webhooks", description = "Signed HTTP deliveries of a county's domain events")
@Authenticated
public class WebhookResource {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    PlatformPermissions permissions;

    @Inject
    WebhookSubscriptions subscriptions;

    @POST
    @Operation(summary = "Subscribe a public URL to event types ('*' for all); the signing secret is shown only in this answer",
            description = "A URL that is, or resolves to, a loopback, private, link-local, cloud-metadata, unspecified "
                    + "or multicast address is refused (422); the same check runs again before every delivery.")
    @APIResponse(responseCode = "201", description = "The subscription with its signing secret, shown only in this answer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionView.class)))
    public Uni<Response> subscribe(@PathParam("county") String county, @Valid @NotNull NewSubscription in) {
        Caller caller = currentCaller.get();
        permissions.manageWebhooks(caller);
        return subscriptions.subscribe(CountyCode.of(county), caller, in.url(), in.eventTypes())
                .map(view -> Response.status(201).entity(view).build());
    }

    @GET
    @Operation(summary = "List the county's webhook subscriptions (without secrets)",
            description = "The county's webhook subscriptions with their status. Signing secrets are never listed.")
    public Uni<List<SubscriptionView>> list(@PathParam("county") String county) {
        permissions.manageWebhooks(currentCaller.get());
        return subscriptions.list(CountyCode.of(county));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a webhook subscription (without its secret)",
            description = "One subscription of the county, the address subscribing answers with: its URL, event "
                    + "types and status. The signing secret is shown only in the answer to subscribing; a deleted "
                    + "subscription is not found.")
    @APIResponse(responseCode = "200", description = "The subscription, without its secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionView.class)))
    public Uni<SubscriptionView> get(@PathParam("county") String county,
                                     @Parameter(description = "The subscription's id", example = "8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d") @PathParam("id") UUID id) {
        permissions.manageWebhooks(currentCaller.get());
        return subscriptions.get(CountyCode.of(county), id);
    }

    @POST
    @Path("/{id}/pause")
    @Operation(summary = "Pause a subscription: nothing is sent, its new deliveries wait until it is resumed",
            description = "Pauses the subscription: nothing is sent, and deliveries of new events wait until it is "
                    + "resumed (for example while the receiving system is down for maintenance).")
    public Uni<SubscriptionView> pause(@PathParam("county") String county, @PathParam("id") UUID id) {
        Caller caller = currentCaller.get();
        permissions.manageWebhooks(caller);
        return subscriptions.pause(CountyCode.of(county), caller, id);
    }

    @POST
    @Path("/{id}/resume")
    @Operation(summary = "Resume a paused subscription: what waited is sent, oldest first",
            description = "Resumes a paused subscription: deliveries that waited are sent, oldest first.")
    public Uni<SubscriptionView> resume(@PathParam("county") String county, @PathParam("id") UUID id) {
        Caller caller = currentCaller.get();
        permissions.manageWebhooks(caller);
        return subscriptions.resume(CountyCode.of(county), caller, id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a subscription: what still waits is cancelled and it is gone from the lists",
            description = "Deletes the subscription: deliveries still waiting are cancelled and it no longer "
                    + "appears in the lists.")
    public Uni<Void> delete(@PathParam("county") String county, @PathParam("id") UUID id) {
        Caller caller = currentCaller.get();
        permissions.manageWebhooks(caller);
        return subscriptions.delete(CountyCode.of(county), caller, id);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "A subscription's deliveries, newest first: status, attempts, last answer or failure, next attempt",
            description = "The subscription's deliveries, newest first: which event, its status, how many attempts, "
                    + "the last HTTP status or failure, and when the next attempt is due. Failed deliveries are "
                    + "retried with backoff.")
    public Uni<Page<DeliveryView>> deliveries(@PathParam("county") String county, @PathParam("id") UUID id,
                                              @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        permissions.manageWebhooks(currentCaller.get());
        return subscriptions.deliveries(CountyCode.of(county), id, Cursor.parse(cursor), Page.limit(limit));
    }

    /** A URL and the event types it wants. */
    public record NewSubscription(
            @NotNull @Size(max = 500) @Pattern(regexp = "https?://[^\\s]+", message = "must be an http(s) URL") @Schema(description = "The public http(s) address deliveries are posted to", examples = "https://apps.example.org/wangwu/events") String url,
            @Schema(description = "The event types to deliver, or \"*\" for all") @NotEmpty @Size(max = 50) List<@NotNull @Pattern(regexp = "\\*|[a-z][a-z0-9-]*\\.[a-z0-9.-]{1,70}") String> eventTypes) {
    }
}
