package ca.gigafibre.automation.support;

import ca.gigafibre.automation.platform.error.NotFoundException;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Appointments of a technician at a location (installation or repair) and how they ended. */
@Repository
public class DispatchJobs {

    private final JdbcClient jdbc;

    public DispatchJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record NewJob(String kind, Long quoteId, Long ticketId, long customerId, long locationId, String skill,
                         Technicians.Technician technician, OffsetDateTime start, OffsetDateTime end) {
    }

    public record Job(long id, String jobNo, String kind, String technicianNo, OffsetDateTime start, OffsetDateTime end, String status,
                      long customerId) {
    }

    /** @return the job number, e.g. DJ-00042 */
    public String schedule(NewJob job) {
        return jdbc.sql("""
                INSERT INTO automation.dispatch_job (kind, quote_id, ticket_id, customer_id, location_id, skill, technician, technician_id,
                    scheduled_start, scheduled_end, status)
                VALUES (:kind, :quote, :ticket, :customer, :location, :skill, :techName, :tech, :start, :end, 'scheduled')
                RETURNING job_no
                """)
                .param("kind", job.kind()).param("quote", job.quoteId()).param("ticket", job.ticketId())
                .param("customer", job.customerId()).param("location", job.locationId()).param("skill", job.skill())
                .param("techName", job.technician().name()).param("tech", job.technician().id())
                .param("start", job.start()).param("end", job.end())
                .query(String.class).single();
    }

    /** The technician's report: done, or failed with a reason. A job that is already closed keeps its first outcome. */
    public void close(String jobNo, boolean done, String failureReason) {
        int closed = jdbc.sql("""
                UPDATE automation.dispatch_job SET status = :status, failure_reason = :reason, completed_at = now()
                WHERE job_no = :no AND status IN ('scheduled', 'en-route', 'on-site')
                """).param("status", done ? "done" : "failed").param("reason", done ? null : failureReason).param("no", jobNo).update();
        if (closed == 0 && get(jobNo) == null) {
            throw new NotFoundException("Dispatch job", jobNo, "dispatchJobId");
        }
    }

    public Job get(String jobNo) {
        return jdbc.sql("""
                SELECT j.id, j.job_no, j.kind, t.technician_no, j.scheduled_start, j.scheduled_end, j.status, j.customer_id
                FROM automation.dispatch_job j LEFT JOIN automation.technician t ON t.id = j.technician_id WHERE j.job_no = :no
                """).param("no", jobNo)
                .query((rs, n) -> new Job(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class), rs.getString(7), rs.getLong(8)))
                .optional().orElse(null);
    }
}
