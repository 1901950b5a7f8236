package org.wangwu.platform.tenancy;

import java.util.regex.Pattern;
import org.wangwu.platform.error.ProblemException;

/**
 * A county's 6-digit GB/T 2260 division code: the tenant identifier everywhere in the platform.
 * The first two digits name the province.
 */
public record CountyCode(String value) {

    private static final Pattern SIX_DIGITS = Pattern.compile("[1-8][0-9]{5}");

    public CountyCode {
        if (value == null || !SIX_DIGITS.matcher(value).matches()) {
            throw ProblemException.invalidField("county", "must be a 6-digit GB/T 2260 division code");
        }
    }

    public static CountyCode of(String value) {
        return new CountyCode(value);
    }

    public static boolean isValid(String value) {
        return value != null && SIX_DIGITS.matcher(value).matches();
    }

    public String provinceCode() {
        return value.substring(0, 2);
    }

    /** Whether a township (9 digits) or village (12 digits) code lies inside this county. */
    public boolean contains(String placeCode) {
        return placeCode != null && placeCode.startsWith(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
