package org.wangwu.consultation;

import static org.wangwu.platform.module.StatisticDefinition.FactRef;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.wangwu.consultation.matter.DisclosureService;
import org.wangwu.consultation.matter.Evaluation;
import org.wangwu.consultation.meeting.Body;
import org.wangwu.consultation.meeting.Quorum;
import org.wangwu.platform.identity.Role;
import org.wangwu.platform.module.FunctionalModule;
import org.wangwu.platform.module.LocalizedText;
import org.wangwu.platform.module.ModuleDescriptor;
import org.wangwu.platform.module.SettingChoice;
import org.wangwu.platform.module.SettingDefinition;
import org.wangwu.platform.module.StatisticDefinition;
import org.wangwu.platform.privacy.PersonalDataProtector;
import org.wangwu.platform.tenancy.TenantTransactions;

/**
 * Villagers' consultation (村民议事协商): suggestions collected from villagers; matters taken through
 * "four discussions, two disclosures" (四议两公开) or a lighter form the county lists; meetings with
 * attendance against the register, quorum and majority from the Organic Law (stricter where the
 * county says); disclosure windows with objections; implementation under the supervision committee;
 * households' evaluations. Everything the module offers and every rule a county may set is here.
 */
@ApplicationScoped
public class ConsultationModule implements FunctionalModule {

    public static final String KEY = "consultation";

    public static final String MATTER_RESOLVED = "consultation.matter-resolved";
    public static final String RESULT_DISCLOSED = "consultation.result-disclosed";
    public static final String MATTER_EVALUATED = "consultation.matter-evaluated";

    @Inject
    ConsultationPermissions permissions;

    @Inject
    ConsultationSettings settings;

    @Inject
    DisclosureService disclosures;

    @Inject
    TenantTransactions tx;

    @Inject
    ConsultationRecount recount;

    @Inject
    ConsultationDemoSeed demoSeed;

