package org.wangwu.platform.territory;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.LocalDate;
import java.util.UUID;
import org.wangwu.platform.privacy.ProtectedPersonalData;

/** How the registers appear in the API. Personal data appears masked, always. */
public final class TerritoryViews {

    private TerritoryViews() {
    }

    /** A township. */
    public record TownshipView(
            @Schema(description = "The township's id") UUID id,
            @Schema(description = "Its 9-digit division code", examples = "419001100") String code,
            @Schema(description = "Its Chinese name", examples = "承留镇") String nameZh,
            @Schema(description = "Its English name", examples = "Chengliu") String nameEn) {
        static TownshipView of(Township t) {
            return new TownshipView(t.id, t.code, t.nameZh, t.nameEn);
        }
    }

    /** A village or community. */
    public record VillageView(
            @Schema(description = "The village's id") UUID id,
            @Schema(description = "Its 12-digit division code", examples = "419001100201") String code,
            @Schema(description = "Its township", examples = "419001100") String townshipCode,
            @Schema(description = "Its Chinese name", examples = "花石村") String nameZh,
            @Schema(description = "Its English name", examples = "Huashi") String nameEn,
            @Schema(description = "VILLAGE or COMMUNITY") Village.Kind kind) {
        static VillageView of(Village v) {
            return new VillageView(v.id, v.code, v.code.substring(0, 9), v.nameZh, v.nameEn, v.kind);
        }
    }

    /** A villager group or grid. */
    public record GroupView(
            @Schema(description = "The group's id") UUID id,
            @Schema(description = "Its village (12 digits)", examples = "419001100201") String villageCode,
            @Schema(description = "Its code in the village", examples = "01") String code,
            @Schema(description = "Its name", examples = "第一村民小组") String name,
            @Schema(description = "GROUP (villager group) or GRID") VillagerGroup.Kind kind) {
        static GroupView of(VillagerGroup g, String villageCode) {
            return new GroupView(g.id, villageCode, g.code, g.name, g.kind);
        }
    }

    /** A household. */
    public record HouseholdView(
            @Schema(description = "The household's id") UUID id,
            @Schema(description = "Its village (12 digits)", examples = "419001100201") String villageCode,
            @Schema(description = "Its number in the village", examples = "0001") String number,
            @Schema(description = "Its villager group, if known") UUID groupId,
            @Schema(description = "Its address", examples = "花石村东街12号") String address) {
        static HouseholdView of(Household h, String villageCode) {
            return new HouseholdView(h.id, villageCode, h.number, h.groupId, h.address);
        }
    }

    /** A resident with ID number and phone masked. */
    public record ResidentView(
            @Schema(description = "The resident's id") UUID id,
            @Schema(description = "Their household") UUID householdId,
            @Schema(description = "Their village (12 digits)", examples = "419001100201") String villageCode,
            @Schema(description = "Full name", examples = "王秀英") String name,
            @Schema(description = "MALE or FEMALE") Resident.Gender gender,
            @Schema(description = "Date of birth", examples = "1990-01-01") LocalDate birthDate,
            @Schema(description = "Relation to the head of household", examples = "户主") String relation,
            @Schema(description = "ID number, masked", examples = "4101**********1234") String idNumber,
            @Schema(description = "Phone, masked", examples = "138****5678") String phone,
            @Schema(description = "Whether they are a villagers' representative", examples = "false") boolean representative,
            @Schema(description = "Whether they are a party member", examples = "false") boolean partyMember,
            @Schema(description = "The username they sign in with, once linked", examples = "wang.xiuying") String accountUsername,
            @Schema(description = "Changes with every change of the record", examples = "1") long version) {
        static ResidentView of(Resident r, String villageCode) {
            ProtectedPersonalData personal = ProtectedPersonalData.orNone(r.personalData);
            return new ResidentView(r.id, r.householdId, villageCode, r.name, r.gender, r.birthDate, r.relation,
                    personal.maskedIdNumber(), personal.maskedPhone(), r.representative, r.partyMember, r.accountUsername, r.version);
        }
    }

    /** The unmasked personal data of a resident; every read of it is audited. */
    public record PersonalDataView(
            @Schema(description = "The resident") UUID residentId,
            @Schema(description = "Full name", examples = "王秀英") String name,
            @Schema(description = "The full ID number", examples = "410102199001011234") String idNumber,
            @Schema(description = "The full phone number", examples = "13812345678") String phone) {
    }
}
