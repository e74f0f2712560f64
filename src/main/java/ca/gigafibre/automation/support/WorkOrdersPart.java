package ca.gigafibre.automation.support;

import ca.gigafibre.automation.customer.Customer360Part;
import ca.gigafibre.automation.customer.Customer360Settings;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Customer 360's "workOrders": the latest work orders with each technician's arrival, departure and hours, and their total. */
@Component
class WorkOrdersPart implements Customer360Part {

    private final JdbcClient jdbc;
    private final int recent;

    WorkOrdersPart(JdbcClient jdbc, Customer360Settings customer360) {
        this.jdbc = jdbc;
        this.recent = customer360.recentItems();
    }

    record WorkOrderLine(String id, String ticketId, String locationId, LocalDate workDate, String outcome, boolean billable,
                         BigDecimal total, List<WorkOrderView.Technician> technicians, BigDecimal hours) {
    }

    private record Row(String id, String ticketId, String locationId, LocalDate workDate, String outcome, boolean billable,
                       BigDecimal total, WorkOrderView.Technician technician) {
    }

    @Override
    public String key() {
        return "workOrders";
    }

    @Override
    public Object describe(long customerId) {
        List<Row> rows = jdbc.sql("""
                WITH latest AS (SELECT * FROM automation.work_order WHERE customer_id = :id ORDER BY work_date DESC, id DESC LIMIT :limit)
                SELECT o.work_order_no, t.ticket_no, l.location_no, o.work_date, o.outcome, o.billable, o.total,
                       tech.technician_no, w.technician, w.arrived_at, w.departed_at
                FROM latest o
                LEFT JOIN automation.ticket t ON t.id = o.ticket_id
                LEFT JOIN automation.service_location l ON l.id = o.location_id
                LEFT JOIN automation.work_order_technician w ON w.work_order_id = o.id
                LEFT JOIN automation.technician tech ON tech.id = w.technician_id
                ORDER BY o.work_date DESC, o.id DESC, w.id
                """).param("id", customerId).param("limit", recent)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getString(5), rs.getBoolean(6), rs.getBigDecimal(7), rs.getString(9) == null ? null
                        : new WorkOrderView.Technician(rs.getString(8), rs.getString(9), BusinessTime.read(rs, "arrived_at"),
                        BusinessTime.read(rs, "departed_at"), WorkOrders.hours(rs.getObject(10, java.time.OffsetDateTime.class),
                        rs.getObject(11, java.time.OffsetDateTime.class)))))
                .list();
        Map<String, List<Row>> byOrder = new LinkedHashMap<>();
        rows.forEach(row -> byOrder.computeIfAbsent(row.id(), id -> new ArrayList<>()).add(row));
        return byOrder.values().stream().map(WorkOrdersPart::line).toList();
    }

    private static WorkOrderLine line(List<Row> rows) {
        Row first = rows.get(0);
        List<WorkOrderView.Technician> technicians = rows.stream().map(Row::technician).filter(java.util.Objects::nonNull).toList();
        BigDecimal hours = technicians.stream().map(WorkOrderView.Technician::hours).filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new WorkOrderLine(first.id(), first.ticketId(), first.locationId(), first.workDate(), first.outcome(), first.billable(),
                first.total(), technicians, hours);
    }
}
