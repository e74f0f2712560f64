package ca.gigafibre.automation.billing.subscription;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.billing.CancellationWithdrawn;
import ca.gigafibre.automation.billing.SubscriptionCancelled;
import ca.gigafibre.automation.billing.SubscriptionChanged;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.error.ConflictException;
import ca.gigafibre.automation.platform.error.InvalidRequestException;
import ca.gigafibre.automation.platform.error.NotFoundException;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class SubscriptionService {

    private final JdbcClient jdbc;
    private final CustomerRepository customers;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    public SubscriptionService(JdbcClient jdbc, CustomerRepository customers, AuditLog audit,
                               ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public SubscriptionView add(CustomerNo customerNo, NewSubscription request) {
        long customerId = customers.idOf(customerNo, "id");
        if (request.endDate() != null && request.endDate().isBefore(request.startDate())) {
            throw new InvalidRequestException("endDate", "must not be before startDate " + request.startDate());
        }
        Plan plan = jdbc.sql("SELECT id, price, billing_frequency FROM automation.plan WHERE sku = :sku AND active")
                .param("sku", request.sku())
                .query((rs, n) -> new Plan(rs.getLong(1), rs.getBigDecimal(2), rs.getString(3))).optional()
                .orElseThrow(() -> new InvalidRequestException("sku", "no active plan has SKU " + request.sku()));
        long locationId = locationOf(customerId, request.locationId());
        String subscriptionNo = jdbc.sql("""
                INSERT INTO automation.subscription (customer_id, location_id, plan_id, quantity, unit_price,
                    billing_frequency, status, start_date, end_date)
                VALUES (:customer, :location, :plan, :quantity, :price, :frequency, :status, :start, :end)
                RETURNING subscription_no
                """)
                .param("customer", customerId)
                .param("location", locationId)
                .param("plan", plan.id())
                .param("quantity", request.quantity() == null ? 1 : request.quantity())
                .param("price", request.unitPrice() == null ? plan.price() : request.unitPrice())
                .param("frequency", plan.billingFrequency())
                .param("status", request.status() == null ? "active" : request.status())
                .param("start", request.startDate())
                .param("end", request.endDate())
                .query(String.class).single();
        events.publishEvent(SubscriptionChanged.created(subscriptionNo));
        audit.record("subscription.created", "subscription", subscriptionNo, null, Map.of("customer", customerNo.value(), "sku", request.sku()));
        return forCustomer(customerId).stream().filter(s -> s.id().equals(subscriptionNo)).findFirst().orElseThrow();
    }

    /**
     * Ends a subscription on {@code endDate}; days already billed after it are credited on the next billing run. One that
     * never started — never activated ({@code pending}), or cancelled effective before its start date — ends the day before
     * its start: it has no day to bill, and only what was billed in advance (if anything) comes back as a credit.
     */
    @Transactional
    public SubscriptionView cancel(String subscriptionNo, java.time.LocalDate endDate, String reason) {
        record Cancelled(long id, long customerId, java.time.LocalDate start, String status) {
            boolean neverStarted(java.time.LocalDate end) {
                return "pending".equals(status) || end.isBefore(start);
            }
        }
        Cancelled row = jdbc.sql("SELECT id, customer_id, start_date, status FROM automation.subscription WHERE subscription_no = :no FOR UPDATE")
                .param("no", subscriptionNo)
                .query((rs, n) -> new Cancelled(rs.getLong(1), rs.getLong(2), rs.getObject(3, java.time.LocalDate.class), rs.getString(4)))
                .optional()
                .orElseThrow(() -> new ca.gigafibre.automation.platform.error.NotFoundException("Subscription", subscriptionNo, "id"));
        java.time.LocalDate end = row.neverStarted(endDate) ? row.start().minusDays(1) : endDate;
        jdbc.sql("UPDATE automation.subscription SET status = 'cancelled', end_date = :end WHERE subscription_no = :no")
                .param("end", end).param("no", subscriptionNo).update();
        events.publishEvent(SubscriptionChanged.status(subscriptionNo));
        audit.record("subscription.cancelled", "subscription", subscriptionNo, reason, Map.of("endDate", endDate.toString(),
                "effectiveEnd", end.toString()));
        events.publishEvent(new SubscriptionCancelled(row.id(), subscriptionNo, row.customerId(), end));
        return forCustomer(row.customerId()).stream().filter(v -> v.id().equals(subscriptionNo)).findFirst().orElseThrow();
    }

    /**
     * Takes a cancellation back before its end date: the subscription runs on as before (days credited meanwhile are billed
     * again by the next run, from the day it is billed through). One whose end date has passed is over: order it again.
     */
    @Transactional
    public SubscriptionView withdrawCancellation(String subscriptionNo) {
        record Cancelled(long id, long customerId, String status, java.time.LocalDate start, java.time.LocalDate end) {
        }
        Cancelled row = jdbc.sql("""
                SELECT id, customer_id, status, start_date, end_date FROM automation.subscription WHERE subscription_no = :no FOR UPDATE
                """).param("no", subscriptionNo)
                .query((rs, n) -> new Cancelled(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, java.time.LocalDate.class),
                        rs.getObject(5, java.time.LocalDate.class))).optional()
                .orElseThrow(() -> new NotFoundException("Subscription", subscriptionNo, "id"));
        if (!"cancelled".equals(row.status())) {
            throw new ConflictException("Subscription " + subscriptionNo + " is " + row.status() + ", not cancelled");
        }
        if (row.end().isBefore(BusinessTime.today())) {
            throw new ConflictException("Subscription " + subscriptionNo + " ended on " + row.end() + ": order the service again");
        }
        // a subscription cancelled before it started (it ends the day before its start) had not started: it is pending again
        String status = row.end().isBefore(row.start()) ? "pending" : "active";
        jdbc.sql("UPDATE automation.subscription SET status = :status, end_date = NULL WHERE id = :id")
                .param("status", status).param("id", row.id()).update();
        events.publishEvent(SubscriptionChanged.status(subscriptionNo));
        audit.record("subscription.cancellation-withdrawn", "subscription", subscriptionNo, null, Map.of("endDate", row.end().toString()));
        events.publishEvent(new CancellationWithdrawn(row.id(), subscriptionNo, row.customerId()));
        return forCustomer(row.customerId()).stream().filter(v -> v.id().equals(subscriptionNo)).findFirst().orElseThrow();
    }

    public List<SubscriptionView> forCustomer(long customerId) {
        return jdbc.sql("""
                SELECT s.subscription_no, l.location_no, p.sku, p.name_fr, s.quantity, s.unit_price, s.billing_frequency,
                       s.status, s.start_date, s.end_date
                FROM automation.subscription s
                JOIN automation.plan p ON p.id = s.plan_id
                LEFT JOIN automation.service_location l ON l.id = s.location_id
                WHERE s.customer_id = :id ORDER BY s.id
                """)
                .param("id", customerId)
                .query((rs, n) -> new SubscriptionView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getBigDecimal(6), rs.getString(7), rs.getString(8),
                        rs.getObject(9, java.time.LocalDate.class), rs.getObject(10, java.time.LocalDate.class)))
                .list();
    }

    private long locationOf(long customerId, String locationNo) {
        if (locationNo == null) {
            return jdbc.sql("SELECT id FROM automation.service_location WHERE customer_id = :c ORDER BY id LIMIT 1")
                    .param("c", customerId).query(Long.class).optional()
                    .orElseThrow(() -> new InvalidRequestException("locationId", "the customer has no service location"));
        }
        return jdbc.sql("SELECT id FROM automation.service_location WHERE location_no = :no AND customer_id = :c")
                .param("no", locationNo).param("c", customerId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("Service location of this customer", locationNo, "locationId"));
    }

    private record Plan(long id, BigDecimal price, String billingFrequency) {
    }
}
