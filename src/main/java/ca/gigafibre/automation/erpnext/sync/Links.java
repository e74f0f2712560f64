package ca.gigafibre.automation.erpnext.sync;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A document's links (customer, service location, item) as the engine's row ids; an unknown link is {@link Unmappable}. */
@Component
class Links {

    private final JdbcClient jdbc;

    Links(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long customer(String field, String name) {
        return id("SELECT id FROM automation.customer WHERE customer_no = ?", field, name, "unknown customer ");
    }

    Long location(String field, String name) {
        return name == null ? null : id("SELECT id FROM automation.service_location WHERE location_no = ?", field, name,
                "unknown service location ");
    }

    long plan(String field, String itemCode) {
        return id("SELECT id FROM automation.plan WHERE sku = ?", field, itemCode, "unknown item ");
    }

    private long id(String sql, String field, String name, String reason) {
        if (name == null) {
            throw new Unmappable(field, "missing");
        }
        return jdbc.sql(sql).param(name).query(Long.class).optional().orElseThrow(() -> new Unmappable(field, reason + name));
    }
}
