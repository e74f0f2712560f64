package ca.gigafibre.automation.platform.secret;

import java.nio.charset.StandardCharsets;

/**
 * Every encrypted column of the {@code automation} schema. A secret is bound to its cell — table, row id, column — as
 * associated data, so a ciphertext copied to another row or column does not decrypt; the rotation walks this list.
 * A new {@code *_enc} column must be added here, or a rotation would leave it under the old key.
 */
public enum SecretColumn {

    PAYMENT_TOKEN("payment_method", "token_enc"),
    BANK_ACCOUNT("payment_method", "bank_account_enc"),
    SIP_PASSWORD("voip_line", "sip_password_enc"),
    VOICEMAIL_PIN("voip_line", "voicemail_pin_enc"),
    ATA_PASSWORD("ata_config", "password_enc"),
    WIFI_KEY("service_order", "wifi_key_enc"),
    FINGERPRINT_KEY("secret_fingerprint_key", "key_enc");

    private final String table;
    private final String column;

    SecretColumn(String table, String column) {
        this.table = table;
        this.column = column;
    }

    public String table() {
        return table;
    }

    public String column() {
        return column;
    }

    /** "voip_line/123/sip_password_enc": names one cell, never its content (fit for messages and reports). */
    public String cell(long rowId) {
        return table + "/" + rowId + "/" + column;
    }

    byte[] associatedData(long rowId) {
        return cell(rowId).getBytes(StandardCharsets.UTF_8);
    }
}
