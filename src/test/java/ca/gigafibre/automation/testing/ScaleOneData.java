package ca.gigafibre.automation.testing;

import ca.gigafibre.automation.demo.DemoDataGenerator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Synthetic data at scale 1.0 with the default seed, generated only when the database does not already hold it. */
@Component
public class ScaleOneData {

    private final DemoDataGenerator generator;
    private final JdbcClient jdbc;

    public ScaleOneData(DemoDataGenerator generator, JdbcClient jdbc) {
        this.generator = generator;
        this.jdbc = jdbc;
    }

    public void ensure() {
        boolean present = jdbc.sql("""
                SELECT (SELECT count(*) FROM automation.customer) = 15303
                   AND (SELECT count(*) FROM automation.e911_address) = 1014
                   AND (SELECT count(*) FROM automation.voip_line) = 790
                """).query(Boolean.class).single();
        if (!present) {
            generator.generate(1.0, 20261123, true);
        }
    }
}
