package ca.gigafibre.automation.demo;

import ca.gigafibre.automation.platform.secret.SecretCipher;
import ca.gigafibre.automation.platform.time.BusinessTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Synthetic data that reproduces the legacy volumes and shares ({@code shared/reference/volumes.md}) at a scale
 * factor, deterministically from a seed, loaded with COPY in one transaction: all of it or nothing.
 */
@Service
public class DemoDataGenerator {

    /** Foreign-key order of the loads. */
    static final List<String> TABLES = List.of("customer", "service_location", "contact", "account_ppa_settings",
            "payment_method", "plan", "subscription", "invoice", "invoice_line", "payment", "payment_allocation", "voip_line",
            "e911_address", "ata_config", "equipment", "ip_assignment", "payment_arrangement", "suspension", "ticket",
            "work_order", "work_order_technician", "work_order_part", "quote", "quote_line", "technician");
    private static final List<String> OTHER_DOMAIN_TABLES = List.of("location_address_history", "dispatch_job", "decision_log", "collection_notice", "notification", "service_change", "collections_case",
            "audit_log", "idempotent_request", "service_order", "billing_run", "e911_audit_run", "network_reconciliation_run");
    private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final SecretCipher cipher;
    private final ObjectMapper objectMapper;
    private final ApplicationEventPublisher events;

    public DemoDataGenerator(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transaction, SecretCipher cipher,
                             ObjectMapper objectMapper, ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.cipher = cipher;
        this.objectMapper = objectMapper;
        this.events = events;
    }

    public DemoDataReport generate(double scale, long seed, boolean replace) {
        if (!(scale > 0 && scale <= 10)) {
            throw new IllegalArgumentException("scale must be above 0 and at most 10, was " + scale);
        }
        long started = System.nanoTime();
        Map<String, Long> rows = transaction.execute(status -> load(scale, seed, replace));
        long millis = (System.nanoTime() - started) / 1_000_000;
        record(scale, seed, rows, millis);
        log.info("Synthetic data at scale {} (seed {}) loaded in {} ms: {}", scale, seed, millis, rows);
        DemoDataReport report = new DemoDataReport(scale, seed, replace, rows, millis);
        events.publishEvent(new DemoDataLoaded(report));
        return report;
    }

    /** True once any synthetic load or any customer exists, so the demo loads only on a first start. */
    public boolean anythingLoaded() {
        return jdbc.sql("SELECT exists(SELECT 1 FROM automation.demo_data_load) OR exists(SELECT 1 FROM automation.customer)")
                .query(Boolean.class).single();
    }

    private Map<String, Long> load(double scale, long seed, boolean replace) {
        if (replace) {
            jdbc.sql("TRUNCATE " + String.join(", ", qualified(TABLES)) + ", " + String.join(", ", qualified(OTHER_DOMAIN_TABLES))
                    + " CASCADE").update();   // identities continue: a business id (C-…, INV-…) is never given twice
        }
        SyntheticWorld world = new SyntheticWorld(seed, BusinessTime.today(), scale, cipher, firstFreeIds());
        world.techniciansExist = jdbc.sql("SELECT exists(SELECT 1 FROM automation.technician)").query(Boolean.class).single();
        new SyntheticCustomers(world).generate();
        SyntheticBilling billing = new SyntheticBilling(world, existingPlans());
        billing.generate();
        new SyntheticTelephony(world, existingDids()).generate(billing.phoneSubscriptions);
        new SyntheticNetwork(world).generate();
        new SyntheticOperations(world).generate();
        Map<String, Long> rows = new LinkedHashMap<>();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            for (String table : TABLES) {
                CopyTable copy = world.tables().get(table);
                rows.put(table, copy == null ? 0 : copy.copyInto(connection));
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Synthetic data load failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        for (String table : TABLES) {
            if (!"account_ppa_settings".equals(table)) {
                jdbc.sql("SELECT setval(pg_get_serial_sequence('automation." + table + "', 'id'), "
                        + "(SELECT coalesce(max(id), 0) + 1 FROM automation." + table + "), false)").query().singleRow();
            }
        }
        TABLES.forEach(table -> jdbc.sql("ANALYZE automation." + table).update());
        return rows;
    }

    private Map<String, Long> firstFreeIds() {
        Map<String, Long> ids = new HashMap<>();
        for (String table : List.of("customer", "service_location", "payment_method", "plan", "subscription", "invoice", "payment",
                "voip_line", "ata_config", "equipment", "work_order", "quote", "technician")) {
            ids.put(table, jdbc.sql("SELECT greatest((SELECT coalesce(max(id), 0) FROM automation." + table + "), "
                    + "coalesce(pg_sequence_last_value(pg_get_serial_sequence('automation." + table + "', 'id')), 0)) + 1")
                    .query(Long.class).single());
        }
        return ids;
    }

    private Map<String, SyntheticBilling.PlanRef> existingPlans() {
        Map<String, SyntheticBilling.PlanRef> plans = new HashMap<>();
        jdbc.sql("SELECT id, sku, price, billing_frequency, name_fr FROM automation.plan")
                .query((rs, n) -> new SyntheticBilling.PlanRef(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4), rs.getString(5)))
                .list().forEach(p -> plans.put(p.sku(), p));
        return plans;
    }

    private java.util.Set<String> existingDids() {
        return new HashSet<>(jdbc.sql("SELECT did FROM automation.voip_line UNION SELECT did FROM automation.e911_address")
                .query(String.class).list());
    }

    private void record(double scale, long seed, Map<String, Long> rows, long millis) {
        try {
            jdbc.sql("INSERT INTO automation.demo_data_load (seed, scale, counts, millis) VALUES (:seed, :scale, CAST(:counts AS jsonb), :millis)")
                    .param("seed", seed).param("scale", scale).param("counts", objectMapper.writeValueAsString(rows))
                    .param("millis", millis).update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> qualified(List<String> tables) {
        return tables.stream().map(t -> "automation." + t).toList();
    }
}
