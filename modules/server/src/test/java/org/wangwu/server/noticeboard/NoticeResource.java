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
import java.util.UUID;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.CurrentCaller;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;

/** Posts and lists notices; the permissions class decides, the board does the work. */
@Path("/api/v1/counties/{county}/noticeboard/notices")
@Authenticated
public class NoticeResource {

    @Inject
    TenantTransactions tx;

    @Inject
    NoticeBoard board;

    @Inject
    NoticeBoardPermissions permissions;

    @Inject
    CurrentCaller currentCaller;

    @GET
    public Uni<List<NoticeView>> list(@PathParam("county") String county) {
        permissions.read(currentCaller.get());
        return tx.inCounty(CountyCode.of(county), s -> s.createSelectionQuery("from Notice order by title", Notice.class)
                .getResultList().map(list -> list.stream().map(NoticeView::of).toList()));
    }

    @POST
    public Uni<Response> post(@PathParam("county") String county, @Valid @NotNull NewNotice in) {
        Caller caller = currentCaller.get();
        permissions.post(caller);
        CountyCode code = CountyCode.of(county);
        return tx.inCounty(code, s -> board.post(s, code, caller, in.title(), in.body()))
                .map(notice -> Response.status(201).entity(NoticeView.of(notice)).build());
    }

    /** A notice to post. */
    public record NewNotice(@NotBlank @Size(max = 100) String title, @NotBlank @Size(max = 5000) String body) {
    }

    /** A posted notice. */
    public record NoticeView(UUID id, String title, String body, boolean archived) {
        static NoticeView of(Notice n) {
            return new NoticeView(n.id, n.title, n.body, n.archived);
        }
    }
}
