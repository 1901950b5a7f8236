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
            @NotNull @Pattern(regexp = "[0-9]{9}") @Schema(description = "The township's 9-digit division code, starting with the county's", examples = "419001100") String code,
            @NotBlank @Size(max = 100) @Schema(description = "Its Chinese name", examples = "承留镇") String nameZh,
            @Size(max = 200) @Schema(description = "Its English name", examples = "Chengliu") String nameEn) {
        Map<String, String> row() {
            return columns("code", code, "name_zh", nameZh, "name_en", nameEn);
        }
    }

    /** A new village or community. */
    public record NewVillage(
            @NotNull @Pattern(regexp = "[0-9]{12}") @Schema(description = "The village's 12-digit statistical division code, starting with its township's", examples = "419001100201") String code,
            @NotNull @Pattern(regexp = "[0-9]{9}") @Schema(description = "Its township (9 digits)", examples = "419001100") String townshipCode,
            @NotBlank @Size(max = 100) @Schema(description = "Its Chinese name", examples = "花石村") String nameZh,
            @Size(max = 200) @Schema(description = "Its English name", examples = "Huashi") String nameEn,
            @Schema(description = "VILLAGE or COMMUNITY") Village.Kind kind) {
        Map<String, String> row() {
            return columns("code", code, "township_code", townshipCode, "name_zh", nameZh, "name_en", nameEn,
                    "kind", kind == null ? null : kind.name());
        }
    }

    /** A new villager group or grid. */
    public record NewGroup(
            @Schema(description = "The village (12 digits)", examples = "419001100201") @NotNull @Pattern(regexp = "[0-9]{12}") String villageCode,
            @NotNull @Pattern(regexp = "[0-9A-Za-z-]{1,20}") @Schema(description = "The group's code in the village", examples = "01") String code,
            @NotBlank @Size(max = 100) @Schema(description = "Its name", examples = "第一村民小组") String name,
            @Schema(description = "GROUP (villager group) or GRID") VillagerGroup.Kind kind) {
        Map<String, String> row() {
            return columns("village_code", villageCode, "code", code, "name", name, "kind", kind == null ? null : kind.name());
        }
    }

    /** A new household. */
    public record NewHousehold(
            @Schema(description = "The village (12 digits)", examples = "419001100201") @NotNull @Pattern(regexp = "[0-9]{12}") String villageCode,
            @NotNull @Pattern(regexp = "[0-9A-Za-z-]{1,20}") @Schema(description = "The household's number in the village", examples = "0001") String number,
            @Schema(description = "Its villager group's code, if known", examples = "01") @Pattern(regexp = "[0-9A-Za-z-]{1,20}") String groupCode,
            @Schema(description = "Its address", examples = "花石村东街12号") @Size(max = 300) String address) {
        Map<String, String> row() {
            return columns("village_code", villageCode, "number", number, "group_code", groupCode, "address", address);
        }
    }

    /** A new resident of an existing household. */
    public record NewResident(
            @Schema(description = "The household's village (12 digits)", examples = "419001100201") @NotNull @Pattern(regexp = "[0-9]{12}") String villageCode,
            @Schema(description = "The household's number in the village", examples = "0001") @NotNull @Pattern(regexp = "[0-9A-Za-z-]{1,20}") String householdNumber,
            @NotBlank @Size(max = 50) @Schema(description = "Full name", examples = "王秀英") String name,
            @Schema(description = "MALE or FEMALE") @NotNull Resident.Gender gender,
            @Schema(description = "Date of birth", examples = "1990-01-01") LocalDate birthDate,
            @Size(max = 30) @Schema(description = "Relation to the head of household", examples = "户主") String relation,
            @Size(max = 18) @Schema(description = "Resident ID number (18 characters, checked); stored encrypted, shown masked", examples = "410102199001011234") String idNumber,
            @Size(max = 11) @Schema(description = "Mobile phone; stored encrypted, shown masked", examples = "13812345678") String phone,
            @Schema(description = "Whether the resident is a villagers' representative", examples = "false") Boolean representative,
            @Schema(description = "Whether the resident is a party member (for the party members' meeting)", examples = "false") Boolean partyMember) {
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
