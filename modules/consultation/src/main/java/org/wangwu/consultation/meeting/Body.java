package org.wangwu.consultation.meeting;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The bodies that meet or act in a village's consultation. The party branch committee, the two
 * committees and the supervision committee have members kept by the village's cadres (from the
 * register); party members, representatives and adult villagers come from the register's flags.
 */
@Schema(name = "VillageBody", description = "The village bodies that meet: PARTY_BRANCH (党支部), TWO_COMMITTEES (村两委), PARTY_MEMBERS (党员大会), VILLAGERS_MEETING (村民会议), REPRESENTATIVES_MEETING (村民代表会议), SUPERVISION_COMMITTEE (村务监督委员会), LIGHT_FORM (the lighter procedure's meeting)")
public enum Body {
    /** 村党支部（委员会）: proposes. */
    PARTY_BRANCH("村党支部", true),
    /** 村"两委"联席会议: deliberates. */
    TWO_COMMITTEES("村\"两委\"联席会议", true),
    /** 党员大会: reviews. */
    PARTY_MEMBERS("党员大会", false),
    /** 村民会议: villagers aged 18 or over. */
    VILLAGERS_MEETING("村民会议", false),
    /** 村民代表会议. */
    REPRESENTATIVES_MEETING("村民代表会议", false),
    /** 村务监督委员会: supervises implementation; holds no meeting of a step here. */
    SUPERVISION_COMMITTEE("村务监督委员会", true),
    /** A lighter form the county lists (院落会, 议事会...): any adult villager may attend. */
    LIGHT_FORM("议事协商会", false);

    private final String zh;
    private final boolean keptMembers;

    Body(String zh, boolean keptMembers) {
        this.zh = zh;
        this.keptMembers = keptMembers;
    }

    public String zh() {
        return zh;
    }

    /** Whether the village's cadres keep this body's members (rather than the register's flags deciding). */
    public boolean keptMembers() {
        return keptMembers;
    }
}
