package org.wangwu.points.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.module.CountySettings;

/** A county's settings of the points module, typed: what every service of the module applies. */
public record PointsPolicy(String accountHolder, List<Rule> rules, int disclosureDays, String expiryPolicy,
                           MonthDay expiryDate, int expiryMonths, long maxRedemptionPerDay, long evidenceMaxBytes,
                           Set<String> evidenceTypes, String nameDisplay, JsonNode eventRules) {

    public static final String ACCOUNT_HOLDER = "accountHolder";
    public static final String RULES = "rules";
    public static final String DISCLOSURE_DAYS = "disclosureDays";
    public static final String EXPIRY_POLICY = "expiryPolicy";
    public static final String EXPIRY_DATE = "expiryDate";
    public static final String EXPIRY_MONTHS = "expiryMonths";
    public static final String MAX_REDEMPTION_PER_DAY = "maxRedemptionPerDay";
    public static final String EVIDENCE_MAX_BYTES = "evidenceMaxBytes";
    public static final String EVIDENCE_TYPES = "evidenceTypes";
    public static final String NAME_DISPLAY = "nameDisplay";
    public static final String EVENT_RULES = "eventRules";
    public static final List<String> ALL_EVIDENCE_TYPES = List.of("image/jpeg", "image/png", "application/pdf");

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    public static PointsPolicy of(CountySettings s) {
        return new PointsPolicy(s.text(ACCOUNT_HOLDER), RuleCatalogue.read(s.structured(RULES)),
                (int) s.integer(DISCLOSURE_DAYS), s.text(EXPIRY_POLICY), MonthDay.parse("--" + s.text(EXPIRY_DATE)),
                (int) s.integer(EXPIRY_MONTHS), s.integer(MAX_REDEMPTION_PER_DAY), s.integer(EVIDENCE_MAX_BYTES),
                new HashSet<>(s.textList(EVIDENCE_TYPES)), s.text(NAME_DISPLAY), s.structured(EVENT_RULES));
    }

    public static Optional<String> expiryDateProblem(JsonNode value) {
        try {
            MonthDay.parse(value.asText(), MONTH_DAY);
            return Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.of("must be a month and day as MM-DD, e.g. 12-31");
        }
    }

    public boolean householdAccounts() {
        return "HOUSEHOLD".equals(accountHolder);
    }

    public Rule rule(String code) {
        return findRule(code).orElseThrow(() -> ProblemException.invalidField("ruleCode",
                "is not in this county's rule catalogue"));
    }

    public Optional<Rule> findRule(String code) {
        return rules.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /** The rule a county maps an event type of another module to, if any. */
    public Optional<String> ruleForEvent(String eventType) {
        JsonNode code = eventRules.get(eventType);
        return code == null || !code.isTextual() ? Optional.empty() : Optional.of(code.asText());
    }

    /**
     * When points earned on {@code earnedOn} expire (the first day they no longer count), or null.
     * Yearly: the first expiry date after the day earned (年底清零); after N months: N months later.
     */
    public LocalDate expiresOn(LocalDate earnedOn) {
        return switch (expiryPolicy) {
            case "YEARLY" -> {
                LocalDate candidate = expiryDate.atYear(earnedOn.getYear());
                yield candidate.isAfter(earnedOn) ? candidate : expiryDate.atYear(earnedOn.getYear() + 1);
            }
            case "AFTER_MONTHS" -> earnedOn.plusMonths(expiryMonths);
            default -> null;
        };
    }

    /** The name as a public notice may show it: full, or surname and a star (王*). */
    public String publicName(String name) {
        return org.wangwu.platform.privacy.PersonalDataProtector.publicName(name, "FULL".equals(nameDisplay));
    }

    /** The period key of a cap: 2025-03 for monthly caps, 2025 for yearly ones. */
    public static String periodKey(Rule rule, LocalDate day) {
        return "YEAR".equals(rule.capPeriod()) ? String.valueOf(day.getYear())
                : String.format("%04d-%02d", day.getYear(), day.getMonthValue());
    }
}
