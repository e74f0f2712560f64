package ca.gigafibre.automation.support;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.adapter.acs.GenieAcsClient;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.error.ConflictException;
import ca.gigafibre.automation.platform.error.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Questions staff ask about a customer's line and address: live connection, a CPE reboot, past visits. */
@RestController
public class ConnectionController {

    private final JdbcClient jdbc;
    private final CustomerRepository customers;
    private final ConnectionDiagnosis diagnosis;
    private final GenieAcsClient acs;
    private final AuditLog audit;

    public ConnectionController(JdbcClient jdbc, CustomerRepository customers, ConnectionDiagnosis diagnosis, GenieAcsClient acs, AuditLog audit) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.diagnosis = diagnosis;
        this.acs = acs;
        this.audit = audit;
    }

    public record Visit(String dispatchJobId, String kind, String status, OffsetDateTime scheduledStart, String technician, String workOrderId,
                        LocalDate workDate) {
    }

    public record Visits(String locationId, int count, List<Visit> visits) {
    }

    @GetMapping("/api/customers/{id}/connection")
    @Operation(summary = "Live status of a location's connection: ONT state and optical power (DMN optical-power), CPE online, "
            + "last inform, Wi-Fi clients, IP. locationId: one of the customer's locations; may be left out when there is only one")
    public ConnectionDiagnosis.Connection connection(@PathVariable CustomerNo id, @RequestParam(required = false) String locationId) {
        return diagnosis.of(customers.locationOf(id, locationId));
    }

    @PostMapping("/api/customers/{id}/cpe/reboot")
    @Operation(summary = "Reboot the CPE of one of the customer's locations through GenieACS (task with connection request); 202. "
            + "locationId may be left out when the customer has only one location")
    public ResponseEntity<Map<String, Object>> reboot(@PathVariable CustomerNo id, @RequestParam(required = false) String locationId) {
        ConnectionDiagnosis.Connection connection = diagnosis.of(customers.locationOf(id, locationId));
        if (!connection.cpeFound()) {
            throw new ConflictException("GenieACS does not know the CPE of " + id + " (ONT " + connection.ontSerial() + "): nothing to reboot");
        }
        acs.reboot(connection.cpeDeviceId());
        audit.record("cpe.rebooted", "customer", id.value(), null, Map.of("device", connection.cpeDeviceId(), "location", connection.locationId()));
        return ResponseEntity.accepted().body(Map.of("customerId", id.value(), "locationId", connection.locationId(),
                "cpeDeviceId", connection.cpeDeviceId(), "task", "reboot"));
    }

    @GetMapping("/api/locations/{id}/visits")
    @Operation(summary = "How many times a technician was sent to this address: dispatch jobs and work orders")
    public Visits visits(@PathVariable String id) {
        long locationId = jdbc.sql("SELECT id FROM automation.service_location WHERE location_no = :no").param("no", id).query(Long.class)
                .optional().orElseThrow(() -> new NotFoundException("Service location", id, "id"));
        List<Visit> visits = jdbc.sql("""
                SELECT j.job_no, j.kind, j.status, j.scheduled_start, coalesce(t.name, j.technician), o.work_order_no, o.work_date
                FROM automation.dispatch_job j LEFT JOIN automation.technician t ON t.id = j.technician_id
                LEFT JOIN automation.work_order o ON o.dispatch_job_id = j.id
                WHERE j.location_id = :id AND j.status <> 'cancelled'
                UNION ALL
                SELECT NULL, 'work-order', o.outcome, NULL, (SELECT string_agg(w.technician, ', ') FROM automation.work_order_technician w
                                                               WHERE w.work_order_id = o.id), o.work_order_no, o.work_date
                FROM automation.work_order o WHERE o.location_id = :id AND o.dispatch_job_id IS NULL
                ORDER BY 4 DESC NULLS LAST, 7 DESC NULLS LAST
                """).param("id", locationId)
                .query((rs, n) -> new Visit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class),
                        rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class)))
                .list();
        return new Visits(id, visits.size(), visits);
    }
}
