package ca.gigafibre.automation.provisioning.deactivation;

import ca.gigafibre.automation.platform.time.BusinessTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The deactivation rows ({@code automation.deactivation}): what a cancellation takes down, and where each deactivation
 * stands. At most one is open (scheduled or running) per location or line: the partial unique index says so, not a check.
 */
@Repository
public class Deactivations {

    /** A location or a phone line to take down; {@code businessKey} is also its process's business key. */
    public record Subject(String kind, String businessKey, Long locationId, String did) {

        static Subject location(long locationId, String locationNo) {
            return new Subject("location", "DEACT-" + locationNo, locationId, null);
        }

        static Subject line(Long locationId, String did) {
            return new Subject("line", "DEACT-" + did, locationId, did);
        }
    }

    /** One deactivation as its process reads it. */
    public record Row(long id, String businessKey, String kind, long customerId, Long locationId, String did, String status,
                      LocalDate endDate) {
    }

    private final JdbcClient jdbc;

    public Deactivations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What the subscription's end takes down: its phone lines still in service (a phone-line plan), or its location when no
     * other internet access subscription there is still on (pending, active or suspended). Other plans take nothing down.
     */
    public List<Subject> subjectsOf(long subscriptionId) {
        List<Subject> lines = jdbc.sql("""
                SELECT l.location_id, l.did FROM automation.voip_line l
                JOIN automation.subscription s ON s.id = l.subscription_id JOIN automation.plan p ON p.id = s.plan_id
                WHERE s.id = :id AND p.phone_line AND l.state <> 'cancelled'
                  -- a location being taken down takes its lines down itself (its subscriptions end with it)
                  AND NOT exists(SELECT 1 FROM automation.deactivation d
                                 WHERE d.kind = 'location' AND d.location_id = l.location_id AND d.status = 'running')
                ORDER BY l.did
                """).param("id", subscriptionId)
                .query((rs, n) -> Subject.line(rs.getObject(1, Long.class), rs.getString(2))).list();
        if (!lines.isEmpty()) {
            return lines;
        }
        return jdbc.sql("""
                SELECT l.id, l.location_no FROM automation.subscription s
                JOIN automation.plan p ON p.id = s.plan_id JOIN automation.service_location l ON l.id = s.location_id
                WHERE s.id = :id AND p.category = 'internet' AND p.download_mbps IS NOT NULL
                  AND NOT exists(SELECT 1 FROM automation.subscription o JOIN automation.plan op ON op.id = o.plan_id
                                 WHERE o.location_id = s.location_id AND o.id <> s.id AND op.category = 'internet'
                                   AND op.download_mbps IS NOT NULL AND o.status IN ('pending', 'active', 'suspended'))
                """).param("id", subscriptionId).query((rs, n) -> Subject.location(rs.getLong(1), rs.getString(2))).list();
    }

    /** The open deactivations a withdrawn cancellation of this subscription stops: its lines', or its location's. */
    public List<String> keysOf(long subscriptionId) {
        return jdbc.sql("""
                SELECT 'DEACT-' || l.did FROM automation.voip_line l
                JOIN automation.subscription s ON s.id = l.subscription_id JOIN automation.plan p ON p.id = s.plan_id
                WHERE s.id = :id AND p.phone_line
                UNION
                SELECT 'DEACT-' || l.location_no FROM automation.subscription s
                JOIN automation.plan p ON p.id = s.plan_id JOIN automation.service_location l ON l.id = s.location_id
                WHERE s.id = :id AND p.category = 'internet' AND p.download_mbps IS NOT NULL
                """).param("id", subscriptionId).query(String.class).list();
    }

    /** The day a location's service ends: the last end date of its internet access subscriptions, all cancelled now. */
    public LocalDate locationEnd(long locationId, LocalDate fallback) {
        return jdbc.sql("""
                SELECT max(s.end_date) FROM automation.subscription s JOIN automation.plan p ON p.id = s.plan_id
                WHERE s.location_id = :loc AND p.category = 'internet' AND p.download_mbps IS NOT NULL AND s.status = 'cancelled'
                """).param("loc", locationId).query(LocalDate.class).optional().orElse(fallback);
    }

