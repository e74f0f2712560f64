package ca.gigafibre.automation.legacy;

import ca.gigafibre.automation.platform.secret.SecretCipher;
import ca.gigafibre.automation.platform.secret.SecretColumn;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Legacy {@code account} → customer (matched by {@code legacy_account_id}), its PPA settings
 * ({@code account_ppa_settings}) and the payment methods the account fields describe (13d): the bank PPA account
 * ({@code ppa_name/code/branch/account}, number encrypted) and the Stripe customer ({@code stripe_id}).
 */
@Component
class AccountImport extends TableImport<AccountImport.Account> {

    private static final Upsert CUSTOMERS = Upsert.into("customer", "legacy_account_id",
            List.of("first_name", "last_name", "email", "status", "legacy_customer_id"), List.of(), Map.of());
    private static final String SETTINGS = """
            INSERT INTO automation.account_ppa_settings AS s (customer_id, ppa, ppa_amount, ppa_amount_buffer, ppa_fixed, ppa_cc,
                stripe_ppa, stripe_ppa_nocc, stripe_customer_id, legacy_hash, updated_at)
            SELECT id, ?, ?, ?, ?, ?, ?, ?, ?, ?, now() FROM automation.customer WHERE legacy_account_id = ?
            ON CONFLICT (customer_id) DO UPDATE SET ppa = EXCLUDED.ppa, ppa_amount = EXCLUDED.ppa_amount,
                ppa_amount_buffer = EXCLUDED.ppa_amount_buffer, ppa_fixed = EXCLUDED.ppa_fixed, ppa_cc = EXCLUDED.ppa_cc,
                stripe_ppa = EXCLUDED.stripe_ppa, stripe_ppa_nocc = EXCLUDED.stripe_ppa_nocc,
                stripe_customer_id = EXCLUDED.stripe_customer_id, legacy_hash = EXCLUDED.legacy_hash, updated_at = now()
            """;
    private static final String BANK = """
            INSERT INTO automation.payment_method (id, customer_id, kind, bank_name, bank_institution, bank_transit, bank_account_enc,
                bank_account_last4, is_default, legacy_key, legacy_hash)
            SELECT ?, id, 'bank-ppa', ?, ?, ?, ?, ?, ?, ?, ? FROM automation.customer WHERE legacy_account_id = ?
            ON CONFLICT (legacy_key) DO UPDATE SET bank_name = EXCLUDED.bank_name, bank_institution = EXCLUDED.bank_institution,
                bank_transit = EXCLUDED.bank_transit, bank_account_enc = EXCLUDED.bank_account_enc,
                bank_account_last4 = EXCLUDED.bank_account_last4, is_default = EXCLUDED.is_default, legacy_hash = EXCLUDED.legacy_hash
            """;
    private static final String STRIPE = """
            INSERT INTO automation.payment_method (customer_id, kind, stripe_customer_id, is_default, legacy_key, legacy_hash)
            SELECT id, 'stripe-card', ?, ?, ?, ? FROM automation.customer WHERE legacy_account_id = ?
            ON CONFLICT (legacy_key) DO UPDATE SET stripe_customer_id = EXCLUDED.stripe_customer_id, is_default = EXCLUDED.is_default,
                legacy_hash = EXCLUDED.legacy_hash
            """;

    private final SecretCipher cipher;

    AccountImport(SecretCipher cipher) {
        this.cipher = cipher;
    }

    record Account(long legacyId, byte[] hash, String firstName, String lastName, String email, String status, String legacyCustomerId,
                   boolean ppa, BigDecimal ppaAmount, BigDecimal ppaBuffer, BigDecimal ppaFixed, boolean ppaCc, boolean stripePpa,
                   boolean stripePpaNoCc, String stripeId, Bank bank) implements LegacyTarget {
    }

    /** The bank PPA account; {@code account} is the clear number, encrypted when written and never shown. */
    record Bank(String name, String institution, String transit, String account) {
        @Override
        public String toString() {
            return "Bank[" + institution + "-" + transit + ", account ***]";
        }
    }

