package ca.gigafibre.automation.support;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The field technicians who can be sent to a location (skills as tags with levels 1–5). */
@Repository
public class Technicians {

    private final JdbcClient jdbc;

    public Technicians(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Technician(long id, String technicianNo, String name, String email, String phone) {

        /** "TECH-001 — Gen Lussier", as people pick a technician in a form. */
        public String label() {
            return technicianNo + " — " + name;
        }
    }

    public Optional<Technician> activeByNo(String technicianNo) {
        return jdbc.sql("SELECT id, technician_no, name, email, phone FROM automation.technician WHERE technician_no = :no AND active")
                .param("no", technicianNo == null ? "" : technicianNo.strip().toUpperCase())
                .query((rs, n) -> new Technician(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .optional();
    }

    public List<Technician> active() {
        return jdbc.sql("SELECT id, technician_no, name, email, phone FROM automation.technician WHERE active ORDER BY technician_no")
                .query((rs, n) -> new Technician(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }
}
