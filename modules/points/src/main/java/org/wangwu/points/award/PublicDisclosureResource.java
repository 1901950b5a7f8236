package org.wangwu.points.award;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.county.County;
import org.wangwu.platform.module.LocalizedText;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.territory.PlaceDirectory;
import org.wangwu.platform.web.Page;
import org.wangwu.platform.web.Cursor;
import org.wangwu.points.award.AwardViews.DisclosureView;
import org.wangwu.points.rules.Policies;

/**
 * The public notice board of awards (积分公示), open without login: awards under disclosure, held by
 * an objection, or posted. Names appear as the county allows; never an ID number or a phone.
 */
@Path("/api/v1/public/counties/{county}/points/disclosures")
@Tag(name = "Points public notices", description = "What the points bank discloses to everyone, without login")
public class PublicDisclosureResource {

    @Inject
    TenantTransactions tx;

    @Inject
    Policies policies;

    @Inject
    PlaceDirectory places;

    /** The heading of a place's notice board: the county's name and the township's or village's (null if unknown). */
    @Schema(name = "NoticeBoardHeading", description = "The names a public notice board is headed with")
    public record Heading(
            @Schema(description = "The county's 6-digit division code", examples = "419001") String county,
            @Schema(description = "The county's name in Chinese and English") LocalizedText countyName,
            @Schema(description = "The township (9 digits) or village (12 digits) asked for; null for the county's own board",
                    examples = "419001100201") String place,
            @Schema(description = "That place's name in Chinese and English; null when the county has no such place")
            LocalizedText placeName) {
    }

    @GET
    @Path("/heading")
    @Operation(summary = "The names a place's notice board is headed with: the county, and the township or village asked for",
            description = "For the public notice board (公示) on a villager's phone, without signing in: the county's "
                    + "name and the township's or village's, so the page is headed 济源市 · 花石村 rather than by codes.")
    public Uni<Heading> heading(@PathParam("county") String county,
                                @QueryParam("place") @Pattern(regexp = "[0-9]{9}|[0-9]{12}") String place) {
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> s.find(County.class, code.value()).chain(c -> placeName(s, place)
                .map(name -> new Heading(c.code, LocalizedText.of(c.nameZh, c.nameEn), place, name))));
    }

    private Uni<LocalizedText> placeName(Mutiny.Session s, String place) {
        if (place == null) {
            return Uni.createFrom().nullItem();
        }
        return place.length() == 9
                ? places.township(s, place).map(t -> t == null ? null : LocalizedText.of(t.nameZh(), t.nameEn()))
                : places.village(s, place).map(v -> v == null ? null : LocalizedText.of(v.nameZh(), v.nameEn()));
    }

    @GET
    @Operation(summary = "Awards of a village (or township) under disclosure, held by objection, or posted; newest first",
            description = "The public notice board of awards (公示), without sign-in: awards of a village or township "
                    + "under disclosure, held by an objection, or posted, newest first. Names are shown only in "
                    + "the form the county allows (full name, or surname and a star); never ID numbers or phones.")
    public Uni<Page<DisclosureView>> list(@PathParam("county") String county,
                                          @QueryParam("place") @Pattern(regexp = "[0-9]{9}|[0-9]{12}") String place,
                                          @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int max = Page.limit(limit);
        CountyCode code = CountyCode.of(county);
        Cursor after = Cursor.parse(cursor);
        return tx.inCounty(code, s -> policies.current(s).chain(policy -> {
            var q = s.createSelectionQuery("from Award where status in (:shown) and villageCode like :place"
                            + (after == null ? "" : Cursor.after("requestedAt", "id"))
                            + " order by requestedAt desc, id desc", Award.class)
                    .setParameter("shown", java.util.List.of(Award.Status.DISCLOSED, Award.Status.OBJECTED,
                            Award.Status.POSTED))
                    .setParameter("place", (place == null ? code.value() : place) + "%")
                    .setMaxResults(max + 1);
            if (after != null) {
                q.setParameter("cursorAt", after.at()).setParameter("cursorId", after.id());
            }
            return q.getResultList().map(rows -> Page.of(rows, max,
                    a -> new DisclosureView(a.id, a.villageCode, policy.publicName(a.holderName), a.ruleItem,
                            a.category, a.points, a.status, a.occurredOn, a.disclosureEndsAt, a.postedAt),
                    a -> Cursor.of(a.requestedAt, a.id)));
        }));
    }
}
