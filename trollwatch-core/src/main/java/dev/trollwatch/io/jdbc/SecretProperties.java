package dev.trollwatch.io.jdbc;

import com.amazon.redshift.RedshiftProperty;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.postgresql.PGProperty;

/**
 * Which JDBC URL properties carry secrets. The drivers' own property lists come first (every pgjdbc
 * and Redshift property whose constant says password, secret, token or access key), then the
 * Redshift identity-provider plugins' names, which are not in its enum ({@code client_secret},
 * {@code web_identity_token}, …), and last a name pattern, so that a secret property a future driver
 * adds is still refused rather than logged.
 */
final class SecretProperties {
    /** Constants of the drivers' property enums that hold a secret value (not a class or file name). */
    private static final Pattern SECRET_CONSTANT = Pattern.compile("PASSWORD|PWD|SECRET|SESSION_TOKEN|IDENTITY_TOKEN|ACCESS_KEY_ID");
    /** Any property whose name looks like it holds a secret. */
    private static final Pattern SECRET_NAME = Pattern.compile("password|passwd|pwd|secret|token|credential|accesskey");
    /** Names matching the pattern that hold no secret: a token's type, a callback class, a display name. */
    private static final Set<String> NOT_SECRET = Set.of("token_type", "sslpasswordcallback", "idc_client_display_name");
    /** Secrets of the Redshift identity-provider plugins (read by the plugins, not listed in the driver's enum). */
    private static final Set<String> PLUGIN_SECRETS = Set.of("client_secret", "web_identity_token", "idp_token",
            "refresh_token", "access_token", "partner_spid_secret");

    private static final Set<String> NAMES = driverSecretNames();

    private SecretProperties() {
    }

    /** True when a URL property of this name (any case) holds a secret. */
    static boolean isSecret(String name) {
        String n = name.toLowerCase(Locale.ROOT).strip();
        if (NOT_SECRET.contains(n)) {
            return false;
        }
        return NAMES.contains(n) || SECRET_NAME.matcher(n).find();
    }

    /** The secret property names the two drivers define, lower case. */
    static Set<String> driverSecretNames() {
        Set<String> names = new TreeSet<>(PLUGIN_SECRETS);
        for (PGProperty p : PGProperty.values()) {
            addIfSecret(names, p.name(), p.getName());
        }
        for (RedshiftProperty p : RedshiftProperty.values()) {
            addIfSecret(names, p.name(), p.getName());
        }
        return Set.copyOf(names);
    }

    private static void addIfSecret(Set<String> names, String constant, String propertyName) {
        String n = propertyName.toLowerCase(Locale.ROOT).strip();
        if (SECRET_CONSTANT.matcher(constant).find() && !NOT_SECRET.contains(n) && !constant.endsWith("_CALLBACK")
                && !n.isEmpty()) {
            names.add(n);
        }
    }
}
