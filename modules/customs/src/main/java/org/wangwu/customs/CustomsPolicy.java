package org.wangwu.customs;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import org.wangwu.platform.module.CountySettings;
import org.wangwu.platform.module.LocalizedText;
import org.wangwu.platform.privacy.PersonalDataProtector;

/**
 * A county's standards for weddings, funerals and banquets and the deadlines of its councils and
 * lists, typed from the module's settings: what every check of the module applies.
 */
public record CustomsPolicy(int revision, long bridePriceCap, long banquetTablesCap, long guestsCap,
                            long giftPerGuestCap, long funeralDaysCap, long funeralTablesCap,
                            boolean publicCemeteryRequired, int registrationDaysAhead, int councilDecisionDays,
                            int appealDays, int noticeDays, int blackListMonths, int redListMonths,
                            String nameDisplay, long attachmentMaxBytes) {

    public static final String BRIDE_PRICE_CAP = "bridePriceCapYuan";
    public static final String BANQUET_TABLES_CAP = "banquetTablesCap";
    public static final String GUESTS_CAP = "guestsCap";
    public static final String GIFT_PER_GUEST_CAP = "giftPerGuestCapYuan";
    public static final String FUNERAL_DAYS_CAP = "funeralDaysCap";
    public static final String FUNERAL_TABLES_CAP = "funeralTablesCap";
    public static final String PUBLIC_CEMETERY = "publicCemeteryRequired";
    public static final String REGISTRATION_DAYS_AHEAD = "registrationDaysAhead";
    public static final String COUNCIL_DECISION_DAYS = "councilDecisionDays";
    public static final String APPEAL_DAYS = "appealDays";
    public static final String NOTICE_DAYS = "noticeDays";
    public static final String BLACK_LIST_MONTHS = "blackListMonths";
    public static final String RED_LIST_MONTHS = "redListMonths";
    public static final String NAME_DISPLAY = "nameDisplay";
    public static final String ATTACHMENT_MAX_BYTES = "attachmentMaxBytes";

    public static CustomsPolicy of(CountySettings s) {
        return new CustomsPolicy(s.revision(), s.integer(BRIDE_PRICE_CAP), s.integer(BANQUET_TABLES_CAP),
                s.integer(GUESTS_CAP), s.integer(GIFT_PER_GUEST_CAP), s.integer(FUNERAL_DAYS_CAP),
                s.integer(FUNERAL_TABLES_CAP), s.flag(PUBLIC_CEMETERY), (int) s.integer(REGISTRATION_DAYS_AHEAD),
                (int) s.integer(COUNCIL_DECISION_DAYS), (int) s.integer(APPEAL_DAYS), (int) s.integer(NOTICE_DAYS),
                (int) s.integer(BLACK_LIST_MONTHS), (int) s.integer(RED_LIST_MONTHS), s.text(NAME_DISPLAY),
                s.integer(ATTACHMENT_MAX_BYTES));
    }

    /** The kinds of family event a council supervises. */
    @Schema(description = "A family event a council supervises: WEDDING, FUNERAL or BANQUET (other banquets)")
    public enum EventKind { WEDDING, FUNERAL, BANQUET }

    /** The figures of an event, as planned in a registration or as the council found them afterwards. */
    public record Figures(
            @Schema(description = "Banquet tables", examples = "10") int tables,
            @Schema(description = "Guests", examples = "100") int guests,
            @Schema(description = "Bride price in yuan (weddings)", examples = "20000") Long bridePriceYuan,
            @Schema(description = "Gift money per guest in yuan", examples = "100") Long giftPerGuestYuan,
            @Schema(description = "Days of the funeral (funerals)", examples = "3") Integer funeralDays,
            @Schema(description = "Burial in a public cemetery (funerals)", examples = "true") Boolean publicCemetery) {
    }

    /** One cap an event goes over, named: which cap, the county's limit, and the figure. */
    public record Excess(
            @Schema(description = "The cap gone over", examples = "bridePriceYuan") String cap,
            @Schema(description = "The county's cap", examples = "30000") long limit,
            @Schema(description = "The planned or actual value", examples = "50000") long value,
            @Schema(description = "What to tell the family, in Chinese and English") LocalizedText message) {
    }

    /** Every cap the figures of an event of this kind go over; empty when they keep to all of them. */
    public List<Excess> excesses(EventKind kind, Figures f) {
        List<Excess> out = new ArrayList<>();
        long tablesCap = kind == EventKind.FUNERAL ? funeralTablesCap : banquetTablesCap;
        over(out, "TABLES", tablesCap, f.tables(), "桌数", "tables", "桌", "");
        over(out, "GUESTS", guestsCap, f.guests(), "宾客人数", "guests", "人", "");
        over(out, "GIFT_PER_GUEST", giftPerGuestCap, f.giftPerGuestYuan(), "人均礼金", "gift money per guest", "元",
                " yuan");
        if (kind == EventKind.WEDDING) {
            over(out, "BRIDE_PRICE", bridePriceCap, f.bridePriceYuan(), "彩礼", "bride price", "元", " yuan");
        }
        if (kind == EventKind.FUNERAL) {
            over(out, "FUNERAL_DAYS", funeralDaysCap, f.funeralDays() == null ? null : f.funeralDays().longValue(),
                    "治丧天数", "funeral days", "天", " days");
            if (publicCemeteryRequired && Boolean.FALSE.equals(f.publicCemetery())) {
                out.add(new Excess("PUBLIC_CEMETERY", 1, 0, LocalizedText.of("未安葬在公益性公墓",
                        "burial outside a public cemetery, which the county requires")));
            }
        }
        return out;
    }

    private static void over(List<Excess> out, String cap, long limit, Long value, String zh, String en, String unitZh,
                             String unitEn) {
        if (value != null && value > limit) {
            out.add(new Excess(cap, limit, value, LocalizedText.of(
                    zh + value + unitZh + "，超过上限" + limit + unitZh,
                    en + " " + value + unitEn + " is over the cap of " + limit + unitEn)));
        }
    }

    private static void over(List<Excess> out, String cap, long limit, int value, String zh, String en, String unitZh,
                             String unitEn) {
        over(out, cap, limit, Long.valueOf(value), zh, en, unitZh, unitEn);
    }

    /**
     * Money a family kept by staying under the caps: the bride price below its cap, and the gift money
     * per guest below its cap for every guest. Nothing counts where a figure went over.
     */
    public long moneySaved(EventKind kind, Figures actual) {
        long saved = 0;
        if (kind == EventKind.WEDDING && actual.bridePriceYuan() != null) {
            saved += Math.max(0, bridePriceCap - actual.bridePriceYuan());
        }
        if (actual.giftPerGuestYuan() != null) {
            saved += Math.max(0, giftPerGuestCap - actual.giftPerGuestYuan()) * actual.guests();
        }
        return saved;
    }

    /** A name as the county lets public lists show it: in full, or the surname and a star. */
    public String publicName(String name) {
        return PersonalDataProtector.publicName(name, "FULL".equals(nameDisplay));
    }
}
