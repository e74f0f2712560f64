package ca.gigafibre.automation.legacy;

import ca.gigafibre.automation.platform.secret.SecretCipher;
import ca.gigafibre.automation.platform.secret.SecretColumn;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Legacy {@code pbx} (13e: the SIP line of a DID) → a VoIP line, live ({@code active}) and not yet confirmed with the
 * 911 provider ({@code e911_synced} false until the engine checks). The DID is normalised to 10 digits; the SIP and
 * voicemail passwords are encrypted on the way in. A re-run never changes a line's state.
 */
@Component
class PbxImport extends TableImport<PbxImport.Line> {

    private static final Upsert LINES = Upsert.into("voip_line", "legacy_pbx_id",
            List.of("id", "did", "customer_id", "location_id", "caller_id_name", "extension", "language", "max_calls", "call_timeout_sec",
                    "country_whitelist", "voicemail_enabled", "voicemail_email", "sip_password_enc", "voicemail_pin_enc", "state",
                    "e911_synced", "created_at"),
            List.of("id", "state", "e911_synced"), Map.of("country_whitelist", "CAST(? AS text[])", "created_at", "coalesce(?, now())"));

    private final SecretCipher cipher;

    PbxImport(SecretCipher cipher) {
        this.cipher = cipher;
    }

    record Line(long legacyId, byte[] hash, String did, long customerId, Long locationId, String callerId, String extension, String language,
                int maxCalls, int callTimeout, List<String> countries, boolean voicemail, String voicemailEmail, String sipPassword,
                String voicemailPin, OffsetDateTime createdAt) implements LegacyTarget {
        @Override
        public String toString() {
            return "Line[" + legacyId + ", " + did + ", passwords ***]";
        }
    }

    @Override
    public String legacyTable() {
        return "pbx";
    }

    @Override
    public int order() {
        return 80;
    }

    @Override
    public List<String> requiredColumns() {
        return List.of("account_id", "phone");
    }

    @Override
    public String targetTable() {
        return "voip_line";
    }

    @Override
    public String legacyColumn() {
        return "legacy_pbx_id";
    }

    @Override
    public Line map(LegacyRow row, ImportContext context, Repairs repairs) {
        Long account = row.integer("account_id");
        long customer = context.customer("account_id", account);
        String did = DidNormalizer.normalise("phone", row.text("phone"), repairs);
        Long location = context.location(row.integer("delivery_id"), account, customer);
        String language = row.text("language");
        language = language != null && language.toLowerCase(Locale.ROOT).matches("(en|an).*") ? "en" : "fr";
        Long maxCalls = row.integer("max_calls");
        Long timeout = row.integer("call_timeout");
        List<String> countries = countries(row.text("country_whitelist"));
        boolean voicemail = row.flag("has_vm");
        String sip = row.text("password");
        String pin = row.text("vm_password");
        OffsetDateTime created = LegacyTime.instant(row.integer("date_origin"));
        Line line = new Line(row.id(), null, did, customer, location, row.text("name"), row.text("int_code"), language,
                maxCalls == null || maxCalls <= 0 ? 2 : maxCalls.intValue(), timeout == null || timeout <= 0 ? 30 : timeout.intValue(),
                countries, voicemail, row.text("vm_email"), sip, pin, created);
        byte[] hash = context.fingerprint(did, account, row.integer("delivery_id"), line.callerId(), line.extension(), language,
                line.maxCalls(), line.callTimeout(), String.join(",", countries), voicemail, line.voicemailEmail(), sip, pin, created);
        return new Line(row.id(), hash, did, customer, location, line.callerId(), line.extension(), language, line.maxCalls(),
                line.callTimeout(), countries, voicemail, line.voicemailEmail(), sip, pin, created);
    }

    private static List<String> countries(String value) {
        List<String> codes = new ArrayList<>();
        if (value != null) {
            for (String code : value.toUpperCase(Locale.ROOT).split("[,;\\s|]+")) {
                if (code.matches("[A-Z]{2}") && !codes.contains(code)) {
                    codes.add(code);
                }
            }
        }
        return codes.isEmpty() ? List.of("CA", "US") : codes;
    }

    @Override
    public void write(JdbcTemplate jdbc, List<Line> rows) {
        Map<String, Long> ids = LegacyRowIds.of(jdbc, "voip_line", "legacy_pbx_id", rows.stream().map(l -> (int) l.legacyId()).toList());
        LINES.run(jdbc, rows.stream().map(l -> lineRow(l, ids.get(String.valueOf(l.legacyId())))).toList());
    }

    private Object[] lineRow(Line l, long id) {
        return new Object[] {id, l.did(), l.customerId(), l.locationId(), l.callerId(), l.extension(),
                l.language(), l.maxCalls(), l.callTimeout(), "{" + String.join(",", l.countries()) + "}", l.voicemail(), l.voicemailEmail(),
                cipher.encrypt(l.sipPassword(), SecretColumn.SIP_PASSWORD, id), cipher.encrypt(l.voicemailPin(), SecretColumn.VOICEMAIL_PIN, id),
                "active", false, l.createdAt(), (int) l.legacyId(), l.hash()};
    }

    @Override
    public void remember(ImportContext context, Line row) {
        context.wouldBeLine(row.did());
    }
}