    @Override
    public String legacyTable() {
        return "account";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<String> requiredColumns() {
        return List.of("first_name", "last_name", "status");
    }

    @Override
    public String targetTable() {
        return "customer";
    }

    @Override
    public String legacyColumn() {
        return "legacy_account_id";
    }

    @Override
    public Account map(LegacyRow row, ImportContext context, Repairs repairs) {
        String first = row.text("first_name");
        String last = row.text("last_name");
        if (first == null && last == null) {
            throw new LegacyValueRejected("last_name", "no name");
        }
        String status = AccountStatus.of(row.raw("status"));
        BigDecimal amount = amount(row, "ppa_amount");
        BigDecimal buffer = amount(row, "ppa_amount_buffer");
        BigDecimal fixed = amount(row, "ppa_fixed");
        boolean ppa = row.flag("ppa");
        Bank bank = bank(row, ppa, repairs);
        String stripeId = row.text("stripe_id");
        if (stripeId != null && !stripeId.matches("cus_[A-Za-z0-9]+")) {
            throw new LegacyValueRejected("stripe_id", "'" + stripeId + "' is not a Stripe customer id (cus_…)");
        }
        String email = row.text("email");
        String legacyCustomerId = row.text("customer_id");
        Account account = new Account(row.id(), null, first == null ? "" : first, last == null ? "" : last, email, status,
                legacyCustomerId, ppa, zeroIsUnset(amount), buffer == null ? BigDecimal.ZERO : buffer, zeroIsUnset(fixed),
                row.flag("ppa_cc"), row.flag("stripe_ppa"), row.flag("stripe_ppa_nocc"), stripeId, bank);
        byte[] hash = context.fingerprint(account.firstName(), account.lastName(), email, status, legacyCustomerId, ppa, account.ppaAmount(),
                account.ppaBuffer(), account.ppaFixed(), account.ppaCc(), account.stripePpa(), account.stripePpaNoCc(), stripeId,
                bank == null ? null : bank.name(), bank == null ? null : bank.institution(), bank == null ? null : bank.transit(),
                bank == null ? null : bank.account());
        return new Account(account.legacyId(), hash, account.firstName(), account.lastName(), email, status, legacyCustomerId, ppa,
                account.ppaAmount(), account.ppaBuffer(), account.ppaFixed(), account.ppaCc(), account.stripePpa(), account.stripePpaNoCc(),
                stripeId, bank);
    }

    @Override
    public void write(JdbcTemplate jdbc, List<Account> rows) {
        CUSTOMERS.run(jdbc, rows.stream().map(a -> new Object[] {a.firstName(), a.lastName(), a.email(), a.status(), a.legacyCustomerId(),
                (int) a.legacyId(), a.hash()}).toList());
        Upsert.batch(jdbc, SETTINGS, 10, rows.stream().map(a -> new Object[] {a.ppa(), a.ppaAmount(), a.ppaBuffer(), a.ppaFixed(),
                a.ppaCc(), a.stripePpa(), a.stripePpaNoCc(), a.stripeId(), a.hash(), (int) a.legacyId()}).toList());
        Map<String, Long> bankIds = LegacyRowIds.of(jdbc, "payment_method", "legacy_key",
                rows.stream().filter(a -> a.bank() != null).map(AccountImport::bankKey).toList());
        List<Object[]> banks = new ArrayList<>();
        List<Object[]> stripes = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        for (Account a : rows) {
            if (a.bank() != null) {
                long id = bankIds.get(bankKey(a));
                banks.add(new Object[] {id, a.bank().name(), a.bank().institution(), a.bank().transit(),
                        cipher.encrypt(a.bank().account(), SecretColumn.BANK_ACCOUNT, id), SecretCipher.lastDigits(a.bank().account(), 3), a.ppa(),
                        bankKey(a), a.hash(), (int) a.legacyId()});
            } else {
                gone.add(bankKey(a));
            }
            if (a.stripeId() != null) {
                stripes.add(new Object[] {a.stripeId(), a.bank() == null || !a.ppa(), "account:" + a.legacyId() + ":stripe", a.hash(),
                        (int) a.legacyId()});
            } else {
                gone.add("account:" + a.legacyId() + ":stripe");
            }
        }
        Upsert.batch(jdbc, BANK, 10, banks);
        Upsert.batch(jdbc, STRIPE, 5, stripes);
        if (!gone.isEmpty()) {
            jdbc.update("DELETE FROM automation.payment_method WHERE legacy_key = ANY(?)",
                    (Object) gone.toArray(String[]::new));
        }
    }

    private static String bankKey(Account a) {
        return "account:" + a.legacyId() + ":bank";
    }

    @Override
    public void remember(ImportContext context, Account row) {
        context.wouldBeAccount(row.legacyId());
    }

    private static Bank bank(LegacyRow row, boolean ppa, Repairs repairs) {
        String account = row.text("ppa_account");
        if (account == null) {
            if (ppa) {
                throw new LegacyValueRejected("ppa_account", "bank PPA is on but there is no account number");
            }
            return null;
        }
        String digits = account.replaceAll("[\\s\\-]", "");
        if (!digits.matches("\\d{5,12}")) {
            throw new LegacyValueRejected("ppa_account", "not a bank account number (5 to 12 digits)");
        }
        if (!digits.equals(account)) {
            repairs.note("ppa_account");
        }
        return new Bank(row.text("ppa_name"), padded(row, "ppa_code", 3, repairs), padded(row, "ppa_branch", 5, repairs), digits);
    }

    /** Institution (3) and transit (5) numbers lost their leading zeros in numeric legacy columns: padded back (a repair). */
    private static String padded(LegacyRow row, String column, int width, Repairs repairs) {
        String value = row.text(column);
        if (value == null || !value.matches("\\d{1," + width + "}")) {
            throw new LegacyValueRejected(column, value == null ? "missing" : "'" + value + "' is not a number of at most " + width + " digits");
        }
        if (value.length() < width) {
            repairs.note(column);
            return "0".repeat(width - value.length()) + value;
        }
        return value;
    }

    private static BigDecimal amount(LegacyRow row, String column) {
        BigDecimal value = row.decimal(column);
        if (value != null && value.signum() < 0) {
            throw new LegacyValueRejected(column, "negative amount");
        }
        return value == null ? null : value.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static BigDecimal zeroIsUnset(BigDecimal value) {
        return value == null || value.signum() == 0 ? null : value;
    }

    /** Legacy account status → ours: 1 active, 0 inactive, 2 suspended, 3 closed, or the words (English or French). */
    static final class AccountStatus {
        private AccountStatus() {
        }

        static String of(Object raw) {
            String text = raw == null ? "" : raw instanceof Boolean b ? (b ? "1" : "0") : raw.toString().strip().toLowerCase(Locale.ROOT);
            return switch (text) {
                case "1", "active", "actif" -> "active";
                case "0", "inactive", "inactif" -> "inactive";
                case "2", "suspended", "suspendu" -> "suspended";
                case "3", "closed", "ferme", "fermé" -> "closed";
                default -> throw new LegacyValueRejected("status", text.isEmpty() ? "no status" : "unknown status '" + text + "'");
            };
        }
    }
}
