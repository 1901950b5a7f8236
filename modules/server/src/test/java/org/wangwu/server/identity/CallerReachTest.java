package org.wangwu.server.identity;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.Reach;
import org.wangwu.platform.identity.Role;
import org.wangwu.platform.tenancy.CountyCode;

/** Reach below the county is decided once, from the token; every module reads the same answer. */
class CallerReachTest {

    private static final CountyCode JIYUAN = CountyCode.of("419001");

    private static Caller caller(Set<String> roles, String township, String village) {
        return new Caller("sub", "user", null, roles, Optional.of(JIYUAN), Optional.ofNullable(township),
                Optional.ofNullable(village), Optional.empty(), Set.of(), null);
    }

    @Test
    void placeBoundStaffReachTheirPlaceAndWithoutOneNothing() {
        Assertions.assertEquals(Reach.of("419001100"), caller(Set.of("township-official"), "419001100", null).reach());
        Assertions.assertEquals(Reach.of("419001100201"),
                caller(Set.of("village-cadre"), "419001100", "419001100201").reach());
        for (String role : Set.of("township-official", "village-cadre", "grid-worker", "supermarket-clerk")) {
            Caller unplaced = caller(Set.of(role), null, null);
            Assertions.assertTrue(unplaced.reach().isNone(), role);
            Assertions.assertFalse(unplaced.reaches("419001100201"), role);
        }
    }

    @Test
    void countyWideRolesReachTheCountyAndNoOtherCountysPlaces() {
        Caller admin = caller(Set.of("county-admin"), null, null);
        Assertions.assertEquals(Reach.of("419001"), admin.reach());
        Assertions.assertTrue(admin.reaches("419001100202"));
        Assertions.assertFalse(admin.reaches("330523101201"));
        // A mediator of the county's centre has no place, and reaches the county.
        Assertions.assertEquals(Reach.of("419001"), caller(Set.of("mediator"), null, null).reach());
        // A place claim of another county reaches nothing.
        Assertions.assertTrue(caller(Set.of("village-cadre"), null, "330523101201").reach().isNone());
    }

    @Test
    void aResidentsLoginCarriesNoStaffRole() {
        Caller both = caller(Set.of("village-cadre", "resident", "default-roles-wangwu"), "419001100", "419001100201");
        Assertions.assertTrue(both.has(Role.RESIDENT));
        Assertions.assertFalse(both.has(Role.VILLAGE_CADRE));
        Assertions.assertEquals(Set.of("resident", "default-roles-wangwu"), both.roles());
        Assertions.assertTrue(caller(Set.of("village-cadre"), "419001100", "419001100201").has(Role.VILLAGE_CADRE));
    }
}
