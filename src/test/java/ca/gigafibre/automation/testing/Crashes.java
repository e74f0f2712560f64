package ca.gigafibre.automation.testing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Makes an insert or update of a table fail once, as a crash at that point of a job would. */
@Component
public class Crashes {

    private final JdbcClient jdbc;

    public Crashes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param operation INSERT or UPDATE; the trigger is gone when {@code during} returns */
    public void onceOn(String operation, String table, Runnable during) {
        onceOn(operation, table, 1, during);
    }

    /** The {@code nth} row inserted or updated fails (the ones before go through), once. */
    public void onceOn(String operation, String table, int nth, Runnable during) {
        jdbc.sql("CREATE SEQUENCE IF NOT EXISTS automation.test_crash_seq").update();
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION automation.test_crash_once() RETURNS trigger AS $$
                BEGIN
                  IF nextval('automation.test_crash_seq') = %d THEN RAISE EXCEPTION 'simulated crash'; END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql
                """.formatted(nth)).update();
        jdbc.sql("CREATE TRIGGER test_crash_once BEFORE " + operation + " ON automation." + table
                + " FOR EACH ROW EXECUTE FUNCTION automation.test_crash_once()").update();
        try {
            during.run();
        } finally {
            jdbc.sql("DROP TRIGGER test_crash_once ON automation." + table).update();
            jdbc.sql("DROP SEQUENCE automation.test_crash_seq").update();
        }
    }
}
