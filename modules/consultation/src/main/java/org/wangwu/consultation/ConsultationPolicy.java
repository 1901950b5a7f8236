package org.wangwu.consultation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import org.wangwu.consultation.matter.Step;
import org.wangwu.consultation.meeting.Body;
import org.wangwu.consultation.meeting.Fraction;
import org.wangwu.consultation.meeting.Quorum;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.module.CountySettings;
import org.wangwu.platform.privacy.PersonalDataProtector;

/** A county's settings of the consultation module, typed: what every service of the module applies. */
public record ConsultationPolicy(List<Category> categories, List<Form> lightForms, Quorum quorum,
                                 int resolutionDisclosureDays, int resultDisclosureDays, int evaluationDays,
                                 Map<Step, Step> failureReturnsTo, Set<Body> proxyBodies, String nameDisplay,
                                 String minutesTemplate, String resolutionNoticeTemplate, long attachmentMaxBytes) {

    public static final String CATEGORIES = "categories";
    public static final String LIGHT_FORMS = "lightForms";
    public static final String QUORUM = "quorum";
    public static final String RESOLUTION_DISCLOSURE_DAYS = "resolutionDisclosureDays";
    public static final String RESULT_DISCLOSURE_DAYS = "resultDisclosureDays";
    public static final String EVALUATION_DAYS = "evaluationDays";
    public static final String FAILURE_RETURNS_TO = "failureReturnsTo";
    public static final String PROXY_BODIES = "proxyBodies";
    public static final String NAME_DISPLAY = "nameDisplay";
    public static final String MINUTES_TEMPLATE = "minutesTemplate";
    public static final String RESOLUTION_NOTICE_TEMPLATE = "resolutionNoticeTemplate";
    public static final String ATTACHMENT_MAX_BYTES = "attachmentMaxBytes";

    /** A matter category of the county, and whether it must take the full procedure. */
    public record Category(String code, String name, boolean fullProcedure) {
    }

    /** A lighter form of consultation the county lists (院落会, 议事会...). */
    public record Form(String code, String name) {
    }

    public static final List<Map<String, Object>> DEFAULT_CATEGORIES = List.of(
            category("COLLECTIVE_INCOME", "集体收入使用", true),
            category("LAND_CONTRACTING", "土地承包经营方案", true),
            category("HOMESTEAD", "宅基地使用方案", true),
            category("COMPENSATION", "征地补偿费使用分配", true),
            category("PUBLIC_WORKS", "村公益事业兴办", true),
            category("VILLAGE_COVENANT", "村规民约制定修改", true),
            category("ENVIRONMENT", "人居环境整治", false),
            category("NEIGHBOURHOOD", "邻里公共事务", false),
            category("OTHER", "其他事项", false));

    public static final List<Map<String, Object>> DEFAULT_LIGHT_FORMS = List.of(
            Map.of("code", "COURTYARD", "name", "院落会"),
            Map.of("code", "COUNCIL", "name", "村民议事会"),
            Map.of("code", "MOBILE_COUNCIL", "name", "流动议事会"));

    public static final Map<String, String> DEFAULT_FAILURE_RETURNS = Map.of(
            "PROPOSAL", "WITHDRAWN", "DELIBERATION", "PROPOSAL", "REVIEW", "DELIBERATION", "RESOLUTION", "DELIBERATION");

    public static final String DEFAULT_MINUTES = """
            {village}{body}会议记录
            事项：{title}
            议程：{step}
            时间：{heldOn}
            应到{expected}人，实到{present}人{households}
            出席人员：{attendees}
            表决结果：同意{for}票，反对{against}票，弃权{abstain}票
            会议结论：{outcome}
            会议纪要：
            {minutes}

            记录人：____________　　主持人：____________""";

    public static final String DEFAULT_NOTICE = """
            {village}决议公告
            经{body}于{heldOn}讨论，应到{expected}人，实到{present}人，同意{for}票，反对{against}票，弃权{abstain}票，通过如下决议：
            事项：{title}
            {resolution}
            公示期自{disclosureFrom}至{disclosureTo}。公示期内如有异议，请向村务监督委员会或村民委员会反映。

            {village}村民委员会
            {today}""";

    private static Map<String, Object> category(String code, String name, boolean full) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("code", code);
        c.put("name", name);
        c.put("fullProcedure", full);
        return c;
    }

    public static ConsultationPolicy of(CountySettings s) {
        List<Category> categories = new ArrayList<>();
        s.structured(CATEGORIES).forEach(c -> categories.add(new Category(c.get("code").asText(), c.get("name").asText(),
                c.get("fullProcedure").asBoolean())));
        List<Form> forms = new ArrayList<>();
        s.structured(LIGHT_FORMS).forEach(f -> forms.add(new Form(f.get("code").asText(), f.get("name").asText())));
        JsonNode q = s.structured(QUORUM);
        Quorum quorum = new Quorum(Fraction.parse(q.get(Quorum.ADULTS).asText()),
                Fraction.parse(q.get(Quorum.HOUSEHOLDS).asText()), Fraction.parse(q.get(Quorum.REPRESENTATIVES).asText()),
                Fraction.parse(q.get(Quorum.MEMBERS).asText()), Fraction.parse(q.get(Quorum.DECISION).asText()));
        Map<Step, Step> returns = new LinkedHashMap<>();
        s.structured(FAILURE_RETURNS_TO).fields().forEachRemaining(e ->
                returns.put(Step.valueOf(e.getKey()), Step.valueOf(e.getValue().asText())));
        Set<Body> proxies = new HashSet<>();
        s.textList(PROXY_BODIES).forEach(b -> proxies.add(Body.valueOf(b)));
        return new ConsultationPolicy(categories, forms, quorum, (int) s.integer(RESOLUTION_DISCLOSURE_DAYS),
                (int) s.integer(RESULT_DISCLOSURE_DAYS), (int) s.integer(EVALUATION_DAYS), returns, proxies,
                s.text(NAME_DISPLAY), s.text(MINUTES_TEMPLATE), s.text(RESOLUTION_NOTICE_TEMPLATE),
                s.integer(ATTACHMENT_MAX_BYTES));
    }

    public Category category(String code) {
        return categories.stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> ProblemException.invalidField("category", "is not one of this county's categories "
                        + categories.stream().map(Category::code).toList()));
    }

    public Form form(String code) {
        return lightForms.stream().filter(f -> f.code().equals(code)).findFirst()
                .orElseThrow(() -> ProblemException.invalidField("form", "is not one of this county's lighter forms "
                        + lightForms.stream().map(Form::code).toList()));
    }

    /** Where a meeting step that fails sends the matter. */
    public Step afterFailure(Step step) {
        return failureReturnsTo.getOrDefault(step, Step.WITHDRAWN);
    }

    public String publicName(String name) {
        return PersonalDataProtector.publicName(name, "FULL".equals(nameDisplay));
    }

    // Setting rules: a county's values are refused unless they hold.

    public static Optional<String> categoriesProblem(JsonNode value) {
        if (!value.isArray() || value.isEmpty()) {
            return Optional.of("must be a non-empty list of {code, name, fullProcedure}");
        }
        Set<String> codes = new HashSet<>();
        for (JsonNode c : value) {
            if (!c.isObject() || !c.path("code").isTextual() || !c.path("code").asText().matches("[A-Z][A-Z0-9_]{1,39}")
                    || !c.path("name").isTextual() || c.path("name").asText().isBlank()
                    || !c.path("fullProcedure").isBoolean() || c.size() != 3) {
                return Optional.of("each category needs exactly a code (A-Z, 0-9, _), a name and fullProcedure (true/false)");
            }
            if (!codes.add(c.get("code").asText())) {
                return Optional.of("category " + c.get("code").asText() + " appears twice");
            }
        }
        return Optional.empty();
    }

    public static Optional<String> formsProblem(JsonNode value) {
        if (!value.isArray()) {
            return Optional.of("must be a list of {code, name}");
        }
        Set<String> codes = new HashSet<>();
        for (JsonNode f : value) {
            if (!f.isObject() || !f.path("code").isTextual() || !f.path("code").asText().matches("[A-Z][A-Z0-9_]{1,39}")
                    || !f.path("name").isTextual() || f.path("name").asText().isBlank() || f.size() != 2) {
                return Optional.of("each lighter form needs exactly a code (A-Z, 0-9, _) and a name");
            }
            if (!codes.add(f.get("code").asText())) {
                return Optional.of("form " + f.get("code").asText() + " appears twice");
            }
        }
        return Optional.empty();
    }

    /** Each threshold is a fraction, and none is below the Organic Law's. */
    public static Optional<String> quorumProblem(JsonNode value) {
        List<String> keys = List.of(Quorum.ADULTS, Quorum.HOUSEHOLDS, Quorum.REPRESENTATIVES, Quorum.MEMBERS, Quorum.DECISION);
        if (!value.isObject() || value.size() != keys.size()) {
            return Optional.of("must give exactly " + keys);
        }
        Map<String, Fraction> law = new LinkedHashMap<>();
        Quorum.lawAsSetting().forEach((k, v) -> law.put(k, Fraction.parse(v)));
        for (String key : keys) {
            JsonNode t = value.get(key);
            if (t == null || !t.isTextual() || Fraction.problemWith(t.asText()).isPresent()) {
                return Optional.of(key + " must be a fraction n/d below 1, e.g. 2/3");
            }
            if (!Fraction.parse(t.asText()).atLeast(law.get(key))) {
                return Optional.of(key + " may not be below the law's " + law.get(key)
                        + " (Organic Law of Villagers' Committees); a county may only be stricter");
            }
        }
        return Optional.empty();
    }

    public static Optional<String> failureReturnsProblem(JsonNode value) {
        if (!value.isObject()) {
            return Optional.of("must map a meeting step to the step a failure sends the matter back to");
        }
        var fields = value.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            Step from;
            try {
                from = Step.valueOf(e.getKey());
            } catch (IllegalArgumentException ex) {
                return Optional.of(e.getKey() + " is not a step");
            }
            if (!Step.MEETING_STEPS.contains(from)) {
                return Optional.of(e.getKey() + " is not a meeting step " + Step.MEETING_STEPS);
            }
            String to = e.getValue().asText();
            boolean back = Step.MEETING_STEPS.stream().anyMatch(s -> s.name().equals(to)
                    && s.ordinal() <= from.ordinal());
            if (!back && !Step.WITHDRAWN.name().equals(to)) {
                return Optional.of(e.getKey() + " may only go back to itself, an earlier meeting step, or WITHDRAWN");
            }
        }
        return Optional.empty();
    }

    public static Optional<String> templateProblem(JsonNode value) {
        return value.asText().isBlank() ? Optional.of("must not be empty") : Optional.empty();
    }
}
