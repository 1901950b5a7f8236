package org.wangwu.platform.territory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One register row as JSON, for apps that add records one at a time. Each becomes the same row a
 * CSV file would carry, so both paths pass the same checks in {@link RegisterImport}.
 */
public final class RegisterInputs {

    private RegisterInputs() {
    }

    /** A new township. */
    public record NewTownship(
            @NotNull @Pattern(regexp = "[0-9]{9}") @Schema(examples = "419001100") String code,
            @NotBlank @Size(max = 100) @Schema(examples = "承留镇") String nameZh,
            @Size(max = 200) @Schema(examples = "Chengliu") String nameEn) {
        Map<String, String> row() {
            return columns("code", code, "name_zh", nameZh, "name_en", nameEn);
        }
    }

    /** A new village or community. */
    public record NewVillage(
            @NotNull @Pattern(regexp = "[0-9]{12}") @Schema(examples = "419001100201") String code,
            @NotNull @Pattern(regexp = "[0-9]{9}") @Schema(examples = "419001100") String townshipCode,
            @NotBlank @Size(max = 100) @Schema(examples = "花石村") String nameZh,
            @Size(max = 200) @Schema(examples = "Huashi") String nameEn,
            Village.Kind kind) {
        Map<String, String> row() {
            return columns("code", code, "township_code", townshipCode, "name_zh", nameZh, "name_en", nameEn,
                    "kind", kind == null ? null : kind.name());
        }
    }

    /** A new villager group or grid. */
    public record NewGroup(
            @NotNull @Pattern(regexp = "[0-9]{12}") String villageCode,
            @NotNull @Pattern(regexp = "[0-9A-Za-z-]{1,20}") @Schema(examples = "01") String code,
            @NotBlank @Size(max = 100) @Schema(examples = "第一村民小组") String name,
            VillagerGroup.Kind kind) {
        Map<String, String> row() {
            return columns("village_code", villageCode, "code", code, "name", name, "kind", kind == null ? null : kind.name());
        }
    }

    /** A new household. */
    public record NewHousehold(
            @NotNull @Pattern(regexp = "[0-9]{12}") String villageCode,
            @NotNull @Pattern(regexp = "[0-9A-Za-z-]{1,20}") @Schema(examples = "0001") String number,
            @Pattern(regexp = "[0-9A-Za-z-]{1,20}") String groupCode,
            @Size(max = 300) String address) {
        Map<String, String> row() {
            return columns("village_code", villageCode, "number", number, "group_code", groupCode, "address", address);
        }
    }

    /** A new resident of an existing household. */
    public record NewResident(
            @NotNull @Pattern(regexp = "[0-9]{12}") String villageCode,
            @NotNull @Pattern(regexp = "[0-9A-Za-z-]{1,20}") String householdNumber,
            @NotBlank @Size(max = 50) @Schema(examples = "王秀英") String name,
            @NotNull Resident.Gender gender,
            LocalDate birthDate,
            @Size(max = 30) @Schema(examples = "户主") String relation,
            @Size(max = 18) @Schema(examples = "410102199001011234") String idNumber,
            @Size(max = 11) @Schema(examples = "13812345678") String phone,
            Boolean representative,
            Boolean partyMember) {
        Map<String, String> row() {
            return columns("village_code", villageCode, "household_number", householdNumber, "name", name,
                    "gender", gender.name(), "birth_date", birthDate == null ? null : birthDate.toString(),
                    "relation", relation, "id_number", idNumber, "phone", phone,
                    "representative", String.valueOf(Boolean.TRUE.equals(representative)),
                    "party_member", String.valueOf(Boolean.TRUE.equals(partyMember)));
        }
    }

    private static Map<String, String> columns(String... pairs) {
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put(pairs[i], pairs[i + 1]);
        }
        return row;
    }
}
