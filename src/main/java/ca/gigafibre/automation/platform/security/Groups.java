package ca.gigafibre.automation.platform.security;

/** Camunda identity groups the engine relies on; Spring authorities are {@code GROUP_<id>}. */
public final class Groups {

    public static final String ADMINS = "camunda-admin";
    public static final String OPS = "ops";
    public static final String ANALYSTS = "analysts";
    /** Users mirrored from the identity provider: they log in through SSO only, never with a password. */
    public static final String SSO_USERS = "sso";
    /** Service accounts that scrape {@code /actuator/prometheus} and nothing else (Prometheus). */
    public static final String METRICS = "metrics";

    private Groups() {
    }

    public static String authority(String groupId) {
        return "GROUP_" + groupId;
    }
}
