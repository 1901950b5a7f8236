package org.wangwu.points.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and checks a county's rule catalogue and its event-to-rule map, as stored in the settings. */
public final class RuleCatalogue {

    public static final List<String> CATEGORIES = List.of("FILIAL_PIETY", "NEIGHBOURLY_HELP", "VOLUNTEER_SERVICE",
            "CLEAN_ENVIRONMENT", "CUSTOMS_COMPLIANCE", "CIVIC_PARTICIPATION", "MISCONDUCT");
    public static final List<String> RECORDERS = List.of("resident", "village-cadre", "grid-worker",
            "township-official", "county-admin", "third-party-app");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");
    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9-]+");
    private static final int MAX_RULES = 200;

    /** A starting catalogue modelled on Jiyuan's moral points bank; every county edits its own. */
    public static final List<Map<String, Object>> DEFAULT_RULES = List.of(
            rule("FILIAL-01", "孝敬老人、照料病残家人", "FILIAL_PIETY", 5, true, 20, "MONTH",
                    List.of("resident", "village-cadre", "grid-worker"), true),
            rule("HELP-01", "帮扶邻里、救急解难", "NEIGHBOURLY_HELP", 3, false, 15, "MONTH",
                    List.of("resident", "village-cadre", "grid-worker"), true),
            rule("VOLUNTEER-01", "参加志愿服务（每次）", "VOLUNTEER_SERVICE", 2, false, 20, "MONTH",
                    List.of("village-cadre", "grid-worker"), false),
            rule("ENV-01", "庭院整洁、垃圾分类达标", "CLEAN_ENVIRONMENT", 2, false, 4, "MONTH",
                    List.of("village-cadre", "grid-worker"), false),
            rule("CUSTOMS-01", "婚事新办、不要高价彩礼", "CUSTOMS_COMPLIANCE", 10, false, 10, "YEAR",
                    List.of("village-cadre"), false),
            rule("CUSTOMS-02", "丧事简办、进公墓", "CUSTOMS_COMPLIANCE", 10, false, 10, "YEAR",
                    List.of("village-cadre"), false),
            rule("CIVIC-01", "参加村民议事协商", "CIVIC_PARTICIPATION", 1, false, 12, "YEAR",
                    List.of("village-cadre"), false),
            rule("DEDUCT-01", "乱堆乱放、私搭乱建", "MISCONDUCT", -5, true, 0, "MONTH",
                    List.of("village-cadre", "grid-worker"), true),
            // Earned from customs.violation-found; the village reviews it, as the household may still appeal.
            rule("DEDUCT-02", "红白事大操大办、超出村规民约标准", "MISCONDUCT", -10, false, 0, "MONTH",
                    List.of("village-cadre"), true));

    private RuleCatalogue() {
    }

    private static Map<String, Object> rule(String code, String item, String category, int points, boolean evidence,
                                            int cap, String capPeriod, List<String> recordedBy, boolean review) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("code", code);
        r.put("item", item);
        r.put("category", category);
        r.put("points", points);
        r.put("evidenceRequired", evidence);
        r.put("capPerPeriod", cap);
        r.put("capPeriod", capPeriod);
        r.put("recordedBy", recordedBy);
        r.put("reviewRequired", review);
        return r;
    }

    /** The catalogue as rules; assumes it passed {@link #problemWith}. */
    public static List<Rule> read(JsonNode catalogue) {
        List<Rule> rules = new ArrayList<>();
        for (JsonNode r : catalogue) {
            List<String> recordedBy = new ArrayList<>();
            r.get("recordedBy").forEach(role -> recordedBy.add(role.asText()));
            rules.add(new Rule(r.get("code").asText(), r.get("item").asText(), r.get("category").asText(),
                    r.get("points").asInt(), r.path("evidenceRequired").asBoolean(false),
                    r.path("capPerPeriod").asInt(0), r.path("capPeriod").asText("MONTH"), List.copyOf(recordedBy),
                    r.path("reviewRequired").asBoolean(true)));
        }
        return rules;
    }

    /** What is wrong with a catalogue, naming the rule; empty when it is acceptable. */
    public static Optional<String> problemWith(JsonNode catalogue) {
        if (!catalogue.isArray()) {
            return Optional.of("must be a list of rules");
        }
        if (catalogue.size() > MAX_RULES) {
            return Optional.of("may hold at most " + MAX_RULES + " rules");
        }
        Set<String> codes = new HashSet<>();
        int i = 0;
        for (JsonNode r : catalogue) {
            String at = "rule " + i++ + ": ";
            if (!r.isObject()) {
                return Optional.of(at + "must be an object");
            }
            Set<String> known = Set.of("code", "item", "category", "points", "evidenceRequired", "capPerPeriod",
                    "capPeriod", "recordedBy", "reviewRequired");
            for (var names = r.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.contains(name)) {
                    return Optional.of(at + "has an unknown field " + name);
                }
            }
            if (!r.path("code").isTextual() || !CODE.matcher(r.get("code").asText()).matches()) {
                return Optional.of(at + "code must be 2-40 upper-case letters, digits or dashes");
            }
            if (!codes.add(r.get("code").asText())) {
                return Optional.of(at + "code " + r.get("code").asText() + " appears twice");
            }
            if (!r.path("item").isTextual() || r.get("item").asText().isBlank() || r.get("item").asText().length() > 200) {
                return Optional.of(at + "item must be text of 1-200 characters");
            }
            if (!r.path("category").isTextual() || !CATEGORIES.contains(r.get("category").asText())) {
                return Optional.of(at + "category must be one of " + CATEGORIES);
            }
            JsonNode points = r.path("points");
            if (!points.isIntegralNumber() || points.asInt() == 0 || Math.abs(points.asLong()) > 1000) {
                return Optional.of(at + "points must be a whole number from -1000 to 1000, not 0");
            }
            for (String flag : List.of("evidenceRequired", "reviewRequired")) {
                if (!r.path(flag).isBoolean()) {
                    return Optional.of(at + flag + " must be true or false");
                }
            }
            JsonNode cap = r.path("capPerPeriod");
            if (!cap.isMissingNode() && (!cap.isIntegralNumber() || cap.asLong() < 0 || cap.asLong() > 100_000)) {
                return Optional.of(at + "capPerPeriod must be a whole number from 0 (no cap) to 100000");
            }
            JsonNode period = r.path("capPeriod");
            if (!period.isMissingNode() && !List.of("MONTH", "YEAR").contains(period.asText())) {
                return Optional.of(at + "capPeriod must be MONTH or YEAR");
            }
            JsonNode roles = r.path("recordedBy");
            if (!roles.isArray() || roles.isEmpty()) {
                return Optional.of(at + "recordedBy must list at least one of " + RECORDERS);
            }
            for (JsonNode role : roles) {
                if (!RECORDERS.contains(role.asText())) {
                    return Optional.of(at + "recordedBy may only contain " + RECORDERS);
                }
                if (role.asText().equals("resident") && points.asInt() < 0) {
                    return Optional.of(at + "a deduction cannot be applied for by residents");
                }
            }
        }
        return Optional.empty();
    }

    /** The event map: {"customs.wedding-verified": "CUSTOMS-01", ...}. */
    public static Optional<String> eventRulesProblem(JsonNode map) {
        if (!map.isObject()) {
            return Optional.of("must map event types to rule codes");
        }
        for (var fields = map.fields(); fields.hasNext(); ) {
            var field = fields.next();
            if (!EVENT_TYPE.matcher(field.getKey()).matches() || field.getKey().startsWith("points.")) {
                return Optional.of(field.getKey() + " is not an event type of another module (<module>.<event>)");
            }
            if (!field.getValue().isTextual() || !CODE.matcher(field.getValue().asText()).matches()) {
                return Optional.of(field.getKey() + " must map to a rule code");
            }
        }
        return Optional.empty();
    }
}
