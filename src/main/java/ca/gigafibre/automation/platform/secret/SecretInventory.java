package ca.gigafibre.automation.platform.secret;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many stored secrets each key holds ("legacy" for version 1): a key may leave the keyset once it holds none.
 * Reads only the first bytes of each ciphertext — version and key id — never decrypts.
 */
@Component
public class SecretInventory {

    private final JdbcClient jdbc;

    public SecretInventory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Long> secretsByKey() {
        Map<String, Long> counts = new TreeMap<>();
        for (SecretColumn column : SecretColumn.values()) {
            String c = column.column();
            jdbc.sql("SELECT CASE WHEN substring(" + c + " from 1 for 1) = decode('02', 'hex') THEN substring(" + c + " from 1 for 6) "
                            + "ELSE substring(" + c + " from 1 for 1) END AS head, count(*) FROM automation." + column.table()
                            + " WHERE " + c + " IS NOT NULL GROUP BY 1")
                    .query((rs, n) -> Map.entry(SecretCipher.keyOf(rs.getBytes(1)), rs.getLong(2))).list()
                    .forEach(e -> counts.merge(e.getKey(), e.getValue(), Long::sum));
        }
        return counts;
    }
}
