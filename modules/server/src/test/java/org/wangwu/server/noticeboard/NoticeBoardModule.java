package org.wangwu.server.noticeboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.wangwu.platform.identity.Role;
import org.wangwu.platform.module.FunctionalModule;
import org.wangwu.platform.module.LocalizedText;
import org.wangwu.platform.module.ModuleDescriptor;
import org.wangwu.platform.module.SettingChoice;
import org.wangwu.platform.module.SettingDefinition;
import org.wangwu.platform.module.StatisticDefinition;

/**
 * A village notice board (村务公告栏): the smallest module that declares every part of the contract,
 * living in the test sources so the platform is proven without any real module. modules/README.md
 * walks through it part by part.
 */
@ApplicationScoped
public class NoticeBoardModule implements FunctionalModule {

    public static final String KEY = "noticeboard";
    public static final String NOTICES_POSTED = "notices-posted";
    public static final String RESOLUTION_ADOPTED = "consultation.resolution-adopted";

    @Inject
    NoticeBoardPermissions permissions;

    @Inject
    NoticeBoard board;

    @Override
    public ModuleDescriptor descriptor() {
        return ModuleDescriptor.builder(KEY)
                .name("村务公告栏", "Notice board")
                .description("村里发布的公告", "Notices a village publishes")
                .setting(SettingDefinition.integer("maxLength", LocalizedText.of("公告最大字数", "Longest notice, characters"),
                        200, 10, 2000))
                .setting(SettingDefinition.flag("requireTitle", LocalizedText.of("必须有标题", "Title required"), false))
                .setting(SettingDefinition.choice("audience", LocalizedText.of("可见范围", "Audience"), "village",
                        List.of(SettingChoice.of("village", "本村", "The village"), SettingChoice.of("township", "本乡镇", "The township"),
                                SettingChoice.of("county", "全县", "The county"))))
                .setting(SettingDefinition.textList("categories", LocalizedText.of("分类", "Categories"),
                        List.of("affairs", "finance"),
                        List.of(SettingChoice.of("affairs", "村务", "Village affairs"), SettingChoice.of("finance", "财务", "Finances"),
                                SettingChoice.of("party", "党务", "Party affairs"), SettingChoice.of("other", "其他", "Other"))))
                .setting(SettingDefinition.integer("displayDays", LocalizedText.of("公告展示天数", "Days a notice stays up"),
                        30, 1, 365))
                .setting(SettingDefinition.integer("maxPerDay", LocalizedText.of("每日最多公告数（0为不限）",
                        "Most notices a day (0: no limit)"), 0, 0, 1000))
                .permissions(permissions)
                .roles(Role.COUNTY_ADMIN, Role.VILLAGE_CADRE)
                .job("archive", "归档过期公告", "Archive notices past their display period", Duration.ofDays(1),
                        board::archiveExpired)
                .publishes("noticeboard.notice-posted", "公告已发布", "Notice posted")
                .consumes(RESOLUTION_ADOPTED, "决议已通过", "Resolution adopted", board::onResolutionAdopted)
                .flow(NOTICES_POSTED, "发布公告数", "Notices posted", "notices")
                .statistic("notices-posted", "发布公告数", "Notices posted", "notices",
                        StatisticDefinition.sum(NOTICES_POSTED))
                // Facts the board records nowhere: dashboard tests seed them, to read every kind of derivation.
                .flow("notices-read", "公告阅读数", "Notices read", "notices")
                .level("boards", "公告栏数", "Notice boards", "boards")
                .statistic("affairs-notices", "村务公告数", "Village affairs notices", "notices",
                        StatisticDefinition.sum(NOTICES_POSTED, "affairs"))
                .statistic("boards", "公告栏数", "Notice boards", "boards", StatisticDefinition.latest("boards"))
                .statistic("reads-per-notice", "每条公告阅读数", "Reads per notice", "ratio", StatisticDefinition.ratio(
                        StatisticDefinition.FactRef.of("notices-read"), StatisticDefinition.FactRef.of(NOTICES_POSTED)))
                .recount(board::recount)
                .demoSeed(board::seed)
                .build();
    }
}
