package ca.gigafibre.automation.legacy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A generated legacy MariaDB at the seed's volumes ({@code shared/reference/volumes.md}): 15,303 accounts (6,681
 * active), one service address each, 658 Paysafe profiles, 908 quotes (529 customers), 7,283 arrangements (1,687
 * customers), 14,486 work orders (+3 items), 790 PBX lines, 786 ATAs for 779 DIDs, 1,014 911 addresses of which 224
 * have no line, 1,049 suspensions, 20,999 IP history rows (5,769 customers), 16,284 previous addresses. Legacy ids
 * start at {@code 1,000,001} and DIDs at {@code 873 200 0000} so the rows never meet synthetic data.
 */
public final class LegacyVolumeDatabase {

    static final long BASE = 1_000_000;

    private LegacyVolumeDatabase() {
    }

    public static String create(LegacyMariaDb.Server server, String database, long seed) throws SQLException {
        String url = server.freshDatabase(database);
        SplittableRandom random = new SplittableRandom(seed);
        LocalDate today = LocalDate.of(2026, 11, 1);
        try (Connection c = server.owner(database)) {
            try (Statement s = c.createStatement()) {
                LegacyFixture.createTables(s);
            }
            int accounts = 15_303;
            List<Object[]> rows = new ArrayList<>();
            for (int i = 1; i <= accounts; i++) {
                boolean active = i <= 6_681;
                boolean bank = active && i <= 700;                 // 655 bank PPA + 45 bank PPA and Stripe card
                boolean stripe = active && (i > 655 && i <= 700 || i > 700 && i <= 700 + 564 + 143);
                boolean stripePpa = active && i > 700 + 564 && i <= 700 + 564 + 143;
                rows.add(new Object[] {BASE + i, "L" + i, "Prénom" + i, "Nom-" + (i % 997), "client" + i + "@example.ca", active ? 1 : 0, bank ? 1 : 0,
                        bank ? "Desjardins" : null, bank ? 815 : null, bank ? 10000 + i % 90000 : null, bank ? String.valueOf(10_000_000L + i) : null,
                        bank ? new BigDecimal("200.00") : null, bank ? new BigDecimal("15.00") : null, null, 0, stripe ? "cus_V" + i : null,
                        stripePpa ? 1 : 0, 0});
            }
            insert(c, "account (id, customer_id, first_name, last_name, email, status, ppa, ppa_name, ppa_code, ppa_branch, ppa_account, ppa_amount, ppa_amount_buffer, ppa_fixed, ppa_cc, stripe_id, stripe_ppa, stripe_ppa_nocc)", rows);
            rows.clear();
            for (int i = 1; i <= accounts; i++) {
                rows.add(new Object[] {BASE + i, BASE + i, (10 + i % 900) + " Rue Principale", i % 7 == 0 ? "app. " + (i % 9 + 1) : null, "Granby", "QC",
                        "J2G " + (i % 10) + "K" + (i % 7)});
            }
            insert(c, "delivery (id, account_id, address1, address2, city, state, zip)", rows);
            rows.clear();
            for (int i = 1; i <= 658; i++) {
                rows.add(new Object[] {BASE + i, BASE + 700 + i, "prof-" + i, "card-" + i, "tok_bench_" + i, "tx" + i});
            }
            insert(c, "account_profile (id, account_id, profile_id, card_id, token, initial_transaction)", rows);
            rows.clear();
            for (int i = 1; i <= 908; i++) {
                long account = BASE + 1 + (i - 1) % 529;
                rows.add(new Object[] {BASE + i, account, "Résidentiel", null, unix(today.minusDays(random.nextInt(1, 2500))), 1,
                        PhpSerialized.of(List.of(PhpSerialized.line("INST-FIB", "Installation fibre — près de l'église", "99.00", 1, "99.00"))),
                        PhpSerialized.of(List.of(PhpSerialized.line("FIB-300", "Fibre 300 Mbit/s", new BigDecimal("74.95"), 1, new BigDecimal("74.95")))),
                        "Prix valides 30 jours."});
            }
            insert(c, "soumission (id, account_id, name, po, date, tax, materiel, mensuel, text)", rows);
            rows.clear();
            List<Integer> statuses = new ArrayList<>();
            statuses.addAll(Collections.nCopies(10, -1));
            statuses.addAll(Collections.nCopies(2_205, 0));
            statuses.addAll(Collections.nCopies(5_068, 1));
            for (int i = 1; i <= 7_283; i++) {
                LocalDate agreed = today.minusDays(random.nextInt(1, 1460));
                LocalDate due = agreed.plusDays(random.nextInt(7, 30));
                rows.add(new Object[] {BASE + i, BASE + 1 + (i - 1) % 1_687, 7, unix(agreed), unix(due), unix(due.plusDays(random.nextInt(3, 10))),
                        new BigDecimal(random.nextInt(50, 500) + ".00"), random.nextInt(0, 5), statuses.get(i - 1), "Par téléphone avec Gen", null});
            }
            insert(c, "accord_paiement (id, account_id, staff_id, date_accord, date_echeance, date_coupure, montant, method, status, note, raison_changement)", rows);
            rows.clear();
            for (int i = 1; i <= 14_486; i++) {
                LocalDate day = today.minusDays(random.nextInt(1, 3650));
                boolean two = random.nextInt(5) == 0;
                rows.add(new Object[] {BASE + i, BASE + 1 + (i - 1) % 10_110, unix(day), "Gen Lussier", "09:00", "10:30", two ? "Kevin Brodeur" : null,
                        two ? "09:10" : null, two ? "10:30" : null, "Installation fibre", new BigDecimal("100.00"), new BigDecimal("5.00"),
                        new BigDecimal("9.98"), new BigDecimal("114.98")});
            }
            insert(c, "bon_travail (id, account_id, date, tech1, heure_arrive_t1, heure_depart_t1, tech2, heure_arrive_t2, heure_depart_t2, note, subtotal, tps, tvq, total)", rows);
            rows.clear();
            for (int i = 1; i <= 3; i++) {
                rows.add(new Object[] {BASE + i, BASE + i, 42, BigDecimal.ONE, new BigDecimal("149.00"), "Routeur Wi-Fi 6"});
            }
            insert(c, "bon_travail_item (id, bon_id, product_id, qte, price, `desc`)", rows);
            rows.clear();
            for (int i = 1; i <= 790; i++) {
                long account = BASE + 1 + (i - 1) % 745;
                rows.add(new Object[] {BASE + i, account, account, 500 + i, did(i, random), "CLIENT " + i, "sip-bench-" + i, "1234", 1,
                        null, String.valueOf(100 + i), "fr", 1, 2, 30, "sip.targo.ca", "CA,US", unix(today.minusDays(400)), 0});
            }
            insert(c, "pbx (id, account_id, delivery_id, service_id, phone, name, password, vm_password, has_vm, vm_email, int_code, language, call_911, max_calls, call_timeout, user_context, country_whitelist, date_origin, date_update)", rows);
            rows.clear();
            for (int i = 1; i <= 786; i++) {
                int line = i <= 779 ? i : i - 779;
                long account = BASE + 1 + (line - 1) % 745;
                rows.add(new Object[] {BASE + i, account, account, 500 + line, did(line, random), "ht502",
                        String.format("00:0B:82:%02X:%02X:%02X", i >> 16 & 255, i >> 8 & 255, i & 255), "ata-bench-" + i, 0});
            }
            insert(c, "phone_provisioning (id, account_id, delivery_id, service_id, phone, app, mac, password, internationnal)", rows);
            rows.clear();
            for (int i = 1; i <= 1_014; i++) {
                long account = i <= 790 ? BASE + 1 + (i - 1) % 745 : BASE + 7_000 + i;
                rows.add(new Object[] {BASE + i, account, did(i, random), String.valueOf(10 + (account - BASE) % 900), null, "Rue Principale", "Granby",
                        "QC", "J2G " + ((account - BASE) % 10) + "K" + ((account - BASE) % 7), "Prénom", "Nom", null, "Y", "47017", "RES"});
            }
            insert(c, "phone_addr (id, account_id, phone, street_number, apt, street_name, city, state, zip, first_name, last_name, info, enhanced_capable, code_cauca, class_service)", rows);
            rows.clear();
            for (int i = 1; i <= 1_049; i++) {
                boolean flag = i > 150;
                long start = flag ? 0 : unix(today.minusDays(random.nextInt(90, 3000)));
                rows.add(new Object[] {BASE + i, BASE + 1 + random.nextInt(accounts), start, flag ? 0 : start + 86_400L * random.nextInt(1, 20), null});
            }
            insert(c, "account_suspension (id, account_id, date_start, date_end, note)", rows);
            rows.clear();
            for (int i = 1; i <= 20_999; i++) {
                long account = BASE + 1 + (i - 1) % 5_769;
                rows.add(new Object[] {BASE + i, account, account, 500, "100." + (64 + (i >> 16)) + "." + (i >> 8 & 255) + "." + (i & 255),
                        unix(today.minusDays(3650 - (i - 1) / 5_769 * 700L - random.nextInt(0, 300)))});
            }
            insert(c, "ip_history (id, account_id, delivery_id, service_id, ip, date)", rows);
            rows.clear();
            for (int i = 1; i <= 16_284; i++) {
                long account = BASE + 1 + (i - 1) % accounts;
                rows.add(new Object[] {BASE + i, account, unix(today.minusDays(random.nextInt(400, 4000))), random.nextInt(1, 999) + " Rue Ancienne", null,
                        "Granby", "QC", "J2G4K7"});
            }
            insert(c, "delivery_history (id, account_id, date_orig, address1, address2, city, state, zip)", rows);
        }
        return url;
    }