    /**
     * Records a scheduled deactivation; empty when one is already running for this location or line (the unique index
     * refuses the second), the id of the new row otherwise.
     */
    public Optional<Long> schedule(Subject subject, long customerId, long subscriptionId, LocalDate endDate) {
        return jdbc.sql("""
                INSERT INTO automation.deactivation (business_key, kind, customer_id, location_id, did, subscription_id, end_date, requested_at)
                VALUES (:key, :kind, :customer, :location, :did, :subscription, :end, :now)
                ON CONFLICT (business_key) WHERE status IN ('scheduled', 'running') DO NOTHING
                RETURNING id
                """).param("key", subject.businessKey()).param("kind", subject.kind()).param("customer", customerId)
                .param("location", subject.locationId()).param("did", subject.did()).param("subscription", subscriptionId)
                .param("end", endDate).param("now", BusinessTime.now())
                .query(Long.class).optional();
    }

    /** Withdraws the scheduled (not yet started) deactivation of this key; true when there was one. */
    public boolean withdrawScheduled(String businessKey) {
        return jdbc.sql("""
                UPDATE automation.deactivation SET status = 'withdrawn', withdrawn_at = :now
                WHERE business_key = :key AND status = 'scheduled'
                """).param("key", businessKey).param("now", BusinessTime.now()).update() == 1;
    }

    public boolean isRunning(String businessKey) {
        return jdbc.sql("SELECT exists(SELECT 1 FROM automation.deactivation WHERE business_key = :key AND status = 'running')")
                .param("key", businessKey).query(Boolean.class).single();
    }

    /** Scheduled → running, once: false when it is no longer scheduled (withdrawn meanwhile, or already begun). */
    public boolean begin(long id) {
        return jdbc.sql("UPDATE automation.deactivation SET status = 'running', started_at = :now WHERE id = :id AND status = 'scheduled'")
                .param("id", id).param("now", BusinessTime.now()).update() == 1;
    }

    public Row get(long id) {
        return jdbc.sql("""
                SELECT id, business_key, kind, customer_id, location_id, did, status, end_date FROM automation.deactivation WHERE id = :id
                """).param("id", id)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getObject(5, Long.class),
                        rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class))).single();
    }

    /**
     * The subscriptions a closed location still runs after {@code end} (phone lines, TV, rentals…): not ended, or ended
     * later. A phone line that moved to another location and is in service there is not the closed location's any more.
     */
    public List<String> subscriptionsStillRunning(long locationId, LocalDate end) {
        return jdbc.sql("""
                SELECT s.subscription_no FROM automation.subscription s
                WHERE s.location_id = :loc
                  AND (s.status IN ('pending', 'active', 'suspended') OR (s.status = 'cancelled' AND s.end_date > :end))
                  AND NOT exists(SELECT 1 FROM automation.voip_line v
                                 WHERE v.subscription_id = s.id AND v.location_id <> :loc AND v.state <> 'cancelled')
                ORDER BY s.id
                """).param("loc", locationId).param("end", end).query(String.class).list();
    }

    /** True when none of the customer's subscriptions runs after {@code end}: the account has nothing left in service. */
    public boolean nothingInServiceAfter(long customerId, LocalDate end) {
        return jdbc.sql("""
                SELECT NOT exists(SELECT 1 FROM automation.subscription s WHERE s.customer_id = :c
                                  AND (s.status IN ('pending', 'active', 'suspended') OR (s.status = 'cancelled' AND s.end_date > :end)))
                """).param("c", customerId).param("end", end).query(Boolean.class).single();
    }

    public void finish(long id) {
        jdbc.sql("UPDATE automation.deactivation SET status = 'done', finished_at = :now WHERE id = :id AND status = 'running'")
                .param("id", id).param("now", BusinessTime.now()).update();
    }

    public void recordEquipmentOutcome(long id, String outcome, String decidedBy) {
        jdbc.sql("""
                UPDATE automation.deactivation SET equipment_outcome = :outcome, equipment_decided_by = :by, equipment_decided_at = :now
                WHERE id = :id
                """).param("id", id).param("outcome", outcome).param("by", decidedBy).param("now", BusinessTime.now()).update();
    }
}
