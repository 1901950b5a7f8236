package org.wangwu.server.noticeboard;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.audit.AuditLog;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.event.DomainEventConsumer.Delivered;
import org.wangwu.platform.event.DomainEvents;
import org.wangwu.platform.fact.DailyFacts;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.Role;
import org.wangwu.platform.module.CountySettings;
import org.wangwu.platform.module.FactRecount.FactValue;
import org.wangwu.platform.module.ModuleService;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.time.PlatformClock;

/** The board's work: posting (with its fact), the archive job, the event it acts on, the recount and the demo seed. */
@ApplicationScoped
public class NoticeBoard {

    /** Stands in for a change that fails after recording its fact: the whole transaction rolls back. */
    public static final String FAILING_TITLE = "FAIL:";

    @Inject
    ModuleService modules;

    @Inject
    AuditLog audit;

    @Inject
    DomainEvents events;

    @Inject
    DailyFacts facts;

    @Inject
    PlatformClock clock;

    @Inject
    TenantTransactions tx;

    /**
     * Posts a notice. The county's daily cap is checked after the insert, so that two posts at once
     * cannot both slip under it; a refused post rolls back with its fact.
     */
    public Uni<Notice> post(Mutiny.Session s, CountyCode county, Caller caller, String title, String body) {
        return modules.settings(s, NoticeBoardModule.KEY).chain(settings -> {
            if (body.length() > settings.integer("maxLength")) {
                throw ProblemException.invalidField("body", "must be at most " + settings.integer("maxLength")
                        + " characters in this county");
            }
            Notice notice = new Notice();
            notice.id = UUID.randomUUID();
            notice.title = title;
            notice.body = body;
            notice.postedAt = clock.now();
            LocalDate today = clock.today();
            notice.postedOn = today;
            return s.persist(notice)
                    .chain(() -> facts.record(s, county, NoticeBoardModule.KEY, NoticeBoardModule.NOTICES_POSTED, today,
                            null, 1))
                    .invoke(() -> {
                        if (title.startsWith(FAILING_TITLE)) {
                            throw ProblemException.conflict("probe-failure", "A notice titled so fails after its fact");
                        }
                    })
                    .chain(() -> audit.record(s, county, caller, "noticeboard.notice-posted", "notice", notice.id, Map.of()))
                    .chain(() -> events.publish(s, county, "noticeboard.notice-posted", "notice", notice.id,
                            Map.of("title", notice.title)))
                    .chain(() -> withinDailyCap(s, settings, notice))
                    .replaceWith(notice);
        });
    }

    private Uni<Void> withinDailyCap(Mutiny.Session s, CountySettings settings, Notice notice) {
        long cap = settings.integer("maxPerDay");
        return s.createSelectionQuery("select count(*) from Notice where postedAt >= :since", Long.class)
                .setParameter("since", clock.today().atStartOfDay(PlatformClock.ZONE).toInstant()).getSingleResult()
                .map(posted -> {
                    if (cap > 0 && posted > cap) {
                        throw ProblemException.conflict("daily-cap-reached", "This county posts at most " + cap
                                + " notices a day");
                    }
                    return null;
                });
    }

    /** Job: archives the notices that have been up for the county's display period; running it again archives nothing. */
    public Uni<Integer> archiveExpired(CountyCode county) {
        return tx.inCounty(county, s -> modules.settings(s, NoticeBoardModule.KEY).chain(settings -> s
                .createMutationQuery("update Notice set archived = true where archived = false and postedAt < :before")
                .setParameter("before", clock.now().minus(Duration.ofDays(settings.integer("displayDays"))))
                .executeUpdate()));
    }

    /** Handler: a villagers' meeting adopted a resolution, so the board discloses it (决议公开). */
    public Uni<Void> onResolutionAdopted(Mutiny.Session s, CountyCode county, Delivered event) {
        Caller board = Caller.system("noticeboard", county, Role.VILLAGE_CADRE);
        return post(s, county, board, "决议公开 / Resolution", event.payload().path("title").asText("决议"))
                .replaceWithVoid();
    }

    /** Recount: the notices posted per day, from the board's own table. */
    public Uni<List<FactValue>> recount(Mutiny.Session s, CountyCode county) {
        return s.createNativeQuery("""
                        select posted_on, count(*) from noticeboard_notice group by posted_on""", Object[].class).getResultList()
                .map(rows -> rows.stream().map(r -> new FactValue(NoticeBoardModule.NOTICES_POSTED, (LocalDate) r[0], "",
                        "", java.math.BigDecimal.valueOf(((Number) r[1]).longValue()))).toList());
    }

    /** Demo seed: a welcome notice, posted as a cadre would. */
    public Uni<Void> seed(CountyCode county) {
        Caller cadre = Caller.system("demo-data", county, Role.VILLAGE_CADRE);
        return tx.inCounty(county, s -> post(s, county, cadre, "欢迎 / Welcome", "村务公告栏已开通")).replaceWithVoid();
    }
}
