package ca.gigafibre.automation.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class LegacyMariaDbSmokeTest {

    @Test
    void startsARealMariaDb() throws Exception {
        LegacyMariaDb.Server server = LegacyMariaDb.start();
        server.freshDatabase("smoke");
        try (Connection c = server.owner("smoke"); ResultSet rs = c.createStatement().executeQuery("SELECT VERSION()")) {
            rs.next();
            assertThat(rs.getString(1)).contains("MariaDB");
        }
    }
}
