package ca.gigafibre.automation.support.dispatch;

import ca.gigafibre.automation.platform.time.BusinessTime;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Visits booked through the API and the technicians' half-days they hold. The database guarantees one booking per
 * technician per half-day ({@code technician_booking}'s primary key); a claim that loses a race books nothing.
 */
@Repository
public class TechnicianBookings {

    private final JdbcClient jdbc;

    public TechnicianBookings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new visit with no technician yet; its number, e.g. DJ-00042, comes back with its row id. */
    public record NewVisit(long id, String jobNo) {
    }

    public NewVisit insert(long customerId, long locationId, String skill, LocalDate day, DispatchWindow window, String bookedBy) {
        return jdbc.sql("""
                INSERT INTO automation.dispatch_job (kind, customer_id, location_id, skill, scheduled_start, scheduled_end, status,
                    booking_window, booked_by)
                VALUES ('visit', :customer, :location, :skill, :start, :end, 'scheduled', :window, :by) RETURNING id, job_no
                """)
                .param("customer", customerId).param("location", locationId).param("skill", skill)
                .param("start", window.start(day)).param("end", window.end(day)).param("window", window.code()).param("by", bookedBy)
                .query((rs, n) -> new NewVisit(rs.getLong(1), rs.getString(2))).single();
    }

    /**
     * Whether the technician has no job in that window: neither a booking of the API nor a repair or installation
     * appointment booked by a process (those hold no half-day rows, so they are looked at by their times).
     */
    public boolean isFree(long technicianId, LocalDate day, DispatchWindow window) {
        return jdbc.sql("""
                SELECT NOT EXISTS (SELECT 1 FROM automation.technician_booking b
                                   WHERE b.technician_id = :tech AND b.day = :day AND b.half = ANY(CAST(:halves AS text[])))
                   AND NOT EXISTS (SELECT 1 FROM automation.dispatch_job j
                                   WHERE j.technician_id = :tech AND j.status NOT IN ('cancelled', 'failed')
                                     AND j.scheduled_start < :end AND j.scheduled_end > :start)
                """).param("tech", technicianId).param("day", day).param("halves", window.halves().toArray(String[]::new))
                .param("start", window.start(day)).param("end", window.end(day))
                .query(Boolean.class).single();
    }

    /**
     * Takes the window's half-days for the visit and gives the visit its technician — or, when another booking holds
     * one of them (even one committed a moment ago by another request), nothing.
     */
    public boolean claim(NewVisit visit, long technicianId, String technicianName, LocalDate day, DispatchWindow window) {
        int taken = jdbc.sql("""
                INSERT INTO automation.technician_booking (technician_id, day, half, dispatch_job_id)
                SELECT :tech, :day, h, :job FROM unnest(CAST(:halves AS text[])) h ON CONFLICT DO NOTHING
                """).param("tech", technicianId).param("day", day).param("halves", window.halves().toArray(String[]::new))
                .param("job", visit.id()).update();
        if (taken < window.halves().size()) {
            jdbc.sql("DELETE FROM automation.technician_booking WHERE dispatch_job_id = :job").param("job", visit.id()).update();
            return false;
        }
        jdbc.sql("UPDATE automation.dispatch_job SET technician_id = :tech, technician = :name WHERE id = :job")
                .param("tech", technicianId).param("name", technicianName).param("job", visit.id()).update();
        return true;
    }

    public Optional<DispatchJobView> view(String jobNo) {
        return jdbc.sql("""
                SELECT j.job_no, j.kind, j.status, c.customer_no, l.location_no, j.scheduled_start, j.scheduled_end, j.booking_window,
                       j.skill, t.technician_no, coalesce(t.name, j.technician) AS technician_name, j.booked_by,
                       d.outcome, d.explanation_fr, d.explanation_en
                FROM automation.dispatch_job j
                LEFT JOIN automation.customer c ON c.id = j.customer_id
                LEFT JOIN automation.service_location l ON l.id = j.location_id
                LEFT JOIN automation.technician t ON t.id = j.technician_id
                LEFT JOIN LATERAL (SELECT outcome, explanation_fr, explanation_en FROM automation.decision_log
                                   WHERE area = :area AND subject_ref = j.job_no ORDER BY id DESC LIMIT 1) d ON true
                WHERE j.job_no = :no
                """).param("no", jobNo.strip().toUpperCase()).param("area", DispatchDecisionRecord.AREA)
                .query((rs, n) -> {
                    var start = BusinessTime.read(rs, "scheduled_start");
                    String outcome = rs.getString("outcome");
                    return new DispatchJobView(rs.getString("job_no"), rs.getString("kind"), rs.getString("status"), rs.getString("customer_no"),
                            rs.getString("location_no"), start == null ? null : start.toLocalDate(), rs.getString("booking_window"), start,
                            BusinessTime.read(rs, "scheduled_end"), rs.getString("skill"), rs.getString("technician_no"),
                            rs.getString("technician_name"), outcome == null ? null : outcome.startsWith("NAMED") ? "named" : "ranked",
                            rs.getString("explanation_fr"), rs.getString("explanation_en"), rs.getString("booked_by"));
                })
                .optional();
    }
}
