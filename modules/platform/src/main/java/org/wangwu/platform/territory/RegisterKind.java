package org.wangwu.platform.territory;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The registers a county keeps in spreadsheets, with the CSV columns each import takes. Required
 * columns come first; the rest may be left out of the header.
 */
@Schema(description = "A register of people and places: TOWNSHIPS, VILLAGES, GROUPS (villager groups and grids), HOUSEHOLDS or RESIDENTS")
public enum RegisterKind {
    TOWNSHIPS(List.of("code", "name_zh"), List.of("name_en")),
    VILLAGES(List.of("code", "township_code", "name_zh"), List.of("name_en", "kind")),
    GROUPS(List.of("village_code", "code", "name"), List.of("kind")),
    HOUSEHOLDS(List.of("village_code", "number"), List.of("group_code", "address")),
    RESIDENTS(List.of("village_code", "household_number", "name", "gender"),
            List.of("birth_date", "relation", "id_number", "phone", "representative", "party_member"));

    /** Most rows one file may carry; a county's largest register (residents) is split by township. */
    public static final int MAX_ROWS = 20_000;

    private final List<String> required;
    private final List<String> optional;

    RegisterKind(List<String> required, List<String> optional) {
        this.required = required;
        this.optional = optional;
    }

    public List<String> required() {
        return required;
    }

    public boolean knows(String column) {
        return required.contains(column) || optional.contains(column);
    }

    public String pathName() {
        return name().toLowerCase();
    }

    public static RegisterKind fromPath(String name) {
        for (RegisterKind kind : values()) {
            if (kind.pathName().equals(name)) {
                return kind;
            }
        }
        throw org.wangwu.platform.error.ProblemException.notFound("Register", name);
    }
}
