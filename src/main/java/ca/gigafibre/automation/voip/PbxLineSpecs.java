package ca.gigafibre.automation.voip;

import ca.gigafibre.automation.adapter.pbx.PbxClient.LineSpec;
import ca.gigafibre.automation.adapter.pbx.PbxClient.Voicemail;
import ca.gigafibre.automation.platform.error.NotFoundException;
import ca.gigafibre.automation.platform.secret.SecretCipher;
import ca.gigafibre.automation.platform.secret.SecretColumn;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds the PBX line of a DID from our data at call time, decrypting the SIP password and voicemail PIN just
 * for the call; nothing secret goes through process variables.
 */
@Component
public class PbxLineSpecs {

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    public PbxLineSpecs(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** @param state the PBX state to ask for ({@code suspended} keeps a new line not live until 911 is confirmed) */
    public LineSpec spec(String did, boolean withVoicemail, String state) {
        return jdbc.sql("SELECT * FROM automation.voip_line WHERE did = :did").param("did", did)
                .query((rs, n) -> new LineSpec(rs.getString("caller_id_name"),
                        cipher.decrypt(rs.getBytes("sip_password_enc"), SecretColumn.SIP_PASSWORD, rs.getLong("id")),
                        rs.getString("extension"), rs.getString("language"), rs.getInt("max_calls"), rs.getInt("call_timeout_sec"),
                        List.of((String[]) rs.getArray("country_whitelist").getArray()),
                        withVoicemail ? new Voicemail(rs.getBoolean("voicemail_enabled"),
                                cipher.decrypt(rs.getBytes("voicemail_pin_enc"), SecretColumn.VOICEMAIL_PIN, rs.getLong("id")),
                                rs.getString("voicemail_email")) : null,
                        state))
                .optional().orElseThrow(() -> new NotFoundException("VoIP line", did, "did"));
    }

    /** The PBX state that matches our line: live only once active; suspended accounts keep 911 (emergency-only). */
    public String pbxStateOf(String did) {
        String state = jdbc.sql("SELECT state FROM automation.voip_line WHERE did = :did").param("did", did)
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("VoIP line", did, "did"));
        return pbxStateFor(state);
    }

    /** Our line state → the PBX's: only active lines are live; suspended accounts keep 911; pending lines are not live. */
    public static String pbxStateFor(String ourState) {
        return switch (ourState) {
            case "active" -> "active";
            case "emergency-only", "suspended" -> "emergency-only";
            default -> "suspended";
        };
    }
}
