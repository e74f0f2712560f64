package ca.gigafibre.automation.erpnext.ledger;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The engine's row of an ERPNext customer: synced customers keep ERPNext's name as their customer number. */
@Component
class ErpCustomers {

    private final JdbcClient jdbc;

    ErpCustomers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> idOf(String erpName) {
        if (erpName == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id FROM automation.customer WHERE customer_no = :no").param("no", erpName).query(Long.class).optional();
    }
}
