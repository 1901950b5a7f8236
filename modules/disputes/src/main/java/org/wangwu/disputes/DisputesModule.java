package org.wangwu.disputes;

import com.fasterxml.jackson.databind.JsonNode;
import static org.wangwu.platform.module.StatisticDefinition.average;
import static org.wangwu.platform.module.StatisticDefinition.ratio;
import static org.wangwu.platform.module.StatisticDefinition.sum;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wangwu.disputes.cases.Level;
import org.wangwu.disputes.demo.DemoCases;
import org.wangwu.disputes.jobs.DeadlineJob;
import org.wangwu.disputes.statistics.DisputeFacts;
import org.wangwu.platform.identity.Role;
import org.wangwu.platform.module.FunctionalModule;
import org.wangwu.platform.module.LocalizedText;
import org.wangwu.platform.module.ModuleDescriptor;
import org.wangwu.platform.module.SettingChoice;
import org.wangwu.platform.module.SettingDefinition;
import org.wangwu.platform.module.StatisticDefinition;
import org.wangwu.platform.module.StatisticDefinition.FactRef;

/**
 * Diversified dispute resolution (矛盾纠纷多元化解): intake from every channel, triage to village,
 * township or county level, mediation, agreement or escalation, judicial confirmation, and the
 * follow-up visit that closes the loop. The county's rules are the settings below.
 */
@ApplicationScoped
public class DisputesModule implements FunctionalModule {

    public static final String KEY = "disputes";

    public static final String CATEGORIES = "categories";
    public static final String RISKS = "risks";
    public static final String LEVELS = "levels";
    public static final String DEADLINE_DAYS = "deadlineDays";
    public static final String ESCALATE_WHEN_OVERDUE = "escalateWhenOverdue";
    public static final String DUE_SOON_DAYS = "dueSoonDays";
    public static final String JUDICIAL_WINDOW_DAYS = "judicialWindowDays";
    public static final String JUDICIAL_REMINDER_DAYS = "judicialReminderDays";
    public static final String FOLLOW_UP_AFTER_DAYS = "followUpAfterDays";
    public static final String SATISFACTION_SCALE = "satisfactionScale";
    public static final String ATTACHMENT_MAX_BYTES = "attachmentMaxBytes";
    public static final String AGREEMENT_TEMPLATE = "agreementTemplate";

    public static final String EVENT_RECEIVED = "disputes.case-received";
    public static final String EVENT_ESCALATED = "disputes.case-escalated";
    public static final String EVENT_RESOLVED = "disputes.case-resolved";
    public static final String EVENT_CLOSED = "disputes.case-closed";
    public static final String EVENT_REOPENED = "disputes.case-reopened";
    public static final String EVENT_JUDICIAL_WINDOW_CLOSING = "disputes.judicial-window-closing";

    /** What the agreement template may use; filled from the case by the agreement writer. */
    public static final Set<String> TEMPLATE_PLACEHOLDERS = Set.of("caseNumber", "county", "village", "parties",
            "facts", "terms", "mediators", "level", "date", "judicialWindowDays");

    /** 人民调解协议书 after the Ministry of Justice's model text; a county rewrites it in its settings. */
    public static final String DEFAULT_TEMPLATE = """
            人民调解协议书
            编号：{caseNumber}
            当事人：{parties}
            纠纷主要事实、争议事项：
            {facts}
            经调解，当事人自愿达成如下协议：
            {terms}
            本协议自各方当事人签名或盖章之日起生效。当事人可自本协议生效之日起{judicialWindowDays}日内共同向有管辖权的人民法院申请司法确认。
            调解组织：{county}{level}人民调解组织（纠纷发生地：{village}）
            人民调解员：{mediators}
            日期：{date}

            当事人（签名）：
            人民调解员（签名）：
            """;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    @Inject
    DisputesPermissions permissions;

    @Inject
    DeadlineJob deadlines;

    @Inject
    DemoCases demoCases;

