package org.wangwu.server.noticeboard;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.wangwu.platform.audit.AuditLog;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.CurrentCaller;
import org.wangwu.platform.identity.Role;
import org.wangwu.platform.module.ModuleService;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;

/** Posts and lists notices, applying the county's settings of the module. */
@Path("/api/v1/counties/{county}/noticeboard/notices")
@Authenticated
public class NoticeResource {

    @Inject
    TenantTransactions tx;

    @Inject
    ModuleService modules;

    @Inject
    AuditLog audit;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    org.wangwu.platform.event.DomainEvents events;

    /** Stands in for a change that fails after recording its fact: the whole transaction rolls back. */
    public static final String FAILING_TITLE = "FAIL:";

    @Inject
    org.wangwu.platform.fact.DailyFacts facts;

    @Inject
    org.wangwu.platform.time.PlatformClock clock;

    @GET
    public Uni<List<NoticeView>> list(@PathParam("county") String county) {
        return tx.inCounty(CountyCode.of(county), s -> s.createSelectionQuery("from Notice order by title", Notice.class)
                .getResultList().map(list -> list.stream().map(NoticeView::of).toList()));
    }

    @POST
    public Uni<Response> post(@PathParam("county") String county, @Valid @NotNull NewNotice in) {
        Caller caller = currentCaller.get();
        if (!caller.hasAny(Role.COUNTY_ADMIN, Role.VILLAGE_CADRE) && !caller.isThirdPartyApp()) {
            throw ProblemException.forbidden("not-permitted", "Only cadres post notices");
        }
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> modules.settings(s, NoticeBoardModule.KEY).chain(settings -> {
            if (in.body().length() > settings.integer("maxLength")) {
                throw ProblemException.invalidField("body", "must be at most " + settings.integer("maxLength")
                        + " characters in this county");
            }
            Notice notice = new Notice();
            notice.id = UUID.randomUUID();
            notice.title = in.title();
            notice.body = in.body();
            notice.postedOn = clock.today();
            return s.persist(notice)
                    .chain(() -> facts.record(s, code, NoticeBoardModule.KEY, NoticeBoardModule.NOTICES_POSTED,
                            notice.postedOn, null, 1))
                    .invoke(() -> {
                        if (in.title().startsWith(FAILING_TITLE)) {
                            throw ProblemException.conflict("probe-failure", "A notice titled so fails after its fact");
                        }
                    })
                    .chain(() -> audit.record(s, code, caller, "noticeboard.notice-posted", "notice", notice.id, Map.of()))
                    .chain(() -> events.publish(s, code, "noticeboard.notice-posted", "notice", notice.id,
                            Map.of("title", notice.title)))
                    .replaceWith(Response.status(201).entity(NoticeView.of(notice)).build());
        }));
    }

    /** A notice to post. */
    public record NewNotice(@NotBlank @Size(max = 100) String title, @NotBlank @Size(max = 5000) String body) {
    }

    /** A posted notice. */
    public record NoticeView(UUID id, String title, String body) {
        static NoticeView of(Notice n) {
            return new NoticeView(n.id, n.title, n.body);
        }
    }
}
