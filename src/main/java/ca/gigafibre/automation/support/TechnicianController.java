package ca.gigafibre.automation.support;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.platform.error.FieldProblem;
import ca.gigafibre.automation.platform.error.InvalidRequestException;
import ca.gigafibre.automation.platform.error.NotFoundException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Technicians (skills 1–5, base, rate) and the hours they spent at a customer's. */
@RestController
public class TechnicianController {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final CustomerRepository customers;

    public TechnicianController(JdbcClient jdbc, ObjectMapper json, CustomerRepository customers) {
        this.jdbc = jdbc;
        this.json = json;
        this.customers = customers;
    }

    public record TechnicianView(String id, String name, String email, String phone, Map<String, Integer> skills, BigDecimal baseLatitude,
                                 BigDecimal baseLongitude, BigDecimal hourlyRate, boolean active) {
    }

    public record Hours(String technicianId, String customerId, int visits, BigDecimal hours) {
    }

    @GetMapping("/api/technicians")
    @Operation(summary = "Technicians with their skills (levels 1–5)")
    public List<TechnicianView> list() {
        return jdbc.sql("SELECT technician_no FROM automation.technician ORDER BY technician_no").query(String.class).list().stream()
                .map(this::get).toList();
    }

    @PostMapping("/api/technicians")
    @Operation(summary = "Add a technician")
    public ResponseEntity<TechnicianView> create(@Valid @RequestBody NewTechnician technician) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Integer> skills = technician.skills() == null ? Map.of() : technician.skills();
        skills.forEach((skill, level) -> {
            if (skill == null || !skill.matches("^[a-z][a-z0-9-]{1,30}$")) {
                problems.add(new FieldProblem("skills", "\"" + skill + "\" must be a lower-case tag such as fibre"));
            } else if (level == null || level < 1 || level > 5) {
                problems.add(new FieldProblem("skills." + skill, "must be a level from 1 to 5"));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        String no;
        try {
            no = jdbc.sql("""
                    INSERT INTO automation.technician (name, email, phone, skills, base_latitude, base_longitude, hourly_rate)
                    VALUES (:name, :email, :phone, CAST(:skills AS jsonb), :lat, :lon, :rate) RETURNING technician_no
                    """).param("name", technician.name().strip()).param("email", technician.email()).param("phone", technician.phone())
                    .param("skills", json.writeValueAsString(skills)).param("lat", technician.baseLatitude()).param("lon", technician.baseLongitude())
                    .param("rate", technician.hourlyRate() == null ? new BigDecimal("95.00") : technician.hourlyRate())
                    .query(String.class).single();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return ResponseEntity.created(URI.create("/api/technicians/" + no)).body(get(no));
    }

    @GetMapping("/api/technicians/{id}/hours")
    @Operation(summary = "How many hours a technician spent at a customer's (every work order, legacy ones by name)")
    public Hours hours(@PathVariable String id, @RequestParam String customer) {
        TechnicianView technician = get(id);
        long customerId = customers.idOf(CustomerNo.of(customer), "customer");
        return jdbc.sql("""
                SELECT count(DISTINCT o.id), coalesce(sum(extract(epoch FROM (w.departed_at - w.arrived_at)) / 3600), 0)
                FROM automation.work_order_technician w JOIN automation.work_order o ON o.id = w.work_order_id
                WHERE o.customer_id = :customer AND (w.technician_id = (SELECT id FROM automation.technician WHERE technician_no = :no)
                      OR (w.technician_id IS NULL AND w.technician = :name))
                """).param("customer", customerId).param("no", technician.id()).param("name", technician.name())
                .query((rs, n) -> new Hours(technician.id(), customer, rs.getInt(1),
                        rs.getBigDecimal(2).setScale(2, java.math.RoundingMode.HALF_UP)))
                .single();
    }

    private TechnicianView get(String no) {
        return jdbc.sql("""
                SELECT technician_no, name, email, phone, skills::text, base_latitude, base_longitude, hourly_rate, active
                FROM automation.technician WHERE technician_no = :no
                """).param("no", no)
                .query((rs, n) -> new TechnicianView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), skills(rs.getString(5)),
                        rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBoolean(9)))
                .optional().orElseThrow(() -> new NotFoundException("Technician", no, "id"));
    }

    private Map<String, Integer> skills(String text) {
        try {
            return json.readValue(text, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Integer>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Map.of();
        }
    }
}
