package ca.gigafibre.automation.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.secret.FingerprintKeys;
import ca.gigafibre.automation.platform.secret.RowIds;
import ca.gigafibre.automation.platform.secret.SecretCipher;
import ca.gigafibre.automation.platform.secret.SecretColumn;
import ca.gigafibre.automation.platform.secret.SecretInventory;
import ca.gigafibre.automation.platform.secret.SecretKeysets;
import ca.gigafibre.automation.platform.secret.SecretRotation;
import ca.gigafibre.automation.platform.secret.SecretRotationReport;
import ca.gigafibre.automation.platform.secret.SecretSettings;
import ca.gigafibre.automation.testing.Crashes;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.crypto.tink.KeysetHandle;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The runbook's rotation on the real database: a new key is added and made primary, the rotation re-encrypts every stored
 * secret under it (the ones written before Tink too), the old keys can then go, and a rotation that stops half-way is run
 * again and finishes. The rotation walks the whole shared database, so each test rotates back to the engine's key at the end.
 */
class SecretRotationTest extends IntegrationTest {

    private static final AtomicInteger DIDS = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    @Autowired
    SecretCipher engineCipher;

    @Autowired
    SecretRotation rotation;

    @Autowired
    SecretInventory inventory;

    @Autowired
    FingerprintKeys fingerprintKeys;

    @Autowired
    AuditLog audit;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    TestCustomers customers;

    @Autowired
    Crashes crashes;

    @Value("${automation.secret-keyset}")
    String engineKeysetJson;

    @Value("${automation.secret-key}")
    String legacyKeyBase64;

    private KeysetHandle engineKeyset;
    private byte[] legacyKey;
    private KeysetHandle withNewPrimary;
    private int newKey;

    @BeforeEach
    void newKeyMadePrimary() {
        engineKeyset = SecretKeysets.parse(engineKeysetJson, "test");
        legacyKey = Base64.getDecoder().decode(legacyKeyBase64);
        KeysetHandle added = SecretKeysets.withNewKey(engineKeyset);
        newKey = added.getAt(added.size() - 1).getId();
        withNewPrimary = SecretKeysets.promote(added, newKey);
        fingerprintKeys.fingerprinter();   // its key is one of the stored secrets
    }

    @AfterEach
    void backToTheEngineKey() {
        SecretCipher back = new SecretCipher(SecretKeysets.promote(withNewPrimary, engineKeyset.getPrimary().getId()), legacyKey);
        rotation.rotate(back);
        assertThat(inventory.secretsByKey()).containsOnlyKeys(SecretKeysets.id(engineCipher.primaryKeyId()));
    }

