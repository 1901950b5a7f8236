package org.wangwu.disputes.cases;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a case is mediated, lowest first: the village mediation committee (村调委会), the township's
 * (乡镇调委会), the county's one-stop conflict mediation centre (县级矛调中心).
 */
@Schema(name = "MediationLevel", description = "Where a case is mediated: VILLAGE (the village mediation committee), TOWNSHIP or COUNTY")
public enum Level {
    VILLAGE, TOWNSHIP, COUNTY;

    public boolean isAbove(Level other) {
        return ordinal() > other.ordinal();
    }
}