    @Override
    public ModuleDescriptor descriptor() {
        return ModuleDescriptor.builder(KEY)
                .name("矛盾纠纷多元化解", "Dispute resolution")
                .description("小事不出村、大事不出镇、矛盾不上交：受理、分流、调解、司法确认、回访闭环",
                        "Small matters stay in the village, big matters in the township, nothing is pushed up: "
                                + "intake, triage, mediation, judicial confirmation and a follow-up that closes the loop")
                .setting(SettingDefinition.structured(CATEGORIES, LocalizedText.of("纠纷类别", "Dispute categories"),
                        defaultCategories(), DisputesModule::checkCodedList))
                .setting(SettingDefinition.structured(RISKS, LocalizedText.of("风险等级（高风险立即上报）",
                                "Risk levels (which escalate at once)"), defaultRisks(), DisputesModule::checkRisks))
                .setting(SettingDefinition.textList(LEVELS, LocalizedText.of("启用的调解层级", "Mediation levels in use"),
                        List.of("VILLAGE", "TOWNSHIP", "COUNTY"),
                        List.of(SettingChoice.of("VILLAGE", "村级调解", "Village mediation"),
                                SettingChoice.of("TOWNSHIP", "乡镇调解", "Township mediation"),
                                SettingChoice.of("COUNTY", "县级调解", "County mediation")))
                        .withRule(DisputesModule::checkLevels))
                .setting(SettingDefinition.structured(DEADLINE_DAYS, LocalizedText.of("各层级办理时限（天）",
                                "Deadline per level, days"), Map.of("VILLAGE", 15, "TOWNSHIP", 30, "COUNTY", 30),
                        DisputesModule::checkDeadlines))
                .setting(SettingDefinition.flag(ESCALATE_WHEN_OVERDUE, LocalizedText.of("超期自动上移一级",
                        "Escalate overdue cases to the next level"), true))
                .setting(SettingDefinition.integer(DUE_SOON_DAYS, LocalizedText.of("临期提醒（天）",
                        "Due soon: days before the deadline"), 3, 0, 30))
                // People's Mediation Law art. 33: 30 days from the agreement taking effect.
                .setting(SettingDefinition.integer(JUDICIAL_WINDOW_DAYS, LocalizedText.of("司法确认申请期限（天）",
                        "Window for judicial confirmation, days"), 30, 1, 90))
                .setting(SettingDefinition.integer(JUDICIAL_REMINDER_DAYS, LocalizedText.of("司法确认到期前提醒（天）",
                        "Remind this many days before the window closes"), 7, 0, 30))
                .setting(SettingDefinition.integer(FOLLOW_UP_AFTER_DAYS, LocalizedText.of("协议后回访（天）",
                        "Follow-up visit due, days after the outcome"), 30, 0, 365))
                .setting(SettingDefinition.integer(SATISFACTION_SCALE, LocalizedText.of("满意度分制",
                        "Satisfaction scale (1 to this)"), 5, 3, 10))
                .setting(SettingDefinition.integer(ATTACHMENT_MAX_BYTES, LocalizedText.of("附件大小上限（字节）",
                        "Largest attachment, bytes"), 5 * 1024 * 1024, 10 * 1024, 20 * 1024 * 1024))
                .setting(SettingDefinition.text(AGREEMENT_TEMPLATE, LocalizedText.of("调解协议书模板",
                        "Agreement template ({caseNumber}, {parties}, {facts}, {terms}, ...)"), DEFAULT_TEMPLATE, 10000)
                        .withRule(DisputesModule::checkTemplate))
                .permissions(permissions)
                .roles(Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICIAL, Role.VILLAGE_CADRE, Role.MEDIATOR, Role.GRID_WORKER,
                        Role.RESIDENT)
                .publishes(EVENT_RECEIVED, "纠纷已受理", "Case received")
                .publishes(EVENT_ESCALATED, "纠纷已上移", "Case escalated")
                .publishes(EVENT_RESOLVED, "调解成功", "Case resolved by agreement")
                .publishes(EVENT_CLOSED, "纠纷已结案", "Case closed after follow-up")
                .publishes(EVENT_REOPENED, "协议未履行，重新调解", "Case reopened: agreement broken")
                .publishes(EVENT_JUDICIAL_WINDOW_CLOSING, "司法确认期限将至", "Judicial confirmation window closing")
                .job(DeadlineJob.KEY, "办理时限检查", "Deadlines: mark overdue, escalate, remind of judicial windows",
                        Duration.ofHours(1), deadlines::work)
                .flow(DisputeFacts.RECEIVED, "受理纠纷（按渠道）", "Cases received, by channel", "cases")
                .flow(DisputeFacts.RECEIVED_BY_CATEGORY, "受理纠纷（按类别）", "Cases received, by category", "cases")
                .flow(DisputeFacts.RESOLVED, "调解成功（按层级）", "Cases resolved by agreement, by level", "cases")
                .flow(DisputeFacts.DAYS_TO_RESOLVE, "化解用时合计（按层级）", "Days to resolve, summed, by level", "days")
                .flow(DisputeFacts.OVERDUE, "超期（按层级）", "Cases marked overdue, by level", "cases")
                .flow(DisputeFacts.ESCALATED, "上移（按原因）", "Escalations, by reason", "cases")
                .flow(DisputeFacts.REFERRED_OUT, "移送（按去向）", "Cases referred out, by where to", "cases")
                .flow(DisputeFacts.FOLLOW_UPS, "回访（按结果）", "Follow-up visits, by outcome", "visits")
                .flow(DisputeFacts.SATISFACTION_SUM, "满意度合计", "Satisfaction at follow-ups, summed", "score")
                .statistic("cases-received", "受理纠纷数", "Cases received", "count", sum(DisputeFacts.RECEIVED))
                .statistic("cases-resolved", "调解成功数", "Cases resolved", "count", sum(DisputeFacts.RESOLVED))
                .statistic("resolved-share-village", "村级化解率", "Share resolved in the village", "ratio",
                        resolvedShare(Level.VILLAGE))
                .statistic("resolved-share-township", "镇级化解率", "Share resolved in the township", "ratio",
                        resolvedShare(Level.TOWNSHIP))
                .statistic("resolved-share-county", "县级化解率", "Share resolved at the county centre", "ratio",
                        resolvedShare(Level.COUNTY))
                .statistic("days-to-resolve", "平均化解天数", "Average days to resolve", "days",
                        average(FactRef.of(DisputeFacts.DAYS_TO_RESOLVE), FactRef.of(DisputeFacts.RESOLVED)))
                .statistic("cases-overdue", "超期纠纷数", "Cases overdue", "count", sum(DisputeFacts.OVERDUE))
                .statistic("cases-escalated", "上移次数", "Escalations", "count", sum(DisputeFacts.ESCALATED))
                .statistic("satisfaction", "平均满意度", "Average satisfaction", "score",
                        average(FactRef.of(DisputeFacts.SATISFACTION_SUM), FactRef.of(DisputeFacts.FOLLOW_UPS)))
                .recount(DisputeFacts::recount)
                .demoSeed(demoCases)
                .build();
    }

