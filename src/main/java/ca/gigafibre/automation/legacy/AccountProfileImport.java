package ca.gigafibre.automation.legacy;

import ca.gigafibre.automation.platform.secret.SecretCipher;
import ca.gigafibre.automation.platform.secret.SecretColumn;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Legacy {@code account_profile} (13d: Paysafe/Bambora {@code profile_id}, {@code card_id}, {@code token}) → a
 * {@code paysafe-card} payment method; the token is encrypted on the way in.
 */
@Component
class AccountProfileImport extends TableImport<AccountProfileImport.Profile> {

    private static final Upsert METHODS = Upsert.into("payment_method", "legacy_key",
            List.of("id", "customer_id", "kind", "paysafe_profile_id", "paysafe_card_id", "token_enc"), List.of("id"), Map.of());

    private final SecretCipher cipher;

    AccountProfileImport(SecretCipher cipher) {
        this.cipher = cipher;
    }

    record Profile(long legacyId, byte[] hash, long customerId, String profileId, String cardId, String token) implements LegacyTarget {
        @Override
        public String toString() {
            return "Profile[" + legacyId + ", " + profileId + ", token ***]";
        }
    }

    @Override
    public String legacyTable() {
        return "account_profile";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<String> requiredColumns() {
        return List.of("account_id", "profile_id", "token");
    }

    @Override
    public String targetTable() {
        return "payment_method";
    }

    @Override
    public String legacyColumn() {
        return "legacy_key";
    }

    @Override
    public boolean textKey() {
        return true;
    }

    @Override
    public Object legacyKey(long legacyId) {
        return "account_profile:" + legacyId;
    }

    @Override
    public Profile map(LegacyRow row, ImportContext context, Repairs repairs) {
        long customer = context.customer("account_id", row.integer("account_id"));
        String profile = row.text("profile_id");
        if (profile == null) {
            throw new LegacyValueRejected("profile_id", "no Paysafe profile");
        }
        String token = row.text("token");
        if (token == null) {
            throw new LegacyValueRejected("token", "no token");
        }
        String card = row.text("card_id");
        return new Profile(row.id(), context.fingerprint(row.integer("account_id"), profile, card, token), customer, profile, card, token);
    }

    @Override
    public void write(JdbcTemplate jdbc, List<Profile> rows) {
        Map<String, Long> ids = LegacyRowIds.of(jdbc, "payment_method", "legacy_key", rows.stream().map(p -> legacyKey(p)).toList());
        METHODS.run(jdbc, rows.stream().map(p -> {
            long id = ids.get(legacyKey(p));
            return new Object[] {id, p.customerId(), "paysafe-card", p.profileId(), p.cardId(),
                    cipher.encrypt(p.token(), SecretColumn.PAYMENT_TOKEN, id), legacyKey(p), p.hash()};
        }).toList());
    }

    private static String legacyKey(Profile p) {
        return "account_profile:" + p.legacyId();
    }
}
