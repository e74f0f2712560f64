package ca.gigafibre.automation.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gigafibre.automation.platform.secret.SecretCipher;
import ca.gigafibre.automation.platform.secret.SecretColumn;
import ca.gigafibre.automation.testing.DatabaseScan;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Bank accounts and card tokens are write-only and encrypted: their clear text is nowhere in the database. */
class PaymentMethodSecretsTest extends IntegrationTest {

    private static final String BANK_ACCOUNT = "88817234569";
    private static final String CARD_TOKEN = "tokSecretPaysafe9931";

    @Autowired
    TestCustomers customers;

    @Autowired
    SecretCipher cipher;

    @Autowired
    DatabaseScan scan;

    @Test
    void secretsRoundTripEncryptedAndAreNeverReturned() {
        String customer = customers.create("Secrets", false, false, false);

        ResponseEntity<JsonNode> bank = as("ops").postForEntity("/api/customers/" + customer + "/payment-methods",
                Map.of("kind", "bank-ppa", "bankName", "Desjardins", "bankInstitution", "815", "bankTransit", "30012",
                        "bankAccount", BANK_ACCOUNT), JsonNode.class);
        ResponseEntity<JsonNode> card = as("ops").postForEntity("/api/customers/" + customer + "/payment-methods",
                Map.of("kind", "paysafe-card", "paysafeProfileId", "prof-1", "token", CARD_TOKEN, "cardLast4", "4242"), JsonNode.class);
        ResponseEntity<String> listed = as("ops").getForEntity("/api/customers/" + customer + "/payment-methods", String.class);

        assertThat(bank.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(card.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(bank.getBody().path("bankAccountLast4").asText()).isEqualTo("569");
        assertThat(card.getBody().path("hasToken").asBoolean()).isTrue();
        assertThat(bank.getBody().toString() + card.getBody() + listed.getBody()).doesNotContain(BANK_ACCOUNT).doesNotContain(CARD_TOKEN);

        long bankId = bank.getBody().path("id").asLong();
        long cardId = card.getBody().path("id").asLong();
        byte[] storedAccount = jdbc.sql("SELECT bank_account_enc FROM automation.payment_method WHERE id = :id")
                .param("id", bankId).query(byte[].class).single();
        byte[] storedToken = jdbc.sql("SELECT token_enc FROM automation.payment_method WHERE id = :id")
                .param("id", cardId).query(byte[].class).single();
        assertThat(cipher.decrypt(storedAccount, SecretColumn.BANK_ACCOUNT, bankId)).isEqualTo(BANK_ACCOUNT);
        assertThat(cipher.decrypt(storedToken, SecretColumn.PAYMENT_TOKEN, cardId)).isEqualTo(CARD_TOKEN);

        assertThat(scan.tablesContaining(BANK_ACCOUNT)).isEmpty();
        assertThat(scan.tablesContaining(CARD_TOKEN)).isEmpty();
    }

    @Test
    void aBankAccountCopiedToAnotherCustomersRowDoesNotDecrypt() {
        long victim = addBankAccount(customers.create("Victim", false, false, false), BANK_ACCOUNT);
        long thief = addBankAccount(customers.create("Thief", false, false, false), "11122233344");

        jdbc.sql("UPDATE automation.payment_method SET bank_account_enc = "
                + "(SELECT bank_account_enc FROM automation.payment_method WHERE id = :victim) WHERE id = :thief").param("victim", victim).param("thief", thief).update();
        try {
            byte[] copied = jdbc.sql("SELECT bank_account_enc FROM automation.payment_method WHERE id = :id").param("id", thief)
                    .query(byte[].class).single();

            assertThatThrownBy(() -> cipher.decrypt(copied, SecretColumn.BANK_ACCOUNT, thief))
                    .hasMessageContaining("payment_method/" + thief + "/bank_account_enc").hasMessageNotContaining(BANK_ACCOUNT);
            assertThat(cipher.decrypt(copied, SecretColumn.BANK_ACCOUNT, victim)).isEqualTo(BANK_ACCOUNT);
        } finally {
            // an unreadable secret left behind would show in every later rotation of the shared database
            jdbc.sql("DELETE FROM automation.payment_method WHERE id = :id").param("id", thief).update();
        }
    }

    private long addBankAccount(String customer, String account) {
        ResponseEntity<JsonNode> added = as("ops").postForEntity("/api/customers/" + customer + "/payment-methods",
                Map.of("kind", "bank-ppa", "bankName", "Desjardins", "bankInstitution", "815", "bankTransit", "30012",
                        "bankAccount", account), JsonNode.class);
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return added.getBody().path("id").asLong();
    }

    @Test
    void bankPpaWithoutAccountIsRefusedNamingTheField() {
        String customer = customers.create("NoAccount", false, false, false);
        long before = count("payment_method");

        ResponseEntity<JsonNode> answer = as("ops").postForEntity("/api/customers/" + customer + "/payment-methods",
                Map.of("kind", "bank-ppa", "bankInstitution", "815", "bankTransit", "30012"), JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getBody().path("errors").get(0).path("field").asText()).isEqualTo("bankAccount");
        assertThat(count("payment_method")).isEqualTo(before);
    }
}
