package ca.gigafibre.automation.legacy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a table's mapping looks up: legacy account → customer, legacy delivery → service location, legacy work order →
 * ours, DIDs with a line. Reloaded from the engine before each table; in a dry run, what earlier tables would have
 * imported is remembered here (id {@link #WOULD_BE}) so later tables are judged as a real run would judge them.
 */
public final class ImportContext {

    /** The id of a row that a dry run would have written. */
    public static final long WOULD_BE = -1;

    private final boolean dryRun;
    private final JdbcClient jdbc;
    private final Fingerprints fingerprints;

    private final Map<Long, Long> accounts = new HashMap<>();
    private final Map<Long, Long> deliveries = new HashMap<>();
    private final Map<Long, Long> firstLocationOfCustomer = new HashMap<>();
    private final Map<Long, Long> workOrders = new HashMap<>();
    private final Set<String> lineDids = new HashSet<>();

    private final Set<Long> wouldBeAccounts = new HashSet<>();
    private final Set<Long> wouldBeDeliveries = new HashSet<>();
    private final Set<Long> wouldBeAccountsWithDelivery = new HashSet<>();
    private final Set<Long> wouldBeWorkOrders = new HashSet<>();
    private final Set<String> wouldBeLineDids = new HashSet<>();

    ImportContext(boolean dryRun, JdbcClient jdbc, Fingerprints fingerprints) {
        this.dryRun = dryRun;
        this.jdbc = jdbc;
        this.fingerprints = fingerprints;
    }

    public boolean dryRun() {
        return dryRun;
    }

    public byte[] fingerprint(Object... values) {
        return fingerprints.of(values);
    }

    void refresh() {
        accounts.clear();
        jdbc.sql("SELECT legacy_account_id, id FROM automation.customer WHERE legacy_account_id IS NOT NULL")
                .query(rs -> {
                    accounts.put(rs.getLong(1), rs.getLong(2));
                });
        deliveries.clear();
        jdbc.sql("SELECT legacy_delivery_id, id FROM automation.service_location WHERE legacy_delivery_id IS NOT NULL")
                .query(rs -> {
                    deliveries.put(rs.getLong(1), rs.getLong(2));
                });
        firstLocationOfCustomer.clear();
        jdbc.sql("SELECT DISTINCT ON (customer_id) customer_id, id FROM automation.service_location ORDER BY customer_id, id")
                .query(rs -> {
                    firstLocationOfCustomer.put(rs.getLong(1), rs.getLong(2));
                });
        workOrders.clear();
        jdbc.sql("SELECT legacy_bon_travail_id, id FROM automation.work_order WHERE legacy_bon_travail_id IS NOT NULL")
                .query(rs -> {
                    workOrders.put(rs.getLong(1), rs.getLong(2));
                });
        lineDids.clear();
        lineDids.addAll(jdbc.sql("SELECT did FROM automation.voip_line WHERE state <> 'cancelled'").query(String.class).list());
    }

    /** The customer of a legacy account, or {@link LegacyValueRejected} on {@code field}. */
    public long customer(String field, Long legacyAccountId) {
        if (legacyAccountId == null || legacyAccountId == 0) {
            throw new LegacyValueRejected(field, "no account");
        }
        Long id = accounts.get(legacyAccountId);
        if (id != null) {
            return id;
        }
        if (wouldBeAccounts.contains(legacyAccountId)) {
            return WOULD_BE;
        }
        throw new LegacyValueRejected(field, "unknown account " + legacyAccountId);
    }

    /** The service location of a legacy delivery, else the account's first location, else null. */
    public Long location(Long legacyDeliveryId, Long legacyAccountId, long customerId) {
        if (legacyDeliveryId != null && legacyDeliveryId != 0) {
            Long id = deliveries.get(legacyDeliveryId);
            if (id != null) {
                return id;
            }
            if (wouldBeDeliveries.contains(legacyDeliveryId)) {
                return WOULD_BE;
            }
        }
        Long first = customerId == WOULD_BE ? null : firstLocationOfCustomer.get(customerId);
        if (first != null) {
            return first;
        }
        return legacyAccountId != null && wouldBeAccountsWithDelivery.contains(legacyAccountId) ? WOULD_BE : null;
    }

    public long workOrder(String field, Long legacyBonId) {
        Long id = legacyBonId == null ? null : workOrders.get(legacyBonId);
        if (id != null) {
            return id;
        }
        if (legacyBonId != null && wouldBeWorkOrders.contains(legacyBonId)) {
            return WOULD_BE;
        }
        throw new LegacyValueRejected(field, "unknown work order " + legacyBonId);
    }

    public boolean hasLine(String did) {
        return lineDids.contains(did) || wouldBeLineDids.contains(did);
    }

    void wouldBeAccount(long legacyAccountId) {
        if (dryRun) {
            wouldBeAccounts.add(legacyAccountId);
        }
    }

    void wouldBeDelivery(long legacyDeliveryId, long legacyAccountId) {
        if (dryRun) {
            wouldBeDeliveries.add(legacyDeliveryId);
            wouldBeAccountsWithDelivery.add(legacyAccountId);
        }
    }

    void wouldBeWorkOrder(long legacyBonId) {
        if (dryRun) {
            wouldBeWorkOrders.add(legacyBonId);
        }
    }

    void wouldBeLine(String did) {
        if (dryRun) {
            wouldBeLineDids.add(did);
        }
    }
}