    /** Counts per legacy table, for the benchmark's report. */
    public static Map<String, Integer> volumes() {
        return Map.ofEntries(Map.entry("account", 15_303), Map.entry("delivery", 15_303), Map.entry("account_profile", 658),
                Map.entry("soumission", 908), Map.entry("accord_paiement", 7_283), Map.entry("bon_travail", 14_486), Map.entry("bon_travail_item", 3),
                Map.entry("pbx", 790), Map.entry("phone_provisioning", 786), Map.entry("phone_addr", 1_014), Map.entry("account_suspension", 1_049),
                Map.entry("ip_history", 20_999), Map.entry("delivery_history", 16_284));
    }

    /** DIDs in legacy formats (a third with dashes, a third with a leading 1, a third plain). */
    private static String did(int n, SplittableRandom random) {
        String digits = String.valueOf(8_732_000_000L + n);
        return switch (n % 3) {
            case 0 -> digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6);
            case 1 -> "1" + digits;
            default -> digits;
        };
    }

    private static long unix(LocalDate day) {
        return LegacyFixture.unix(day);
    }

    private static void insert(Connection c, String tableAndColumns, List<Object[]> rows) throws SQLException {
        int width = rows.get(0).length;
        String sql = "INSERT INTO " + tableAndColumns + " VALUES (" + String.join(", ", Collections.nCopies(width, "?")) + ")";
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int n = 0;
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, row[i]);
                }
                ps.addBatch();
                if (++n % 2000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }
}
