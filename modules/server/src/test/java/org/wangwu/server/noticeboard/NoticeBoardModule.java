package org.wangwu.server.noticeboard;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.wangwu.platform.identity.Role;
import org.wangwu.platform.module.FactRecount;
import org.wangwu.platform.module.FunctionalModule;
import org.wangwu.platform.module.ModuleDescriptor;
import org.wangwu.platform.module.SettingDefinition;
import org.wangwu.platform.module.StatisticDefinition;
import org.wangwu.platform.module.LocalizedText;

/**
 * A village notice board (村务公告栏): the smallest module that exercises the whole contract, living
 * in the test sources so the platform is proven without any real module.
 */
@ApplicationScoped
public class NoticeBoardModule implements FunctionalModule {

    public static final String KEY = "noticeboard";
    public static final String NOTICES_POSTED = "notices-posted";

    @Override
    public ModuleDescriptor descriptor() {
        return ModuleDescriptor.builder(KEY)
                .name("村务公告栏", "Notice board")
                .description("村里发布的公告", "Notices a village publishes")
                .setting(SettingDefinition.integer("maxLength", LocalizedText.of("公告最大字数", "Longest notice, characters"),
                        200, 10, 2000))
                .setting(SettingDefinition.flag("requireTitle", LocalizedText.of("必须有标题", "Title required"), false))
                .setting(SettingDefinition.choice("audience", LocalizedText.of("可见范围", "Audience"), "village",
                        List.of("village", "township", "county")))
                .setting(SettingDefinition.textList("categories", LocalizedText.of("分类", "Categories"),
                        List.of("affairs", "finance"), List.of("affairs", "finance", "party", "other")))
                .permissions(new org.wangwu.platform.module.ModulePermissions() { })
                .roles(Role.COUNTY_ADMIN, Role.VILLAGE_CADRE)
                .publishes("noticeboard.notice-posted", "公告已发布", "Notice posted")
                .flow(NOTICES_POSTED, "发布公告数", "Notices posted", "count")
                .flow("notices-read", "公告阅读数", "Notices read", "count")
                .level("boards", "公告栏数", "Notice boards", "count")
                .statistic(NOTICES_POSTED, "发布公告数", "Notices posted", "count", StatisticDefinition.sum(NOTICES_POSTED))
                .statistic("affairs-notices", "村务公告数", "Village affairs notices", "count",
                        StatisticDefinition.sum(NOTICES_POSTED, "affairs"))
                .statistic("boards", "公告栏数", "Notice boards", "count", StatisticDefinition.latest("boards"))
                .statistic("reads-per-notice", "每条公告阅读数", "Reads per notice", "ratio", StatisticDefinition.ratio(
                        StatisticDefinition.FactRef.of("notices-read"), StatisticDefinition.FactRef.of(NOTICES_POSTED)))
                .recount((session, county) -> session.createNativeQuery(
                                "select posted_on, count(*) from noticeboard_notice group by posted_on", Object[].class)
                        .getResultList().map(rows -> rows.stream().map(r -> new FactRecount.FactValue(NOTICES_POSTED,
                                (java.time.LocalDate) r[0], "", "", java.math.BigDecimal.valueOf(((Number) r[1]).longValue())))
                                .toList()))
                .build();
    }
}
