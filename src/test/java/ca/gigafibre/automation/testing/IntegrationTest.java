package ca.gigafibre.automation.testing;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole engine as it runs in the demo: real PostgreSQL (embedded binaries), Camunda, Drools, fakes of the
 * external systems. One Spring context is shared by every test class that extends this, to keep the suite fast.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
public abstract class IntegrationTest {

    @Autowired
    protected TestRestTemplate rest;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void analystFolders(DynamicPropertyRegistry registry) {
        registry.add("automation.resources-dir", () -> AnalystFolders.sharedCopy().toString());
    }

    protected TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, "demo");
    }

    /** A user of group ops made for one test, so a wrong-password test cannot lock out the shared demo users. */
    protected String throwawayOpsUser(org.camunda.bpm.engine.IdentityService identity) {
        String id = "tmp" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        org.camunda.bpm.engine.identity.User user = identity.newUser(id);
        user.setPassword("demo");
        identity.saveUser(user);
        identity.createMembership(id, "ops");
        return id;
    }

    protected long count(String table) {
        return jdbc.sql("SELECT count(*) FROM automation." + table).query(Long.class).single();
    }
}
