package ca.gigafibre.automation.demo;

import static ca.gigafibre.automation.demo.QuebecReference.pick;

import ca.gigafibre.automation.demo.SyntheticWorld.Customer;
import ca.gigafibre.automation.demo.SyntheticWorld.PaymentProfile;
import ca.gigafibre.automation.platform.secret.SecretColumn;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Customers with their service location, PPA settings and payment methods. Active accounts follow the
 * volumes document's payment-method breakdown exactly (at scale 1.0: 5,274 / 655 / 564 / 143 / 45).
 */
final class SyntheticCustomers {

    private static final List<String[]> BANKS = List.of(new String[] {"Desjardins", "815"}, new String[] {"Banque Nationale", "006"},
            new String[] {"RBC Banque Royale", "003"}, new String[] {"TD Canada Trust", "004"}, new String[] {"BMO", "001"},
            new String[] {"Banque Scotia", "002"});

    private final SyntheticWorld world;

    SyntheticCustomers(SyntheticWorld world) {
        this.world = world;
    }

    void generate() {
        List<PaymentProfile> activeProfiles = new ArrayList<>();
        add(activeProfiles, PaymentProfile.NONE, world.scaled(5274));
        add(activeProfiles, PaymentProfile.BANK_PPA, world.scaled(655));
        add(activeProfiles, PaymentProfile.STRIPE_CARD, world.scaled(564));
        add(activeProfiles, PaymentProfile.STRIPE_PPA, world.scaled(143));
        add(activeProfiles, PaymentProfile.BANK_PPA_AND_STRIPE_CARD, world.scaled(45));
        int total = Math.max(world.scaled(15303), activeProfiles.size());
        List<PaymentProfile> profiles = new ArrayList<>(activeProfiles);
        add(profiles, null, total - activeProfiles.size());   // null = not an active account
        Collections.shuffle(profiles, new java.util.Random(world.random.nextLong()));

        int suspendedLeft = world.scaled(25);
        List<Customer> withBankPpa = new ArrayList<>();
        for (PaymentProfile profile : profiles) {
            boolean active = profile != null;
            String status = active ? "active" : suspendedLeft-- > 0 ? "suspended" : world.chance(0.6) ? "inactive" : "closed";
            Customer customer = customer(active ? profile : PaymentProfile.NONE, active, status);
            world.customers.add(customer);
            if (profile == PaymentProfile.BANK_PPA || profile == PaymentProfile.BANK_PPA_AND_STRIPE_CARD) {
                withBankPpa.add(customer);
            }
            if (active && profile != PaymentProfile.NONE) {
                paymentSettings(customer);
            }
        }
        world.sample(withBankPpa, world.scaled(658)).forEach(this::paysafeToken);
    }

    private Customer customer(PaymentProfile profile, boolean active, String status) {
        long id = world.nextId("customer");
        boolean english = world.chance(0.09);
        String first = pick(world.random, english ? QuebecReference.FIRST_NAMES_EN : QuebecReference.FIRST_NAMES_FR);
        String last = pick(world.random, english ? QuebecReference.LAST_NAMES_EN : QuebecReference.LAST_NAMES_FR);
        boolean commercial = world.chance(0.06);
        boolean vip = world.chance(0.015);
        QuebecReference.Town town = pick(world.random, QuebecReference.TOWNS);
        String streetNumber = String.valueOf(world.between(1, 2999));
        String street = pick(world.random, QuebecReference.STREETS);
        String postal = QuebecReference.postalCode(world.random, town);
        String apt = world.chance(0.15) ? String.valueOf(world.between(1, 12)) : null;
        java.time.LocalDate since = world.today.minusMonths(active ? world.between(14, 150) : world.between(2, 170));
        String phone = town.areaCode() + pick(world.random, QuebecReference.EXCHANGES) + String.format("%04d", world.random.nextInt(10000));
        boolean landline = id % 4 == 0;   // one customer in four gave a home line, which cannot receive texts (no random draw: same data)
        world.table("customer", "id", "legacy_account_id", "first_name", "last_name", "company_name", "email", "phone", "cell_phone",
                        "language", "is_commercial", "is_vip", "never_suspend", "status", "created_at")
                .row(id, id + 10000, first, last, commercial ? last + " " + pick(world.random, List.of("inc.", "enr.", "et fils", "Construction", "Services")) : null,
                        QuebecReference.email(first, last, id), landline ? phone : null, landline ? null : phone, english ? "en" : "fr", commercial, vip,
                        world.chance(0.005),
                        status, since.atStartOfDay(BusinessTime.ZONE).toOffsetDateTime());
        long locationId = world.nextId("service_location");
        world.table("service_location", "id", "customer_id", "street_number", "apt", "street_name", "city", "province",
                        "postal_code", "latitude", "longitude", "connection_type", "olt_id", "olt_port")
                .row(locationId, id, streetNumber, apt, street,
                        town.name(), "QC", postal, coordinate(town.lat()), coordinate(town.lon()), "fibre",
                        pick(world.random, List.of("OLT-EAST", "OLT-WEST", "OLT-NORTH", "OLT-SOUTH")),
                        "1/" + world.between(1, 16) + "/" + world.between(1, 64));
        if (commercial) {
            world.table("contact", "customer_id", "name", "role", "email", "phone", "is_primary")
                    .row(id, first + " " + last, "propriétaire", QuebecReference.email(first, last, id), phone, true);
        }
        return new Customer(id, locationId, active, profile, first, last, english ? "en" : "fr", commercial, town,
                streetNumber, apt, street, postal, since);
    }

