package ca.gigafibre.automation.support;

import ca.gigafibre.automation.platform.error.NotFoundException;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads tickets; the process and the service write them. */
@Repository
public class Tickets {

    private static final String SELECT = """
            SELECT t.ticket_no, c.customer_no, l.location_no, t.issue_type, t.channel, t.description, t.status, t.priority,
                   t.required_skill, t.opened_at, t.sla_due_at, t.diagnosis, t.resolution, t.closed_at
            FROM automation.ticket t LEFT JOIN automation.customer c ON c.id = t.customer_id
            LEFT JOIN automation.service_location l ON l.id = t.location_id
            """;

    private final JdbcClient jdbc;

    public Tickets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public TicketView get(String ticketNo) {
        return jdbc.sql(SELECT + " WHERE t.ticket_no = :no").param("no", ticketNo).query(Tickets::view).optional()
                .orElseThrow(() -> new NotFoundException("Ticket", ticketNo, "id"));
    }

    public List<TicketView> ofCustomer(long customerId) {
        return jdbc.sql(SELECT + " WHERE t.customer_id = :id ORDER BY t.opened_at DESC, t.id DESC LIMIT 100").param("id", customerId)
                .query(Tickets::view).list();
    }

    private static TicketView view(ResultSet rs, int n) throws SQLException {
        return new TicketView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), BusinessTime.read(rs, "opened_at"), BusinessTime.read(rs, "sla_due_at"),
                rs.getString(12), rs.getString(13), BusinessTime.read(rs, "closed_at"));
    }
}