    /** The share of resolutions reached at a level: "small matters stay in the village". */
    private static StatisticDefinition.Derivation resolvedShare(Level level) {
        return ratio(FactRef.of(DisputeFacts.RESOLVED, level.name()), FactRef.of(DisputeFacts.RESOLVED));
    }

    private static List<Map<String, Object>> defaultCategories() {
        return List.of(coded("neighbours", "邻里纠纷", "Neighbours"),
                coded("marriage-family", "婚姻家庭纠纷", "Marriage and family"),
                coded("land-homestead", "土地宅基地纠纷", "Land and homestead"),
                coded("debts", "债务纠纷", "Debts"),
                coded("unpaid-wages", "拖欠工资纠纷", "Unpaid wages"),
                coded("property", "财产纠纷", "Property"),
                coded("environment", "环境纠纷", "Environment"),
                coded("other", "其他纠纷", "Other"));
    }

    private static List<Map<String, Object>> defaultRisks() {
        Map<String, Object> high = coded("high", "高风险", "High");
        high.put("escalateAtOnce", true);
        return List.of(coded("low", "低风险", "Low"), coded("medium", "中风险", "Medium"), high);
    }

    private static Map<String, Object> coded(String code, String zh, String en) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("code", code);
        item.put("zh", zh);
        item.put("en", en);
        return item;
    }

    static Optional<String> checkCodedList(JsonNode value) {
        if (!value.isArray() || value.isEmpty()) {
            return Optional.of("must be a non-empty list of {code, zh, en}");
        }
        Set<String> codes = new HashSet<>();
        for (JsonNode item : value) {
            if (!item.isObject() || !item.path("code").isTextual() || !item.path("code").asText().matches("[a-z][a-z0-9-]{0,39}")
                    || !item.path("zh").isTextual() || !item.path("en").isTextual()) {
                return Optional.of("each item needs a code (lower-case letters, digits, dashes) and zh and en names");
            }
            if (!codes.add(item.get("code").asText())) {
                return Optional.of("code " + item.get("code").asText() + " appears twice");
            }
        }
        return Optional.empty();
    }

    static Optional<String> checkRisks(JsonNode value) {
        Optional<String> problem = checkCodedList(value);
        if (problem.isPresent()) {
            return problem;
        }
        for (JsonNode item : value) {
            if (item.has("escalateAtOnce") && !item.get("escalateAtOnce").isBoolean()) {
                return Optional.of("escalateAtOnce must be true or false");
            }
        }
        return Optional.empty();
    }

    static Optional<String> checkLevels(JsonNode value) {
        if (value.isEmpty()) {
            return Optional.of("must name at least one level");
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode item : value) {
            if (!seen.add(item.asText())) {
                return Optional.of("names " + item.asText() + " twice");
            }
        }
        return Optional.empty();
    }

    static Optional<String> checkDeadlines(JsonNode value) {
        if (!value.isObject()) {
            return Optional.of("must be an object of days per level, e.g. {\"VILLAGE\": 15}");
        }
        for (Level level : Level.values()) {
            JsonNode days = value.get(level.name());
            if (days == null || !days.isIntegralNumber() || days.asInt() < 1 || days.asInt() > 365) {
                return Optional.of(level.name() + " must be a whole number of days from 1 to 365");
            }
        }
        if (value.size() != Level.values().length) {
            return Optional.of("may only name VILLAGE, TOWNSHIP and COUNTY");
        }
        return Optional.empty();
    }

    static Optional<String> checkTemplate(JsonNode value) {
        Matcher m = PLACEHOLDER.matcher(value.asText());
        while (m.find()) {
            if (!TEMPLATE_PLACEHOLDERS.contains(m.group(1))) {
                return Optional.of("uses unknown placeholder {" + m.group(1) + "}; known: "
                        + new java.util.TreeSet<>(TEMPLATE_PLACEHOLDERS));
            }
        }
        return value.asText().contains("{terms}") ? Optional.empty() : Optional.of("must contain {terms}");
    }
}