    private BigDecimal coordinate(double center) {
        return BigDecimal.valueOf(center + (world.random.nextDouble() - 0.5) * 0.08).setScale(6, java.math.RoundingMode.HALF_UP);
    }

    private void paymentSettings(Customer c) {
        boolean bank = c.profile() == PaymentProfile.BANK_PPA || c.profile() == PaymentProfile.BANK_PPA_AND_STRIPE_CARD;
        boolean stripe = c.profile() != PaymentProfile.BANK_PPA;
        String stripeCustomer = stripe ? "cus_" + token(14) : null;
        BigDecimal fixed = bank && world.chance(0.1) ? new BigDecimal(world.between(60, 140) + ".00") : null;
        world.table("account_ppa_settings", "customer_id", "ppa", "ppa_amount", "ppa_amount_buffer", "ppa_fixed", "ppa_cc",
                        "stripe_ppa", "stripe_ppa_nocc", "stripe_customer_id")
                .row(c.id(), bank, bank ? new BigDecimal(pick(world.random, List.of("150.00", "200.00", "250.00", "300.00"))) : null,
                        new BigDecimal(pick(world.random, List.of("0.00", "10.00", "25.00", "50.00"))), fixed, false,
                        c.profile() == PaymentProfile.STRIPE_PPA, false, stripeCustomer);
        if (bank) {
            String[] bankOf = pick(world.random, BANKS);
            String account = String.valueOf(world.between(1_000_000, 9_999_999));
            long id = world.nextId("payment_method");
            paymentMethod(id, c.id(), "bank-ppa", null, null, null, null, null, null, null, null, bankOf[0], bankOf[1],
                    String.format("%05d", world.random.nextInt(100000)), world.cipher.encrypt(account, SecretColumn.BANK_ACCOUNT, id),
                    account.substring(4), !stripe);
        }
        if (stripe) {
            boolean expired = world.chance(0.05);
            int expYear = expired ? world.today.getYear() - 1 : world.today.getYear() + world.between(0, 4);
            paymentMethod(world.nextId("payment_method"), c.id(), "stripe-card", stripeCustomer, "pm_" + token(24), null, null, null,
                    pick(world.random, List.of("visa", "mastercard", "amex")), String.format("%04d", world.random.nextInt(10000)),
                    new int[] {world.between(1, 12), expYear}, null, null, null, null, null, true);
        }
    }

    private void paysafeToken(Customer c) {
        long id = world.nextId("payment_method");
        paymentMethod(id, c.id(), "paysafe-card", null, null, UUID.nameUUIDFromBytes(("profile" + c.id()).getBytes()).toString(),
                UUID.nameUUIDFromBytes(("card" + c.id()).getBytes()).toString(),
                world.cipher.encrypt("tok_" + token(20), SecretColumn.PAYMENT_TOKEN, id),
                "visa", String.format("%04d", world.random.nextInt(10000)), new int[] {world.between(1, 12), world.today.getYear() + 2},
                null, null, null, null, null, false);
    }

    private void paymentMethod(long id, long customerId, String kind, String stripeCustomer, String stripePm, String paysafeProfile,
                               String paysafeCard, byte[] token, String brand, String last4, int[] expiry, String bankName,
                               String institution, String transit, byte[] account, String accountLast, boolean isDefault) {
        world.table("payment_method", "id", "customer_id", "kind", "stripe_customer_id", "stripe_payment_method_id", "paysafe_profile_id",
                        "paysafe_card_id", "token_enc", "card_brand", "card_last4", "card_exp_month", "card_exp_year", "bank_name",
                        "bank_institution", "bank_transit", "bank_account_enc", "bank_account_last4", "is_default")
                .row(id, customerId, kind, stripeCustomer, stripePm, paysafeProfile, paysafeCard, token, brand, last4,
                        expiry == null ? null : expiry[0], expiry == null ? null : expiry[1], bankName, institution, transit,
                        account, accountLast, isDefault);
    }

    private String token(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder token = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            token.append(alphabet.charAt(world.random.nextInt(alphabet.length())));
        }
        return token.toString();
    }

    private static <T> void add(List<T> list, T value, int count) {
        for (int i = 0; i < count; i++) {
            list.add(value);
        }
    }
}
