package ca.gigafibre.automation.support;

import ca.gigafibre.automation.platform.error.FieldProblem;
import ca.gigafibre.automation.platform.error.InvalidRequestException;
import ca.gigafibre.automation.platform.error.NotFoundException;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a ticket's work order — the same path for the technician's form and the API. Departure after arrival, known
 * technicians, known parts and positive quantities, or a 422 naming each field at fault and nothing written.
 */
@Service
public class WorkOrders {

    private static final List<String> OUTCOMES = List.of("resolved", "not-resolved", "needs-return");
    private static final List<String> CAUSES = List.of("network", "wiring", "customer-equipment", "customer-damage", "other");

    private final JdbcClient jdbc;

    public WorkOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record KnownTechnician(long id, String no, String name) {
    }

    private record KnownPart(String sku, String description, BigDecimal price) {
    }

    @Transactional
    public WorkOrderView record(String ticketNo, NewWorkOrder order) {
        long[] ticket = jdbc.sql("SELECT id, customer_id, coalesce(location_id, 0) FROM automation.ticket WHERE ticket_no = :no")
                .param("no", ticketNo).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).optional()
                .orElseThrow(() -> new NotFoundException("Ticket", ticketNo, "id"));
        List<FieldProblem> problems = new ArrayList<>();
        List<KnownTechnician> technicians = technicians(order, problems);
        List<KnownPart> parts = parts(order, problems);
        if (order.outcome() == null || !OUTCOMES.contains(order.outcome())) {
            problems.add(new FieldProblem("outcome", "must be resolved, not-resolved or needs-return"));
        }
        if (order.cause() != null && !CAUSES.contains(order.cause())) {
            problems.add(new FieldProblem("cause", "must be one of " + CAUSES));
        }
        if (order.notes() != null && order.notes().length() > 4000) {
            problems.add(new FieldProblem("notes", "must be at most 4000 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        LocalDate day = order.technicians().get(0).arrivedAt().atZoneSameInstant(BusinessTime.ZONE).toLocalDate();
        Long job = jdbc.sql("SELECT id FROM automation.dispatch_job WHERE ticket_id = :t ORDER BY id DESC LIMIT 1").param("t", ticket[0])
                .query(Long.class).optional().orElse(null);
        String workOrderNo = jdbc.sql("""
                INSERT INTO automation.work_order (customer_id, ticket_id, dispatch_job_id, location_id, work_date, note, outcome)
                VALUES (:customer, :ticket, :job, :location, :day, :note, :outcome) RETURNING work_order_no
                """).param("customer", ticket[1]).param("ticket", ticket[0]).param("job", job)
                .param("location", ticket[2] == 0 ? null : ticket[2]).param("day", day).param("note", order.notes())
                .param("outcome", order.outcome()).query(String.class).single();
        for (int i = 0; i < technicians.size(); i++) {
            NewWorkOrder.Technician t = order.technicians().get(i);
            jdbc.sql("""
                    INSERT INTO automation.work_order_technician (work_order_id, technician, technician_id, arrived_at, departed_at)
                    SELECT id, :name, :tech, :arrived, :departed FROM automation.work_order WHERE work_order_no = :no
                    """).param("name", technicians.get(i).name()).param("tech", technicians.get(i).id()).param("arrived", t.arrivedAt())
                    .param("departed", t.departedAt()).param("no", workOrderNo).update();
        }
        for (int i = 0; i < parts.size(); i++) {
            BigDecimal quantity = order.parts().get(i).quantity();
            jdbc.sql("""
                    INSERT INTO automation.work_order_part (work_order_id, sku, description, quantity, unit_price, amount)
                    SELECT id, :sku, :description, :quantity, :price, :amount FROM automation.work_order WHERE work_order_no = :no
                    """).param("sku", parts.get(i).sku()).param("description", parts.get(i).description()).param("quantity", quantity)
                    .param("price", parts.get(i).price()).param("amount", parts.get(i).price().multiply(quantity).setScale(2, RoundingMode.HALF_UP))
                    .param("no", workOrderNo).update();
        }
        if (job != null) {
            jdbc.sql("UPDATE automation.dispatch_job SET status = 'done', completed_at = now() WHERE id = :id AND status IN ('scheduled', 'en-route', 'on-site')")
                    .param("id", job).update();
        }
        return get(workOrderNo);
    }

    public WorkOrderView get(String workOrderNo) {
        List<WorkOrderView.Technician> technicians = jdbc.sql("""
                SELECT t.technician_no, w.technician, w.arrived_at, w.departed_at FROM automation.work_order_technician w
                JOIN automation.work_order o ON o.id = w.work_order_id LEFT JOIN automation.technician t ON t.id = w.technician_id
                WHERE o.work_order_no = :no ORDER BY w.id
                """).param("no", workOrderNo)
                .query((rs, n) -> new WorkOrderView.Technician(rs.getString(1), rs.getString(2), BusinessTime.read(rs, "arrived_at"),
                        BusinessTime.read(rs, "departed_at"), hours(rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class))))
                .list();
        List<WorkOrderView.Part> parts = jdbc.sql("""
                SELECT p.sku, p.description, p.quantity, p.unit_price, p.amount FROM automation.work_order_part p
                JOIN automation.work_order o ON o.id = p.work_order_id WHERE o.work_order_no = :no ORDER BY p.id
                """).param("no", workOrderNo)
                .query((rs, n) -> new WorkOrderView.Part(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5)))
                .list();
        return jdbc.sql("""
                SELECT o.work_order_no, t.ticket_no, c.customer_no, o.work_date, o.outcome, o.note, o.billable, i.invoice_no
                FROM automation.work_order o JOIN automation.customer c ON c.id = o.customer_id
                LEFT JOIN automation.ticket t ON t.id = o.ticket_id LEFT JOIN automation.invoice i ON i.id = o.invoice_id
                WHERE o.work_order_no = :no
                """).param("no", workOrderNo)
                .query((rs, n) -> new WorkOrderView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getString(5), rs.getString(6), technicians, parts, rs.getBoolean(7), rs.getString(8)))
                .optional().orElseThrow(() -> new NotFoundException("Work order", workOrderNo, "id"));
    }

    /** Hours between arrival and departure, to the hundredth. */
    public static BigDecimal hours(OffsetDateTime arrived, OffsetDateTime departed) {
        if (arrived == null || departed == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(Duration.between(arrived, departed).toMinutes()).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    private List<KnownTechnician> technicians(NewWorkOrder order, List<FieldProblem> problems) {
        List<KnownTechnician> known = new ArrayList<>();
        if (order.technicians() == null || order.technicians().isEmpty()) {
            problems.add(new FieldProblem("technicians", "at least one technician (arrival and departure) is required"));
            return known;
        }
        if (order.technicians().size() > 2) {
            problems.add(new FieldProblem("technicians", "a work order has one or two technicians (tech1, tech2)"));
        }
        for (int i = 0; i < order.technicians().size(); i++) {
            NewWorkOrder.Technician t = order.technicians().get(i);
            String at = "technicians[" + i + "].";
            Optional<KnownTechnician> technician = t == null || t.technicianId() == null ? Optional.empty()
                    : jdbc.sql("SELECT id, technician_no, name FROM automation.technician WHERE technician_no = :no")
                            .param("no", t.technicianId().strip().toUpperCase())
                            .query((rs, n) -> new KnownTechnician(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
            if (technician.isEmpty()) {
                problems.add(new FieldProblem(at + "technicianId", "must be a technician such as TECH-001"));
            } else if (known.stream().anyMatch(k -> k.id() == technician.get().id())) {
                problems.add(new FieldProblem(at + "technicianId", technician.get().no() + " is already on this work order"));
            }
            technician.ifPresent(known::add);
            if (t == null || t.arrivedAt() == null) {
                problems.add(new FieldProblem(at + "arrivedAt", "is required"));
            }
            if (t == null || t.departedAt() == null) {
                problems.add(new FieldProblem(at + "departedAt", "is required"));
            } else if (t.arrivedAt() != null && !t.departedAt().isAfter(t.arrivedAt())) {
                problems.add(new FieldProblem(at + "departedAt", "must be after arrivedAt " + t.arrivedAt()));
            } else if (t.arrivedAt() != null && Duration.between(t.arrivedAt(), t.departedAt()).toHours() >= 24) {
                problems.add(new FieldProblem(at + "departedAt", "must be within 24 hours of arrivedAt"));
            }
        }
        return known;
    }

    private List<KnownPart> parts(NewWorkOrder order, List<FieldProblem> problems) {
        List<KnownPart> known = new ArrayList<>();
        List<NewWorkOrder.Part> parts = order.parts() == null ? List.of() : order.parts();
        for (int i = 0; i < parts.size(); i++) {
            NewWorkOrder.Part p = parts.get(i);
            String at = "parts[" + i + "].";
            Optional<KnownPart> part = p == null || p.sku() == null ? Optional.empty()
                    : jdbc.sql("SELECT sku, name_fr, price FROM automation.plan WHERE sku = :sku AND billing_frequency = 'one-time'")
                            .param("sku", p.sku().strip())
                            .query((rs, n) -> new KnownPart(rs.getString(1), rs.getString(2), rs.getBigDecimal(3))).optional();
            if (part.isEmpty()) {
                problems.add(new FieldProblem(at + "sku", "no part or one-time item has SKU " + (p == null ? null : p.sku())));
            }
            if (p == null || p.quantity() == null || p.quantity().signum() <= 0) {
                problems.add(new FieldProblem(at + "quantity", "must be positive"));
            }
            part.ifPresent(known::add);
        }
        return known;
    }

    /** Facts of a recorded work order for the DMN {@code work-billable}. */
    public Map<String, Object> billableFacts(String workOrderNo, String cause, boolean customerOwned, int warrantyDays) {
        Map<String, Object> facts = new java.util.HashMap<>(jdbc.sql("""
                SELECT c.is_commercial AS "commercialContract",
                       coalesce((SELECT min(s.start_date) FROM automation.subscription s JOIN automation.plan p ON p.id = s.plan_id
                                 WHERE s.location_id = o.location_id AND p.download_mbps IS NOT NULL) >= o.work_date - :warranty, false) AS "inWarranty"
                FROM automation.work_order o JOIN automation.customer c ON c.id = o.customer_id WHERE o.work_order_no = :no
                """).param("no", workOrderNo).param("warranty", warrantyDays).query().singleRow());
        facts.put("cause", cause == null ? "other" : cause);
        facts.put("customerOwnedEquipment", customerOwned);
        return facts;
    }
}
