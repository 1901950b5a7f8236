package org.wangwu.customs;

import static org.wangwu.customs.CustomsFacts.*;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.wangwu.customs.covenant.CovenantService;
import org.wangwu.platform.identity.Role;
import org.wangwu.platform.module.FunctionalModule;
import org.wangwu.platform.module.LocalizedText;
import org.wangwu.platform.module.ModuleDescriptor;
import org.wangwu.platform.module.SettingDefinition;
import org.wangwu.platform.module.StatisticDefinition;
import org.wangwu.platform.module.StatisticDefinition.FactRef;
import org.wangwu.platform.privacy.PersonalDataProtector;

/**
 * Customs reform (移风易俗): village covenants (村规民约), red and white councils (红白理事会), events
 * registered before (事前报备) and verified after (事后核查) against the county's caps, household pledges
 * (承诺书), and red and black lists with notice, appeal and expiry. Its whole surface is declared here.
 */
@ApplicationScoped
public class CustomsModule implements FunctionalModule {

    public static final String KEY = "customs";

    public static final String WEDDING_VERIFIED = "customs.wedding-verified";
    public static final String FUNERAL_VERIFIED = "customs.funeral-verified";
    public static final String VIOLATION_FOUND = "customs.violation-found";
    public static final String MATTER_RESOLVED = "consultation.matter-resolved";

    @Inject
    CustomsPermissions permissions;

    @Inject
    CustomsJobs jobs;

    @Inject
    CovenantService covenants;

    @Inject
    CustomsFacts facts;

    @Inject
    CustomsDemoSeed demoSeed;