    @Test
    void addPromoteRotateThenTheOldKeysGoAndEverythingStillDecrypts() {
        String customer = customers.create("Rotation", false, false, false);
        long bank = addPaymentMethod(customer, Map.of("kind", "bank-ppa", "bankName", "Desjardins", "bankInstitution", "815",
                "bankTransit", "30012", "bankAccount", "88817234569"));
        long card = addPaymentMethod(customer, Map.of("kind", "paysafe-card", "paysafeProfileId", "prof-rot", "token", "tokRotation77"));
        long legacyCell = addPaymentMethod(customer, Map.of("kind", "bank-ppa", "bankName", "BMO", "bankInstitution", "001",
                "bankTransit", "12345", "bankAccount", "4445556667"));
        writtenBeforeTink(legacyCell, "4445556667");   // as an installation upgraded from the single key has it
        byte[] fingerprint = fingerprintKeys.fingerprinter().of("account 1|Côté|150.00");
        long secrets = total(inventory.secretsByKey());
        assertThat(inventory.secretsByKey()).containsKey("legacy");

        SecretCipher rotating = new SecretCipher(withNewPrimary, legacyKey);
        SecretRotationReport report = rotation.rotate(rotating);

        assertThat(report.unreadable()).isEmpty();
        assertThat(report.primaryKey()).isEqualTo(SecretKeysets.id(newKey));
        assertThat(total(report.rotated())).isEqualTo(secrets);
        assertThat(report.secretsByKey()).containsExactly(Map.entry(SecretKeysets.id(newKey), secrets));

        // the old keyset key and AUTOMATION_SECRET_KEY removed: every stored secret still decrypts, each in its own cell
        SecretCipher onlyTheNewKey = new SecretCipher(SecretKeysets.remove(withNewPrimary, engineKeyset.getPrimary().getId()), null);
        assertThat(decryptAll(onlyTheNewKey)).isEqualTo(secrets);
        assertThat(secret(onlyTheNewKey, SecretColumn.BANK_ACCOUNT, bank)).isEqualTo("88817234569");
        assertThat(secret(onlyTheNewKey, SecretColumn.PAYMENT_TOKEN, card)).isEqualTo("tokRotation77");
        assertThat(secret(onlyTheNewKey, SecretColumn.BANK_ACCOUNT, legacyCell)).isEqualTo("4445556667");
        assertThatThrownBy(() -> secret(engineCipher, SecretColumn.BANK_ACCOUNT, bank)).isInstanceOf(IllegalStateException.class);
        // fingerprints do not change with the keys: a re-import still finds its rows unchanged
        assertThat(new FingerprintKeys(jdbc, onlyTheNewKey, transactions).fingerprinter().of("account 1|Côté|150.00")).isEqualTo(fingerprint);

        assertThat(total(rotation.rotate(rotating).rotated())).as("a second run finds nothing to do").isZero();
    }

    @Test
    void aRotationThatStopsHalfWayIsRunAgainAndFinishesWithoutRedoingWhatWasDone() {
        long customerId = customerId(customers.create("Interrupted", false, false, false));
        List<Long> lines = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            lines.add(insertLine(customerId, "sip-secret-" + i));
        }
        long secrets = total(inventory.secretsByKey());
        SecretCipher rotating = new SecretCipher(withNewPrimary, legacyKey);
        SecretRotation inPairs = new SecretRotation(jdbc, engineCipher, inventory, audit, transactions,
                new SecretSettings(null, null, null, null, new SecretSettings.Rotation(2)));

        // voip_line comes after payment_method: the crash is on its 3rd re-encrypted row, in the second batch of two
        crashes.onceOn("UPDATE", "voip_line", 3, () ->
                assertThatThrownBy(() -> inPairs.rotate(rotating)).isInstanceOf(DataAccessException.class));

        Map<String, Long> halfWay = inventory.secretsByKey();
        long done = halfWay.getOrDefault(SecretKeysets.id(newKey), 0L);
        assertThat(done).isPositive().isLessThan(secrets);
        Map<Long, byte[]> rotatedLines = new HashMap<>();
        jdbc.sql("SELECT id, sip_password_enc FROM automation.voip_line WHERE substring(sip_password_enc from 1 for 6) = :prefix")
                .param("prefix", rotating.primaryPrefix()).query(rs -> {
                    rotatedLines.put(rs.getLong(1), rs.getBytes(2));
                });
        assertThat(rotatedLines).hasSize(2);   // the first batch of voip_line committed, the second did not

        SecretRotationReport resumed = inPairs.rotate(rotating);

