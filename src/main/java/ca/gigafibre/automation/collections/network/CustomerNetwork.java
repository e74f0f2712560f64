package ca.gigafibre.automation.collections.network;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The network side of an account: its installed ONTs and its phone lines in service. */
@Repository
public class CustomerNetwork {

    private final JdbcClient jdbc;

    public CustomerNetwork(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> ontSerials(String customerNo) {
        return jdbc.sql("""
                SELECT e.serial FROM automation.equipment e JOIN automation.customer c ON c.id = e.customer_id
                WHERE c.customer_no = :no AND e.kind = 'ont' AND e.status = 'installed' ORDER BY e.serial
                """).param("no", customerNo).query(String.class).list();
    }

    public List<String> phoneLines(String customerNo) {
        return jdbc.sql("""
                SELECT l.did FROM automation.voip_line l JOIN automation.customer c ON c.id = l.customer_id
                WHERE c.customer_no = :no AND l.state IN ('active', 'emergency-only', 'suspended') ORDER BY l.did
                """).param("no", customerNo).query(String.class).list();
    }

    public void setLineState(String did, String state) {
        jdbc.sql("UPDATE automation.voip_line SET state = :state WHERE did = :did").param("state", state).param("did", did).update();
    }
}
