package org.wangwu.platform.county;

import java.time.Instant;

/** A county as the API shows it. */
public record CountyView(String code, String nameZh, String nameEn, String province, County.Status status,
                         String statusReason, Instant onboardedAt, long version) {

    static CountyView of(County c) {
        return new CountyView(c.code, c.nameZh, c.nameEn, c.provinceCode, c.status, c.statusReason, c.onboardedAt,
                c.version);
    }
}