        assertThat(total(resumed.rotated())).isEqualTo(secrets - done);
        assertThat(resumed.secretsByKey()).containsExactly(Map.entry(SecretKeysets.id(newKey), secrets));
        rotatedLines.forEach((id, before) -> assertThat(jdbc.sql("SELECT sip_password_enc FROM automation.voip_line WHERE id = :id")
                .param("id", id).query(byte[].class).single()).as("line %d was not re-encrypted again", id).isEqualTo(before));
        for (int i = 0; i < lines.size(); i++) {
            assertThat(secret(rotating, SecretColumn.SIP_PASSWORD, lines.get(i))).isEqualTo("sip-secret-" + i);
        }
    }

    @Test
    void adminsRotateThroughTheApiAndSeeWhichKeysHoldSecrets() {
        String customer = customers.create("ApiRotation", false, false, false);
        long cell = addPaymentMethod(customer, Map.of("kind", "bank-ppa", "bankName", "BMO", "bankInstitution", "001",
                "bankTransit", "12345", "bankAccount", "9998887776"));
        writtenBeforeTink(cell, "9998887776");

        ResponseEntity<JsonNode> before = as("admin").getForEntity("/api/admin/secrets", JsonNode.class);
        ResponseEntity<JsonNode> rotated = as("admin").postForEntity("/api/admin/secrets/rotation", null, JsonNode.class);
        ResponseEntity<String> byOps = as("ops").postForEntity("/api/admin/secrets/rotation", null, String.class);

        assertThat(before.getBody().path("primaryKey").asText()).isEqualTo(SecretKeysets.id(engineCipher.primaryKeyId()));
        assertThat(before.getBody().path("secretsByKey").path("legacy").asLong()).isPositive();
        assertThat(rotated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rotated.getBody().path("secretsByKey").has("legacy")).isFalse();
        assertThat(rotated.getBody().path("unreadable")).isEmpty();
        assertThat(rotated.getBody().toString()).doesNotContain("9998887776");
        assertThat(byOps.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(secret(new SecretCipher(engineKeyset, null), SecretColumn.BANK_ACCOUNT, cell)).isEqualTo("9998887776");
    }

    private long addPaymentMethod(String customer, Map<String, String> method) {
        ResponseEntity<JsonNode> added = as("ops").postForEntity("/api/customers/" + customer + "/payment-methods", method, JsonNode.class);
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return added.getBody().path("id").asLong();
    }

    /** Replaces the bank account's ciphertext by what versions before Tink wrote: 1, IV, AES-GCM under the legacy key. */
    private void writtenBeforeTink(long paymentMethod, String account) {
        try {
            byte[] iv = new byte[12];
            new SecureRandom().nextBytes(iv);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(legacyKey, "AES"), new GCMParameterSpec(128, iv));
            byte[] sealed = aes.doFinal(account.getBytes(StandardCharsets.UTF_8));
            jdbc.sql("UPDATE automation.payment_method SET bank_account_enc = :v1 WHERE id = :id")
                    .param("v1", ByteBuffer.allocate(13 + sealed.length).put((byte) 1).put(iv).put(sealed).array()).param("id", paymentMethod)
                    .update();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private long insertLine(long customerId, String sipPassword) {
        long id = RowIds.next(jdbc, "voip_line");
        jdbc.sql("INSERT INTO automation.voip_line (id, did, customer_id, sip_password_enc) VALUES (:id, :did, :customer, :sip)")
                .param("id", id).param("did", String.format("819%07d", DIDS.incrementAndGet() % 10_000_000)).param("customer", customerId)
                .param("sip", engineCipher.encrypt(sipPassword, SecretColumn.SIP_PASSWORD, id)).update();
        return id;
    }

    private long customerId(String customerNo) {
        return jdbc.sql("SELECT id FROM automation.customer WHERE customer_no = :no").param("no", customerNo).query(Long.class).single();
    }

    private String secret(SecretCipher cipher, SecretColumn column, long id) {
        return cipher.decrypt(jdbc.sql("SELECT " + column.column() + " FROM automation." + column.table() + " WHERE id = :id")
                .param("id", id).query(byte[].class).single(), column, id);
    }

    /** Decrypts every stored secret of every column in its cell; the number decrypted. */
    private long decryptAll(SecretCipher cipher) {
        long decrypted = 0;
        for (SecretColumn column : SecretColumn.values()) {
            decrypted += jdbc.sql("SELECT id, " + column.column() + " FROM automation." + column.table() + " WHERE " + column.column() + " IS NOT NULL")
                    .query((rs, n) -> cipher.decrypt(rs.getBytes(2), column, rs.getLong(1))).list().size();
        }
        return decrypted;
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
