package ca.gigafibre.automation.platform.secret;

import java.util.List;
import java.util.Map;

/**
 * A rotation: the primary key everything was re-encrypted under, how many secrets were re-encrypted per column, the
 * cells that could not be read (named, never shown: e.g. "voip_line/12/sip_password_enc"), and how many secrets each key
 * holds afterwards.
 */
public record SecretRotationReport(String primaryKey, Map<String, Long> rotated, List<String> unreadable, Map<String, Long> secretsByKey) {
}
