package org.wangwu.platform.county;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an operator gives to onboard a county. */
@Schema(description = "A county to onboard as a tenant")
public record CountyOnboarding(
        @NotNull @Pattern(regexp = "[1-8][0-9]{5}", message = "must be a 6-digit GB/T 2260 division code") @Schema(description = "The county's 6-digit GB/T 2260 division code", examples = "419001") String code,
        @NotBlank @Size(max = 100) @Schema(description = "Its Chinese name", examples = "济源市") String nameZh,
        @NotBlank @Size(max = 200) @Schema(description = "Its English name", examples = "Jiyuan") String nameEn,
        @NotNull @Pattern(regexp = "[0-9]{2}", message = "must be a 2-digit province code") @Schema(description = "Its province's 2-digit code (the code's first two digits)", examples = "41") String province) {
}
