package ca.gigafibre.automation.platform.secret;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The key of the legacy import's fingerprints. It must never change — a re-import compares fingerprints to see
 * "unchanged", and a changed key would rewrite every imported row — so it is not one of the rotating keys: it lives in
 * {@code secret_fingerprint_key}, encrypted like any secret (and re-encrypted by a rotation). Made once: from the legacy
 * key, as earlier versions derived it, so existing fingerprints stay valid; at random on an installation without one,
 * unless rows already carry fingerprints (made with a legacy key that is no longer configured).
 */
@Component
public class FingerprintKeys {

    private static final int ROW = 1;

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final TransactionTemplate ownTransaction;
    private volatile Fingerprinter fingerprinter;

    public FingerprintKeys(JdbcClient jdbc, SecretCipher cipher, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        // committed on its own, so every node sees the same key whatever happens to the caller's transaction
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public Fingerprinter fingerprinter() {
        Fingerprinter current = fingerprinter;
        if (current == null) {
            current = new Fingerprinter(ownTransaction.execute(tx -> loadOrCreate()));
            fingerprinter = current;
        }
        return current;
    }

    private byte[] loadOrCreate() {
        byte[] stored = stored();
        if (stored == null) {
            jdbc.sql("INSERT INTO automation.secret_fingerprint_key (id, key_enc) VALUES (:id, :key) ON CONFLICT (id) DO NOTHING")
                    .param("id", ROW)
                    .param("key", cipher.encrypt(Base64.getEncoder().encodeToString(newKey()), SecretColumn.FINGERPRINT_KEY, ROW))
                    .update();
            stored = stored();
        }
        return Base64.getDecoder().decode(cipher.decrypt(stored, SecretColumn.FINGERPRINT_KEY, ROW));
    }

    private byte[] newKey() {
        byte[] legacy = cipher.legacyFingerprintKey();
        if (legacy != null) {
            return legacy;
        }
        if (rowsCarryFingerprints()) {
            // rows were imported with fingerprints under the legacy key: a new key would make a re-import rewrite them all
            throw new IllegalStateException("Imported rows carry fingerprints made with AUTOMATION_SECRET_KEY: configure it (once is enough) "
                    + "so their fingerprint key is kept");
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        return fresh;
    }

    /**
     * Whether any row holds a fingerprint ({@code legacy_hash}), i.e. was imported under an earlier key. Rows, not import
     * runs: the run asking for the first key is already recorded, and a run that stopped before its first batch (or a
     * dry run) fingerprinted nothing.
     */
    private boolean rowsCarryFingerprints() {
        List<String> tables = jdbc.sql("""
                SELECT c.table_name FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = 'automation' AND c.column_name = 'legacy_hash' AND t.table_type = 'BASE TABLE'
                ORDER BY c.table_name
                """).query(String.class).list();
        return tables.stream().anyMatch(table -> jdbc.sql("SELECT exists(SELECT 1 FROM automation.\"" + table + "\" WHERE legacy_hash IS NOT NULL)")
                .query(Boolean.class).single());
    }

    private byte[] stored() {
        return jdbc.sql("SELECT key_enc FROM automation.secret_fingerprint_key WHERE id = :id").param("id", ROW)
                .query(byte[].class).optional().orElse(null);
    }
}
