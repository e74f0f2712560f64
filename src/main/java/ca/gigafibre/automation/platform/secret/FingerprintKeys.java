package ca.gigafibre.automation.platform.secret;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The key of the legacy import's fingerprints. It must never change — a re-import compares fingerprints to see
 * "unchanged", and a changed key would rewrite every imported row — so it is not one of the rotating keys: it lives in
 * {@code secret_fingerprint_key}, encrypted like any secret (and re-encrypted by a rotation). Made once: from the legacy
 * key, as earlier versions derived it, so existing fingerprints stay valid; at random on an installation without one.
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
        if (jdbc.sql("SELECT exists(SELECT 1 FROM automation.legacy_import_run WHERE NOT dry_run)").query(Boolean.class).single()) {
            // rows were imported with fingerprints under the legacy key: a new key would make a re-import rewrite them all
            throw new IllegalStateException("Imported rows carry fingerprints made with AUTOMATION_SECRET_KEY: configure it (once is enough) "
                    + "so their fingerprint key is kept");
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        return fresh;
    }

    private byte[] stored() {
        return jdbc.sql("SELECT key_enc FROM automation.secret_fingerprint_key WHERE id = :id").param("id", ROW)
                .query(byte[].class).optional().orElse(null);
    }
}
