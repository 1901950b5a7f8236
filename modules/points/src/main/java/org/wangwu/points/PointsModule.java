package org.wangwu.points;

import static org.wangwu.platform.module.StatisticDefinition.latest;
import static org.wangwu.platform.module.StatisticDefinition.ratio;
import static org.wangwu.platform.module.StatisticDefinition.sum;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.wangwu.platform.identity.Role;
import org.wangwu.platform.module.FunctionalModule;
import org.wangwu.platform.module.LocalizedText;
import org.wangwu.platform.module.ModuleDescriptor;
import org.wangwu.platform.module.SettingChoice;
import org.wangwu.platform.module.SettingDefinition;
import org.wangwu.platform.module.StatisticDefinition.FactRef;
import org.wangwu.platform.privacy.PersonalDataProtector;
import org.wangwu.points.demo.PointsDemoSeed;
import org.wangwu.points.jobs.PointsJobs;
import org.wangwu.points.statistics.PointsFacts;
import org.wangwu.points.rules.PointsPolicy;
import org.wangwu.points.rules.RuleCatalogue;

/**
 * The moral points bank (道德积分银行): the county's rule catalogue, awards with review, public
 * disclosure (公示) and objections, an append-only ledger, love supermarkets (爱心超市) and expiry.
 * Everything the module offers and every rule a county may set is declared here.
 */
@ApplicationScoped
public class PointsModule implements FunctionalModule {

    public static final String KEY = "points";

    public static final String AWARD_POSTED = "points.award-posted";
    public static final String REDEMPTION_MADE = "points.redemption-made";
    public static final String POINTS_EXPIRED = "points.points-expired";

    @jakarta.inject.Inject
    PointsPermissions permissions;

    @jakarta.inject.Inject
    org.wangwu.points.award.EventAwards eventAwards;

    @jakarta.inject.Inject
    PointsJobs jobs;

    @jakarta.inject.Inject
    PointsFacts facts;

    @jakarta.inject.Inject
    PointsDemoSeed demo;

