package org.wangwu.platform.county;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;

/** A county as the API shows it. */
public record CountyView(
        @Schema(description = "The county's 6-digit division code", examples = "419001") String code,
        @Schema(description = "Its Chinese name", examples = "济源市") String nameZh,
        @Schema(description = "Its English name", examples = "Jiyuan") String nameEn,
        @Schema(description = "Its province's 2-digit code", examples = "41") String province,
        @Schema(description = "ACTIVE, or SUSPENDED (its calls are refused)") County.Status status,
        @Schema(description = "Why its status last changed", examples = "试点评估期间暂停") String statusReason,
        @Schema(description = "When it was onboarded") Instant onboardedAt,
        @Schema(description = "Changes with every change of the county", examples = "2") long version) {

    static CountyView of(County c) {
        return new CountyView(c.code, c.nameZh, c.nameEn, c.provinceCode, c.status, c.statusReason, c.onboardedAt,
                c.version);
    }
}
