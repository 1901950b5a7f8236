package org.wangwu.platform.territory;

import java.time.LocalDate;
import java.util.UUID;
import org.wangwu.platform.privacy.ProtectedPersonalData;

/** How the registers appear in the API. Personal data appears masked, always. */
public final class TerritoryViews {

    private TerritoryViews() {
    }

    /** A township. */
    public record TownshipView(UUID id, String code, String nameZh, String nameEn) {
        static TownshipView of(Township t) {
            return new TownshipView(t.id, t.code, t.nameZh, t.nameEn);
        }
    }

    /** A village or community. */
    public record VillageView(UUID id, String code, String townshipCode, String nameZh, String nameEn, Village.Kind kind) {
        static VillageView of(Village v) {
            return new VillageView(v.id, v.code, v.code.substring(0, 9), v.nameZh, v.nameEn, v.kind);
        }
    }

    /** A villager group or grid. */
    public record GroupView(UUID id, String villageCode, String code, String name, VillagerGroup.Kind kind) {
        static GroupView of(VillagerGroup g, String villageCode) {
            return new GroupView(g.id, villageCode, g.code, g.name, g.kind);
        }
    }

    /** A household. */
    public record HouseholdView(UUID id, String villageCode, String number, UUID groupId, String address) {
        static HouseholdView of(Household h, String villageCode) {
            return new HouseholdView(h.id, villageCode, h.number, h.groupId, h.address);
        }
    }

    /** A resident with ID number and phone masked. */
    public record ResidentView(UUID id, UUID householdId, String villageCode, String name, Resident.Gender gender,
                               LocalDate birthDate, String relation, String idNumber, String phone,
                               boolean representative, boolean partyMember, String accountUsername, long version) {
        static ResidentView of(Resident r, String villageCode) {
            ProtectedPersonalData personal = ProtectedPersonalData.orNone(r.personalData);
            return new ResidentView(r.id, r.householdId, villageCode, r.name, r.gender, r.birthDate, r.relation,
                    personal.maskedIdNumber(), personal.maskedPhone(), r.representative, r.partyMember, r.accountUsername, r.version);
        }
    }

    /** The unmasked personal data of a resident; every read of it is audited. */
    public record PersonalDataView(UUID residentId, String name, String idNumber, String phone) {
    }
}