    @Override
    public ModuleDescriptor descriptor() {
        return ModuleDescriptor.builder(KEY)
                .name("村民议事协商", "Villagers' consultation")
                .description("村级重大事项按“四议两公开”或县里列明的简易形式议事协商：征集意见、提议、商议、审议、决议、"
                                + "决议公开、实施结果公开、群众评议",
                        "Major village matters go through \"four discussions, two disclosures\" or a lighter form the "
                                + "county lists: suggestions, proposal, deliberation, review, resolution, disclosure of "
                                + "the resolution and of the result, villagers' evaluation")
                .setting(SettingDefinition.structured(ConsultationPolicy.CATEGORIES,
                        LocalizedText.of("事项类别（是否须走“四议两公开”）", "Matter categories (and which need the full procedure)"),
                        ConsultationPolicy.DEFAULT_CATEGORIES, ConsultationPolicy::categoriesProblem))
                .setting(SettingDefinition.structured(ConsultationPolicy.LIGHT_FORMS,
                        LocalizedText.of("简易议事形式", "Lighter forms of consultation"),
                        ConsultationPolicy.DEFAULT_LIGHT_FORMS, ConsultationPolicy::formsProblem))
                .setting(SettingDefinition.structured(ConsultationPolicy.QUORUM,
                        LocalizedText.of("到会与表决比例（须“超过”，不得低于法定）",
                                "Quorum and majority (\"more than\"; never below the law)"),
                        Quorum.lawAsSetting(), ConsultationPolicy::quorumProblem))
                .setting(SettingDefinition.integer(ConsultationPolicy.RESOLUTION_DISCLOSURE_DAYS,
                        LocalizedText.of("决议公示天数", "Resolution disclosure, days"), 7, 1, 60))
                .setting(SettingDefinition.integer(ConsultationPolicy.RESULT_DISCLOSURE_DAYS,
                        LocalizedText.of("实施结果公示天数", "Result disclosure, days"), 7, 1, 60))
                .setting(SettingDefinition.integer(ConsultationPolicy.EVALUATION_DAYS,
                        LocalizedText.of("群众评议天数", "Evaluation period, days"), 15, 1, 90))
                .setting(SettingDefinition.structured(ConsultationPolicy.FAILURE_RETURNS_TO,
                        LocalizedText.of("未通过时退回的环节", "Where a failed step sends the matter"),
                        ConsultationPolicy.DEFAULT_FAILURE_RETURNS, ConsultationPolicy::failureReturnsProblem))
                .setting(SettingDefinition.textList(ConsultationPolicy.PROXY_BODIES,
                        LocalizedText.of("允许委托参会的会议", "Meetings that accept proxies"),
                        List.of(Body.VILLAGERS_MEETING.name()),
                        List.of(SettingChoice.of(Body.VILLAGERS_MEETING.name(), "村民会议", "Villagers' meeting"),
                                SettingChoice.of(Body.REPRESENTATIVES_MEETING.name(), "村民代表会议", "Representatives' meeting"),
                                SettingChoice.of(Body.PARTY_MEMBERS.name(), "党员大会", "Party members' meeting"))))
                .setting(SettingDefinition.choice(ConsultationPolicy.NAME_DISPLAY,
                        LocalizedText.of("公示姓名显示", "Names in public notices"), "SURNAME_STAR",
                        PersonalDataProtector.NAME_DISPLAY_CHOICES))
                .setting(SettingDefinition.text(ConsultationPolicy.MINUTES_TEMPLATE,
                        LocalizedText.of("会议记录模板", "Minutes template"), ConsultationPolicy.DEFAULT_MINUTES, 4000)
                        .withRule(ConsultationPolicy::templateProblem))
                .setting(SettingDefinition.text(ConsultationPolicy.RESOLUTION_NOTICE_TEMPLATE,
                        LocalizedText.of("决议公告模板", "Resolution notice template"), ConsultationPolicy.DEFAULT_NOTICE, 4000)
                        .withRule(ConsultationPolicy::templateProblem))
                .setting(SettingDefinition.integer(ConsultationPolicy.ATTACHMENT_MAX_BYTES,
                        LocalizedText.of("附件大小上限（字节）", "Largest attachment, bytes"), 10_000_000, 10_000, 20_000_000))
                .permissions(permissions)
                .roles(Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICIAL, Role.VILLAGE_CADRE, Role.GRID_WORKER, Role.RESIDENT,
                        Role.THIRD_PARTY_APP)
                .job("close-windows", "公示期与评议期到期处理", "Close disclosure windows and evaluation periods that ended",
                        Duration.ofMinutes(10),
                        county -> tx.inCounty(county, s -> settings.current(s).chain(p -> disclosures.closeDue(s, county, p))))
                .publishes(MATTER_RESOLVED, "议事事项已决议", "Matter resolved")
                .publishes(RESULT_DISCLOSED, "实施结果已公开", "Implementation result disclosed")
                .publishes(MATTER_EVALUATED, "议事事项已评议办结", "Matter evaluated and closed")
                .flow(ConsultationFacts.MATTERS_OPENED, "新增议事事项", "Matters opened", "matters")
                .level(ConsultationFacts.MATTERS_AT_STEP, "各环节事项数", "Matters at each step", "matters")
                .flow(ConsultationFacts.STEPS_PASSED, "通过的环节", "Steps passed", "steps")
                .flow(ConsultationFacts.STEP_DAYS, "环节用时（天）", "Days spent in steps passed", "days")
                .flow(ConsultationFacts.MATTERS_CLOSED, "办结或终止的事项", "Matters closed or withdrawn", "matters")
                .flow(ConsultationFacts.MATTERS_COMPLETED, "完整走完六个环节的事项", "Matters completing all six steps", "matters")
                .flow(ConsultationFacts.ATTENDANCE_PRESENT, "实到人数", "People present", "people")
                .flow(ConsultationFacts.ATTENDANCE_EXPECTED, "应到人数", "People expected", "people")
                .flow(ConsultationFacts.EVALUATIONS, "群众评议", "Households' evaluations", "evaluations")
                .flow(ConsultationFacts.SUGGESTIONS, "征集意见建议", "Suggestions received", "suggestions")
                .statistic("matters-opened", "新增议事事项", "Matters opened", "matters",
                        StatisticDefinition.sum(ConsultationFacts.MATTERS_OPENED))
                .statistic("matters-in-resolution", "待决议事项", "Matters awaiting resolution", "matters",
                        new StatisticDefinition.Latest(FactRef.of(ConsultationFacts.MATTERS_AT_STEP, "RESOLUTION")))
                .statistic("six-step-completion", "完整履行“四议两公开”的比例", "Share of closed matters that completed all six steps",
                        "ratio", StatisticDefinition.ratio(FactRef.of(ConsultationFacts.MATTERS_COMPLETED),
                                FactRef.of(ConsultationFacts.MATTERS_CLOSED)))
                .statistic("days-per-step", "平均环节用时", "Average days per step", "days",
                        StatisticDefinition.average(FactRef.of(ConsultationFacts.STEP_DAYS), FactRef.of(ConsultationFacts.STEPS_PASSED)))
                .statistic("attendance-rate", "到会率", "Attendance rate", "ratio",
                        StatisticDefinition.ratio(FactRef.of(ConsultationFacts.ATTENDANCE_PRESENT),
                                FactRef.of(ConsultationFacts.ATTENDANCE_EXPECTED)))
                .statistic("satisfied-share", "满意率", "Share of households satisfied", "ratio",
                        StatisticDefinition.ratio(FactRef.of(ConsultationFacts.EVALUATIONS, Evaluation.Rating.SATISFIED.name()),
                                FactRef.of(ConsultationFacts.EVALUATIONS)))
                .statistic("unsatisfied-share", "不满意率", "Share of households unsatisfied", "ratio",
                        StatisticDefinition.ratio(FactRef.of(ConsultationFacts.EVALUATIONS, Evaluation.Rating.UNSATISFIED.name()),
                                FactRef.of(ConsultationFacts.EVALUATIONS)))
                .statistic("suggestions-received", "征集意见建议", "Suggestions received", "suggestions",
                        StatisticDefinition.sum(ConsultationFacts.SUGGESTIONS))
                .recount(recount)
                .demoSeed(demoSeed)
                .build();
    }
}
