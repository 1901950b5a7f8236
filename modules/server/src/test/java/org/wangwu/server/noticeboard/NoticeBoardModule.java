package org.wangwu.server.noticeboard;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.wangwu.platform.identity.Role;
import org.wangwu.platform.module.FunctionalModule;
import org.wangwu.platform.module.ModuleDescriptor;
import org.wangwu.platform.module.SettingDefinition;
import org.wangwu.platform.module.LocalizedText;

/**
 * A village notice board (村务公告栏): the smallest module that exercises the whole contract, living
 * in the test sources so the platform is proven without any real module.
 */
@ApplicationScoped
public class NoticeBoardModule implements FunctionalModule {

    public static final String KEY = "noticeboard";

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
                .statistic("notices-posted", "发布公告数", "Notices posted", "count")
                .build();
    }
}
