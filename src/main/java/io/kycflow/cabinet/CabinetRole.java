package io.kycflow.cabinet;

import java.util.Arrays;

/** What a member may do, each role including everything of the roles after it. */
public enum CabinetRole {
    /** Everything, including members and keys. */
    OWNER,
    /** Flows, keys and settings. */
    ADMIN,
    /** Sessions, media and decisions. */
    REVIEWER,
    /** Read-only: no media and no personal fields. */
    VIEWER;

    public boolean atLeast(CabinetRole minimum) {
        return ordinal() <= minimum.ordinal();
    }

    /** The roles that satisfy {@code minimum}, as Spring Security authority names without the ROLE_ prefix. */
    public static String[] satisfying(CabinetRole minimum) {
        return Arrays.stream(values()).filter(role -> role.atLeast(minimum)).map(Enum::name).toArray(String[]::new);
    }
}