    @Override
    public ModuleDescriptor descriptor() {
        return ModuleDescriptor.builder(KEY)
                .name("移风易俗", "Customs reform")
                .description("村规民约、红白理事会、红白事事前报备和事后核查、承诺书、红黑榜",
                        "Village covenants, red and white councils, weddings and funerals registered ahead and "
                                + "verified after against the county's caps, household pledges, red and black lists")
                .setting(cap(CustomsPolicy.BRIDE_PRICE_CAP, "彩礼上限（元）", "Bride price cap, yuan", 50_000, 10_000_000))
                .setting(cap(CustomsPolicy.BANQUET_TABLES_CAP, "婚宴及其他宴席桌数上限", "Banquet tables cap", 15, 1000))
                .setting(cap(CustomsPolicy.GUESTS_CAP, "宾客人数上限", "Guests cap", 150, 10_000))
                .setting(cap(CustomsPolicy.GIFT_PER_GUEST_CAP, "人均礼金上限（元）", "Gift money per guest cap, yuan", 200,
                        1_000_000))
                .setting(cap(CustomsPolicy.FUNERAL_DAYS_CAP, "治丧天数上限", "Funeral duration cap, days", 3, 60))
                .setting(cap(CustomsPolicy.FUNERAL_TABLES_CAP, "丧事宴席桌数上限（规模）", "Funeral scale cap, tables", 10, 1000))
                .setting(SettingDefinition.flag(CustomsPolicy.PUBLIC_CEMETERY,
                        LocalizedText.of("须安葬于公益性公墓", "Burial in a public cemetery required"), true))
                .setting(days(CustomsPolicy.REGISTRATION_DAYS_AHEAD, "婚事及宴席提前报备天数",
                        "Weddings and banquets registered this many days ahead", 7, 0, 90))
                .setting(days(CustomsPolicy.COUNCIL_DECISION_DAYS, "理事会审核期限（天）", "Council decides within, days",
                        3, 1, 30))
                .setting(days(CustomsPolicy.APPEAL_DAYS, "黑榜申诉期（天）", "Appeal period of a black-list notice, days",
                        15, 1, 90))
                .setting(days(CustomsPolicy.NOTICE_DAYS, "黑榜上榜前告知期（天）", "Notice before black-listing, days",
                        7, 1, 90))
                .setting(days(CustomsPolicy.BLACK_LIST_MONTHS, "黑榜有效月数", "Black-list entries expire after, months",
                        12, 1, 60))
                .setting(days(CustomsPolicy.RED_LIST_MONTHS, "红榜有效月数", "Red-list entries expire after, months",
                        12, 1, 60))
                .setting(SettingDefinition.choice(CustomsPolicy.NAME_DISPLAY,
                        LocalizedText.of("公开榜单姓名显示", "Names in public lists"), "SURNAME_STAR",
                        PersonalDataProtector.NAME_DISPLAY_CHOICES))
                .setting(SettingDefinition.integer(CustomsPolicy.ATTACHMENT_MAX_BYTES,
                        LocalizedText.of("附件大小上限（字节）", "Largest attachment, bytes"), 5_000_000, 10_000, 20_000_000))
                .permissions(permissions)
                .roles(Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICIAL, Role.VILLAGE_CADRE, Role.GRID_WORKER, Role.RESIDENT,
                        Role.THIRD_PARTY_APP)
                .job("overdue-decisions", "标记逾期未审核的报备", "Flag registrations past the council's deadline",
                        Duration.ofHours(1), jobs::flagOverdueDecisions)
                .job("black-list-notices", "告知期满的黑榜上榜", "List black-list notices whose notice ended",
                        Duration.ofHours(1), jobs::listDueNotices)
                .job("list-expiry", "红黑榜到期下榜", "End red and black list entries whose months ran out",
                        Duration.ofHours(6), jobs::expireListEntries)
                .publishes(WEDDING_VERIFIED, "婚事新办已核查", "Simple wedding verified")
                .publishes(FUNERAL_VERIFIED, "丧事简办已核查", "Simple funeral verified")
                .publishes(VIOLATION_FOUND, "红白事超标", "Customs violation found")
                .consumes(MATTER_RESOLVED, "协商事项已形成决议", "Consultation matter resolved",
                        covenants::onMatterResolved)
                .flow(REGISTRATIONS, "事前报备", "Registrations", "registrations")
                .flow(LATE_REGISTRATIONS, "逾期报备", "Late registrations", "registrations")
                .flow(DECISIONS, "理事会审核", "Council decisions", "decisions")
                .flow(OVERDUE_DECISIONS, "审核逾期", "Decisions overdue", "registrations")
                .flow(VERIFICATIONS, "事后核查", "Verifications", "verifications")
                .flow(CAP_BREACHES, "超标项", "Caps breached", "breaches")
                .flow(BRIDE_PRICE_REPORTED, "核查彩礼总额", "Bride price found, total", "yuan")
                .flow(BRIDE_PRICE_REPORTS, "核查彩礼婚事数", "Weddings with a bride price found", "weddings")
                .level(BRIDE_PRICE_CAP, "彩礼上限", "Bride price cap", "yuan")
                .flow(MONEY_SAVED, "节约金额", "Money saved against the caps", "yuan")
                .level(PLEDGED_HOUSEHOLDS, "签订承诺书户数", "Households pledged", "households")
                .level(HOUSEHOLDS, "户数", "Households", "households")
                .flow(LIST_NOTICES, "黑榜告知", "Black-list notices", "entries")
                .flow(LIST_ENTRIES, "上榜", "List entries", "entries")
                .flow(LIST_EXITS, "下榜", "List exits", "entries")
                .statistic("registrations", "事前报备数", "Registrations", "registrations",
                        StatisticDefinition.sum(REGISTRATIONS))
                .statistic("weddings-registered", "婚事报备数", "Weddings registered", "registrations",
                        StatisticDefinition.sum(REGISTRATIONS, "WEDDING"))
                .statistic("funerals-registered", "丧事报备数", "Funerals registered", "registrations",
                        StatisticDefinition.sum(REGISTRATIONS, "FUNERAL"))
                .statistic("compliance-rate", "核查合规率", "Compliance rate", "ratio", StatisticDefinition.ratio(
                        FactRef.of(VERIFICATIONS, COMPLIANT), FactRef.of(VERIFICATIONS)))
                .statistic("average-bride-price", "平均彩礼", "Average bride price found", "yuan",
                        StatisticDefinition.average(FactRef.of(BRIDE_PRICE_REPORTED), FactRef.of(BRIDE_PRICE_REPORTS)))
                .statistic("bride-price-cap", "彩礼上限", "Bride price cap", "yuan",
                        StatisticDefinition.latest(BRIDE_PRICE_CAP))
                .statistic("money-saved", "节约金额", "Money saved", "yuan", StatisticDefinition.sum(MONEY_SAVED))
                .statistic("pledge-coverage", "承诺书覆盖率", "Pledge coverage", "ratio", StatisticDefinition.ratio(
                        FactRef.of(PLEDGED_HOUSEHOLDS), FactRef.of(HOUSEHOLDS)))
                .statistic("red-list-entries", "红榜上榜", "Red-list entries", "entries",
                        StatisticDefinition.sum(LIST_ENTRIES, "RED"))
                .statistic("black-list-entries", "黑榜上榜", "Black-list entries", "entries",
                        StatisticDefinition.sum(LIST_ENTRIES, "BLACK"))
                .recount(facts::recount)
                .demoSeed(demoSeed::seed)
                .build();
    }

    private static SettingDefinition cap(String key, String zh, String en, long defaultValue, long max) {
        return SettingDefinition.integer(key, LocalizedText.of(zh, en), defaultValue, 0, max);
    }

    private static SettingDefinition days(String key, String zh, String en, long defaultValue, long min, long max) {
        return SettingDefinition.integer(key, LocalizedText.of(zh, en), defaultValue, min, max);
    }
}
