package org.wangwu.disputes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wangwu.disputes.cases.Level;
import org.wangwu.platform.module.CountySettings;

/** A county's dispute rules, read from its module settings, in the terms the case service needs. */
public record DisputesRules(CountySettings settings) {

    public boolean isCategory(String code) {
        return codes(DisputesModule.CATEGORIES).contains(code);
    }

    public boolean isRisk(String code) {
        return codes(DisputesModule.RISKS).contains(code);
    }

    public List<String> categories() {
        return codes(DisputesModule.CATEGORIES);
    }

    public List<String> risks() {
        return codes(DisputesModule.RISKS);
    }

    public boolean escalatesAtOnce(String risk) {
        for (JsonNode item : settings.structured(DisputesModule.RISKS)) {
            if (item.path("code").asText().equals(risk)) {
                return item.path("escalateAtOnce").asBoolean(false);
            }
        }
        return false;
    }

    /** The levels in use, lowest first. */
    public List<Level> levels() {
        List<String> names = settings.textList(DisputesModule.LEVELS);
        List<Level> out = new ArrayList<>();
        for (Level level : Level.values()) {
            if (names.contains(level.name())) {
                out.add(level);
            }
        }
        return out;
    }

    public boolean inUse(Level level) {
        return levels().contains(level);
    }

    /** The next level up that the county uses; empty at the top. */
    public Optional<Level> above(Level level) {
        return levels().stream().filter(l -> l.ordinal() > level.ordinal()).findFirst();
    }

    public Level highest() {
        List<Level> levels = levels();
        return levels.get(levels.size() - 1);
    }

    public int deadlineDays(Level level) {
        return settings.structured(DisputesModule.DEADLINE_DAYS).path(level.name()).asInt(30);
    }

    public boolean escalateWhenOverdue() {
        return settings.flag(DisputesModule.ESCALATE_WHEN_OVERDUE);
    }

    public int dueSoonDays() {
        return (int) settings.integer(DisputesModule.DUE_SOON_DAYS);
    }

    public int judicialWindowDays() {
        return (int) settings.integer(DisputesModule.JUDICIAL_WINDOW_DAYS);
    }

    public int judicialReminderDays() {
        return (int) settings.integer(DisputesModule.JUDICIAL_REMINDER_DAYS);
    }

    public int followUpAfterDays() {
        return (int) settings.integer(DisputesModule.FOLLOW_UP_AFTER_DAYS);
    }

    public int satisfactionScale() {
        return (int) settings.integer(DisputesModule.SATISFACTION_SCALE);
    }

    public long attachmentMaxBytes() {
        return settings.integer(DisputesModule.ATTACHMENT_MAX_BYTES);
    }

    public String agreementTemplate() {
        return settings.text(DisputesModule.AGREEMENT_TEMPLATE);
    }

    private List<String> codes(String key) {
        List<String> out = new ArrayList<>();
        settings.structured(key).forEach(item -> out.add(item.path("code").asText()));
        return out;
    }
}
