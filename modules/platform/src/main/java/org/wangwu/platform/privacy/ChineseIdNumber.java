package org.wangwu.platform.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** Checks of the 18-character resident identity number (GB 11643) and mainland mobile numbers. */
public final class ChineseIdNumber {

    private static final Pattern SHAPE = Pattern.compile("[1-8][0-9]{16}[0-9X]");
    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    private ChineseIdNumber() {
    }

    public static boolean isValid(String id) {
        if (id == null || !SHAPE.matcher(id).matches()) {
            return false;
        }
        try {
            LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException e) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11] == id.charAt(17);
    }

    public static boolean isMobile(String phone) {
        return phone != null && MOBILE.matcher(phone).matches();
    }
}
