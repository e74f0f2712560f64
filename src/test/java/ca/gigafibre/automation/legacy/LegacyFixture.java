package ca.gigafibre.automation.legacy;

import static ca.gigafibre.automation.legacy.PhpSerialized.line;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A small legacy database shaped like the real one (MariaDB, the data map's columns and types) with the traps of
 * issue 11: accents and emoji in PHP-serialised quotes, empty arrays, a corrupted serialisation, unknown accounts, a
 * cutoff before the agreement, negative amounts, DIDs in every legacy format and one that is not a DID, invalid MACs,
 * non-Canadian postal codes. Each fixture {@code k} (1–9) has its own legacy ids ({@code 900000 + 1000k + n}), DIDs
 * ({@code 45055k000n}) and IPs ({@code 10.k.0.n}), so fixtures never meet in the shared test database.
 */
final class LegacyFixture {

    static final String SIP_SECRET = "SipSecret-Alpha-";
    static final String VM_SECRET = "84736";
    static final String ATA_SECRET = "AtaSecret-Bravo-";
    static final String BANK_SECRET = "99887766";
    static final String TOKEN_SECRET = "tok_SECRET_paysafe_";

    final int k;
    final long base;
    final String database;
    final String url;
    private final LegacyMariaDb.Server server;

    LegacyFixture(LegacyMariaDb.Server server, int k) {
        this.server = server;
        this.k = k;
        this.base = 900_000 + 1000L * k;
        this.database = "legacy_" + k;
        this.url = server.freshDatabase(database);
    }

    long id(int n) {
        return base + n;
    }

    String did(int n) {
        return "45055" + k + "000" + n;
    }

    String bankSecret() {
        return BANK_SECRET + k;
    }

    static long unix(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(ZoneId.of("America/Montreal")).toEpochSecond();
    }

    static long unix(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(ZoneId.of("America/Montreal")).toEpochSecond();
    }

    LegacyFixture create() throws SQLException {
        try (Connection c = server.owner(database); Statement s = c.createStatement()) {
            createTables(s);

            insert(c, "account (id, customer_id, first_name, last_name, email, status, ppa, ppa_name, ppa_code, ppa_branch, ppa_account, ppa_amount, ppa_amount_buffer, ppa_fixed, ppa_cc, stripe_id, stripe_ppa, stripe_ppa_nocc)",
                    List.of(
                            new Object[] {id(1), "L" + id(1), "Éloïse", "Côté", "eloise.cote@example.ca", 1, 1, "Desjardins", 6, 12345, bankSecret(),
                                    new BigDecimal("150.00"), new BigDecimal("10.00"), null, 0, "cus_A" + k, 0, 0},
                            new Object[] {id(2), "L" + id(2), "Marc", "Tremblay", "marc@example.ca", 1, 0, null, null, null, null, null, null, null, 0,
                                    "cus_B" + k, 1, 0},
                            new Object[] {id(3), "L" + id(3), "Bob", "Inactif", null, 0, 0, null, null, null, null, null, null, null, 0, null, 0, 0},
                            new Object[] {id(4), "L" + id(4), "Nadia", "Négatif", null, 1, 0, null, null, null, null, new BigDecimal("-50.00"), null, null,
                                    0, null, 0, 0},
                            new Object[] {id(5), "L" + id(5), "Zed", "Statut", null, 9, 0, null, null, null, null, null, null, null, 0, null, 0, 0}));
            insert(c, "delivery (id, account_id, address1, address2, city, state, zip)", List.of(
                    new Object[] {id(1), id(1), "123 Rue Principale", null, "Granby", "QC", "j2g 4k7"},
                    new Object[] {id(2), id(2), "45 Boul. Leclerc", "app. 2", "Granby", "Québec", "J2G 1A1"},
                    new Object[] {id(3), id(3), "9 Rue Dufferin", null, "Granby", "QC", "90210"},
                    new Object[] {id(4), id(99), "1 Rue Perdue", null, "Granby", "QC", "J2G 1A1"}));
            insert(c, "account_profile (id, account_id, profile_id, card_id, token, initial_transaction)", List.of(
                    new Object[] {id(1), id(1), "3f1c2d4e-0000-4000-8000-00000000000" + k, "9a8b7c6d-0000-4000-8000-00000000000" + k, TOKEN_SECRET + k, "tx-1"},
                    new Object[] {id(2), id(4), "3f1c2d4e-0000-4000-8000-0000000000ff", "x", "tok_other", "tx-2"}));
            insert(c, "soumission (id, account_id, name, po, date, tax, materiel, mensuel, text)", List.of(
                    new Object[] {id(1), id(1), "Résidentiel", "PO-1", unix(LocalDate.of(2026, 1, 15)), 1,
                            PhpSerialized.of(List.of(line("INST-FIB", "Installation fibre — près de l'église 🚀", "99.00", 1, "99.00"))),
                            PhpSerialized.of(List.of(line("FIB-300", "Fibre 300 Mbit/s, accès illimité", new BigDecimal("74.95"), 1, new BigDecimal("74.95")))),
                            "Prix valides 30 jours. Taxes en sus."},
                    new Object[] {id(2), id(2), "Commercial", null, unix(LocalDate.of(2026, 2, 1)), 1, "a:0:{}", "", null},
                    new Object[] {id(3), id(2), "Téléphonie", null, unix(LocalDate.of(2026, 2, 2)), 1,
                            "a:1:{i:0;a:5:{s:3:\"sku\";s:4:\"CBL1\";s:4:\"desc\";s:5:\"Câble\";s:3:\"amt\";d:5;s:3:\"qte\";i:1;s:3:\"tot\";d:5;}}", "a:0:{}", null},
                    new Object[] {id(4), id(77), "Résidentiel", null, unix(LocalDate.of(2026, 2, 3)), 1, "a:0:{}", "a:0:{}", null}));
            LocalDate agreed = LocalDate.of(2026, 3, 1);
            insert(c, "accord_paiement (id, account_id, staff_id, date_accord, date_echeance, date_coupure, montant, method, status, note, raison_changement)", List.of(
                    new Object[] {id(1), id(1), 7, unix(agreed), unix(agreed.plusDays(14)), unix(agreed.plusDays(19)), new BigDecimal("150.00"), 3, 0,
                            "Par téléphone avec Gen", null},
                    new Object[] {id(2), id(2), 7, unix(agreed), unix(agreed.plusDays(10)), 0, new BigDecimal("80.00"), 4, 1, null, null},
                    new Object[] {id(3), id(2), 8, unix(agreed), unix(agreed.plusDays(20)), unix(agreed.plusDays(25)), new BigDecimal("40.00"), 0, -1,
                            null, "Date repoussée"},
                    new Object[] {id(4), id(1), 7, unix(agreed), unix(agreed.plusDays(14)), unix(agreed.minusDays(3)), new BigDecimal("60.00"), 2, 0, null, null},
                    new Object[] {id(5), id(2), 7, unix(agreed), unix(agreed.plusDays(14)), unix(agreed.plusDays(20)), new BigDecimal("-20.00"), 1, 0, null, null},
                    new Object[] {id(6), id(50), 7, unix(agreed), unix(agreed.plusDays(14)), unix(agreed.plusDays(20)), new BigDecimal("20.00"), 1, 0, null, null}));
            LocalDate visit = LocalDate.of(2026, 2, 10);
            insert(c, "bon_travail (id, account_id, date, tech1, heure_arrive_t1, heure_depart_t1, tech2, heure_arrive_t2, heure_depart_t2, note, subtotal, tps, tvq, total)", List.of(
                    new Object[] {id(1), id(1), unix(visit), "Gen Lussier", "09:00", "10:30", "Kevin Brodeur", "09:15", "10:30", "Remplacement ONT",
                            new BigDecimal("100.00"), new BigDecimal("5.00"), new BigDecimal("9.98"), new BigDecimal("114.98")},
                    new Object[] {id(2), id(2), unix(visit), "Marc Choinière", String.valueOf(unix(visit, 13, 0)), String.valueOf(unix(visit, 14, 0)), "",
                            null, null, "Vérification signal", new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("0.00")},
                    new Object[] {id(3), id(2), unix(visit), "Jo Ménard", "15:00", "14:00", null, null, null, null, null, null, null, null}));
            insert(c, "bon_travail_item (id, bon_id, product_id, qte, price, `desc`)", List.of(
                    new Object[] {id(1), id(1), 42, new BigDecimal("1"), new BigDecimal("149.00"), "Routeur Wi-Fi 6"},
                    new Object[] {id(2), id(3), 42, new BigDecimal("1"), new BigDecimal("149.00"), "Routeur Wi-Fi 6"}));
            String d1 = did(1);
            insert(c, "pbx (id, account_id, delivery_id, service_id, phone, name, password, vm_password, has_vm, vm_email, int_code, language, call_911, max_calls, call_timeout, user_context, country_whitelist, date_origin, date_update)", List.of(
                    new Object[] {id(1), id(1), id(1), 501, d1.substring(0, 3) + "-" + d1.substring(3, 6) + "-" + d1.substring(6), "COTE ELOISE",
                            SIP_SECRET + k + "-1", VM_SECRET + k + "1", 1, "eloise.cote@example.ca", "101", "francais", 1, 2, 30, "sip.targo.ca", "CA,US",
                            unix(LocalDate.of(2024, 5, 1)), 0},
                    new Object[] {id(2), id(2), id(2), 502, "(450) 55" + k + "-0002", "TREMBLAY MARC", SIP_SECRET + k + "-2", null, 0, null, "102",
                            "english", 1, 4, 45, "sip.targo.ca", "CA US FR", 0, 0},
                    new Object[] {id(3), id(2), 0, 503, "1" + did(3), "TREMBLAY MARC", SIP_SECRET + k + "-3", null, 0, null, "103", "fr", 1, 0, 0,
                            "sip.targo.ca", "", 0, 0},
                    new Object[] {id(4), id(1), id(1), 504, "272-2408", "COTE ELOISE", SIP_SECRET + k + "-4", null, 0, null, null, "fr", 1, 2, 30,
                            "sip.targo.ca", null, 0, 0},
                    new Object[] {id(5), id(2), id(2), 505, d1, "TREMBLAY MARC", SIP_SECRET + k + "-5", null, 0, null, null, "fr", 1, 2, 30, "sip.targo.ca",
                            null, 0, 0}));
            insert(c, "phone_provisioning (id, account_id, delivery_id, service_id, phone, app, mac, password, internationnal)", List.of(
                    new Object[] {id(1), id(1), id(1), 501, d1, "ht502", "000b8212345" + k, ATA_SECRET + k + "-1", 0},
                    new Object[] {id(2), id(2), id(2), 502, did(2), "ht802", "00:0B:82:AB:CD:E" + k, ATA_SECRET + k + "-2", 1},
                    new Object[] {id(3), id(2), id(2), 503, did(3), "ht802", "ZZ:00:11:22:33:44", ATA_SECRET + k + "-3", 0}));
            insert(c, "phone_addr (id, account_id, phone, street_number, apt, street_name, city, state, zip, first_name, last_name, info, enhanced_capable, code_cauca, class_service)", List.of(
                    new Object[] {id(1), id(1), d1, "123", null, "Rue Principale", "Granby", "QC", "J2G 4K7", "Éloïse", "Côté", null, "Y", "47017", "RES"},
                    new Object[] {id(2), id(2), "450.55" + k + ".0002", "47", "2", "Boulevard Leclerc", "Granby", "QC", "J2G 1A1", "Marc", "Tremblay", null,
                            "Y", "47017", "BUS"},
                    new Object[] {id(3), id(2), did(3), "45", "2", "Boul. Leclerc", "Granby", "QC", "J2G 1A1", "Marc", "Tremblay", null, "N", "47017", "RES"},
                    new Object[] {id(4), id(3), did(4), "9", null, "Rue Dufferin", "Granby", "QC", "j0e1x0", "Bob", "Inactif", "ligne fermée", "Y", "47017",
                            "RES"},
                    new Object[] {id(5), id(1), did(5), "123", null, "Rue Principale", "Granby", "QC", "12345", "Éloïse", "Côté", null, "Y", "47017", "RES"},
                    new Object[] {id(6), id(1), "abc", "123", null, "Rue Principale", "Granby", "QC", "J2G 4K7", "Éloïse", "Côté", null, "Y", "47017", "RES"}));
            insert(c, "account_suspension (id, account_id, date_start, date_end, note)", List.of(
                    new Object[] {id(1), id(3), 0, 0, "drapeau"},
                    new Object[] {id(2), id(2), unix(LocalDate.of(2025, 1, 10)), unix(LocalDate.of(2025, 1, 12)), "Rebranché après paiement"},
                    new Object[] {id(3), id(2), unix(LocalDate.of(2025, 3, 10)), unix(LocalDate.of(2025, 3, 1)), null}));
            insert(c, "ip_history (id, account_id, delivery_id, service_id, ip, date)", List.of(
                    new Object[] {id(1), id(1), id(1), 501, "10." + k + ".0.1", unix(LocalDate.of(2025, 1, 1))},
                    new Object[] {id(2), id(1), id(1), 501, "10." + k + ".0.2", unix(LocalDate.of(2025, 6, 1))},
                    new Object[] {id(3), id(2), id(2), 502, "999.1.1.1", unix(LocalDate.of(2025, 6, 1))}));
            insert(c, "delivery_history (id, account_id, date_orig, address1, address2, city, state, zip)", List.of(
                    new Object[] {id(1), id(1), unix(LocalDate.of(2020, 5, 1)), "77 Rue Ancienne", null, "Granby", "QC", "J2G4K7"},
                    new Object[] {id(2), id(3), unix(LocalDate.of(2021, 5, 1)), "5 Rue Autre", null, "Granby", "QC", "J2G 4K7"}));
        }
        return this;
    }

    /** The legacy tables, with the data map's columns and MariaDB types. */
    static void createTables(Statement s) throws SQLException {
        s.execute("""
                CREATE TABLE account (id INT PRIMARY KEY, customer_id VARCHAR(20), first_name VARCHAR(80), last_name VARCHAR(80),
                  email VARCHAR(120), status TINYINT, ppa TINYINT(1) DEFAULT 0, ppa_name VARCHAR(80), ppa_code INT, ppa_branch INT,
                  ppa_account VARCHAR(30), ppa_amount DECIMAL(10,2), ppa_amount_buffer DECIMAL(10,2), ppa_fixed DECIMAL(10,2),
                  ppa_cc TINYINT(1) DEFAULT 0, stripe_id VARCHAR(40), stripe_ppa TINYINT(1) DEFAULT 0, stripe_ppa_nocc TINYINT(1) DEFAULT 0)
                """);
        s.execute("CREATE TABLE delivery (id INT PRIMARY KEY, account_id INT, address1 VARCHAR(120), address2 VARCHAR(60), city VARCHAR(80), state VARCHAR(30), zip VARCHAR(12))");
        s.execute("CREATE TABLE account_profile (id INT PRIMARY KEY, account_id INT, profile_id VARCHAR(40), card_id VARCHAR(40), token VARCHAR(80), initial_transaction VARCHAR(40))");
        s.execute("CREATE TABLE soumission (id INT PRIMARY KEY, account_id INT, name VARCHAR(80), po VARCHAR(40), date INT UNSIGNED, tax TINYINT, materiel TEXT, mensuel TEXT, text TEXT)");
        s.execute("""
                CREATE TABLE accord_paiement (id INT PRIMARY KEY, account_id INT, staff_id INT, date_accord INT UNSIGNED, date_echeance INT UNSIGNED,
                  date_coupure INT UNSIGNED, montant DECIMAL(10,2), method TINYINT, status TINYINT, note TEXT, raison_changement TEXT)
                """);
        s.execute("""
                CREATE TABLE bon_travail (id INT PRIMARY KEY, account_id INT, date INT UNSIGNED, tech1 VARCHAR(60), heure_arrive_t1 VARCHAR(12),
                  heure_depart_t1 VARCHAR(12), tech2 VARCHAR(60), heure_arrive_t2 VARCHAR(12), heure_depart_t2 VARCHAR(12), note TEXT,
                  subtotal DECIMAL(10,2), tps DECIMAL(10,2), tvq DECIMAL(10,2), total DECIMAL(10,2))
                """);
        s.execute("CREATE TABLE bon_travail_item (id INT PRIMARY KEY, bon_id INT, product_id INT, qte DECIMAL(8,2), price DECIMAL(10,2), `desc` VARCHAR(120))");
        s.execute("""
                CREATE TABLE pbx (id INT PRIMARY KEY, account_id INT, delivery_id INT, service_id INT, phone VARCHAR(20), name VARCHAR(40),
                  password VARCHAR(40), vm_password VARCHAR(20), has_vm TINYINT(1), vm_email VARCHAR(120), int_code VARCHAR(10), language VARCHAR(10),
                  call_911 TINYINT(1), max_calls INT, call_timeout INT, user_context VARCHAR(40), country_whitelist VARCHAR(60),
                  date_origin INT UNSIGNED, date_update INT UNSIGNED)
                """);
        s.execute("""
                CREATE TABLE phone_provisioning (id INT PRIMARY KEY, account_id INT, delivery_id INT, service_id INT, phone VARCHAR(20),
                  app VARCHAR(20), mac VARCHAR(20), password VARCHAR(40), internationnal TINYINT(1))
                """);
        s.execute("""
                CREATE TABLE phone_addr (id INT PRIMARY KEY, account_id INT, phone VARCHAR(20), street_number VARCHAR(12), apt VARCHAR(12),
                  street_name VARCHAR(80), city VARCHAR(80), state VARCHAR(20), zip VARCHAR(12), first_name VARCHAR(60), last_name VARCHAR(60),
                  info VARCHAR(120), enhanced_capable CHAR(1), code_cauca VARCHAR(10), class_service CHAR(3))
                """);
        s.execute("CREATE TABLE account_suspension (id INT PRIMARY KEY, account_id INT, date_start INT UNSIGNED, date_end INT UNSIGNED, note TEXT)");
        s.execute("CREATE TABLE ip_history (id INT PRIMARY KEY, account_id INT, delivery_id INT, service_id INT, ip VARCHAR(45), date INT UNSIGNED)");
        s.execute("CREATE TABLE delivery_history (id INT PRIMARY KEY, account_id INT, date_orig INT UNSIGNED, address1 VARCHAR(120), address2 VARCHAR(60), city VARCHAR(80), state VARCHAR(30), zip VARCHAR(12))");
    }

    void drop(String table) throws SQLException {
        try (Connection c = server.owner(database); Statement s = c.createStatement()) {
            s.execute("DROP TABLE " + table);
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection c = server.owner(database); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void insert(Connection c, String tableAndColumns, List<Object[]> rows) throws SQLException {
        int width = rows.get(0).length;
        String sql = "INSERT INTO " + tableAndColumns + " VALUES (" + String.join(", ", java.util.Collections.nCopies(width, "?")) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, row[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