    @Override
    public ModuleDescriptor descriptor() {
        return ModuleDescriptor.builder(KEY)
                .name("道德积分银行", "Moral points bank")
                .description("村民按县里的积分细则因善行获得积分，经审核、公示后入账，可在爱心超市兑换商品",
                        "Villagers earn points for good conduct under county rules; after review and public "
                                + "disclosure they are posted and can be spent at love supermarkets")
                .setting(SettingDefinition.choice(PointsPolicy.ACCOUNT_HOLDER,
                        LocalizedText.of("积分账户归属", "Accounts belong to"), "HOUSEHOLD",
                        List.of(SettingChoice.of("HOUSEHOLD", "按户（一户一个账户）", "Households (one account per household)"),
                                SettingChoice.of("RESIDENT", "按人（一人一个账户）", "Residents (one account per person)"))))
                .setting(SettingDefinition.structured(PointsPolicy.RULES,
                        LocalizedText.of("积分细则", "Rule catalogue"), RuleCatalogue.DEFAULT_RULES, RuleCatalogue::problemWith))
                .setting(SettingDefinition.integer(PointsPolicy.DISCLOSURE_DAYS,
                        LocalizedText.of("公示天数", "Disclosure period, days"), 7, 0, 30))
                .setting(SettingDefinition.choice(PointsPolicy.EXPIRY_POLICY,
                        LocalizedText.of("积分清零方式", "Expiry of points"), "NEVER",
                        List.of(SettingChoice.of("NEVER", "不清零", "Never"),
                                SettingChoice.of("YEARLY", "每年在清零日清零", "Every year on the expiry date"),
                                SettingChoice.of("AFTER_MONTHS", "获得后满一定月数清零", "A number of months after earning"))))
                .setting(SettingDefinition.text(PointsPolicy.EXPIRY_DATE,
                        LocalizedText.of("每年清零日（月-日）", "Yearly expiry date (MM-DD)"), "12-31", 5)
                        .withRule(PointsPolicy::expiryDateProblem))
                .setting(SettingDefinition.integer(PointsPolicy.EXPIRY_MONTHS,
                        LocalizedText.of("积分有效月数", "Points expire after, months"), 24, 1, 120))
                .setting(SettingDefinition.integer(PointsPolicy.MAX_REDEMPTION_PER_DAY,
                        LocalizedText.of("每户每日最多兑换积分（0为不限）", "Most points an account may redeem per day (0: no limit)"),
                        0, 0, 1_000_000))
                .setting(SettingDefinition.integer(PointsPolicy.EVIDENCE_MAX_BYTES,
                        LocalizedText.of("佐证材料大小上限（字节）", "Largest evidence file, bytes"), 5_000_000, 10_000, 20_000_000))
                .setting(SettingDefinition.textList(PointsPolicy.EVIDENCE_TYPES,
                        LocalizedText.of("佐证材料类型", "Evidence file types"), PointsPolicy.ALL_EVIDENCE_TYPES,
                        List.of(SettingChoice.of("image/jpeg", "JPEG 照片", "JPEG photos"),
                                SettingChoice.of("image/png", "PNG 图片", "PNG images"),
                                SettingChoice.of("application/pdf", "PDF 文件", "PDF documents"))))
                .setting(SettingDefinition.choice(PointsPolicy.NAME_DISPLAY,
                        LocalizedText.of("公示姓名显示", "Names in public notices"), "SURNAME_STAR",
                        PersonalDataProtector.NAME_DISPLAY_CHOICES))
                .setting(SettingDefinition.structured(PointsPolicy.EVENT_RULES,
                        LocalizedText.of("事件积分对应关系", "Events that earn points (event type to rule code)"),
                        Map.of("customs.wedding-verified", "CUSTOMS-01", "customs.funeral-verified", "CUSTOMS-02",
                                "customs.violation-found", "DEDUCT-02"), RuleCatalogue::eventRulesProblem))
                .permissions(permissions)
                .roles(Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICIAL, Role.VILLAGE_CADRE, Role.GRID_WORKER, Role.RESIDENT,
                        Role.SUPERMARKET_CLERK, Role.THIRD_PARTY_APP)
                .job("disclosure", "公示期满入账", "Post awards whose disclosure ended without objection",
                        Duration.ofMinutes(10), jobs::postDisclosed)
                .job("expiry", "积分到期清零", "Expire points whose expiry day has come", Duration.ofHours(1), jobs::expire)
                .publishes(AWARD_POSTED, "积分已入账", "Award posted")
                .publishes(REDEMPTION_MADE, "积分已兑换", "Redemption made")
                .publishes(POINTS_EXPIRED, "积分已清零", "Points expired")
                .consumes("customs.wedding-verified", "婚事新办已核查", "Simple wedding verified", eventAwards::handle)
                .consumes("customs.funeral-verified", "丧事简办已核查", "Simple funeral verified", eventAwards::handle)
                .consumes("customs.violation-found", "红白事超标（扣分）", "Customs violation found (deducts)",
                        eventAwards::handle)
                .consumes("disputes.case-resolved", "矛盾纠纷已化解", "Dispute settled", eventAwards::handle)
                .flow(PointsFacts.ISSUED, "发放积分", "Points issued (by village and rule category)", "points")
                .flow(PointsFacts.DEDUCTED, "扣减积分", "Points deducted (by village and rule category)", "points")
                .flow(PointsFacts.REDEEMED, "兑换积分", "Points redeemed", "points")
                .flow(PointsFacts.EXPIRED, "清零积分", "Points expired", "points")
                .flow(PointsFacts.REVERSED, "冲正积分（净额）", "Points corrected by reversal, net", "points")
                .flow(PointsFacts.ACTIVE, "当月参与账户", "Accounts with an award or redemption in the month", "accounts")
                .level(PointsFacts.OPEN, "积分账户数", "Accounts open", "accounts")
                .statistic("points-issued", "发放积分", "Points issued", "points", sum(PointsFacts.ISSUED))
                .statistic("points-deducted", "扣减积分", "Points deducted", "points", sum(PointsFacts.DEDUCTED))
                .statistic("points-redeemed", "兑换积分", "Points redeemed", "points", sum(PointsFacts.REDEEMED))
                .statistic("points-expired", "清零积分", "Points expired", "points", sum(PointsFacts.EXPIRED))
                .statistic("accounts-open", "积分账户数", "Accounts open", "accounts", latest(PointsFacts.OPEN))
                // Where accounts belong to households (most counties) an account is a household.
                .statistic("households-active-share", "参与户占比", "Share of accounts (households) active in a month",
                        "ratio", ratio(FactRef.of(PointsFacts.ACTIVE), FactRef.of(PointsFacts.OPEN)))
                .recount(facts::recount)
                .demoSeed(demo::seed)
                .build();
    }
}
