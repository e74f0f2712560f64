package ca.gigafibre.automation.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.AutomationApplication;
import ca.gigafibre.automation.adapter.AdapterEndpoints;
import ca.gigafibre.automation.customer.CustomerService;
import ca.gigafibre.automation.customer.NewCustomer;
import ca.gigafibre.automation.customer.NewLocation;
import ca.gigafibre.automation.rules.RuleSetSync;
import ca.gigafibre.automation.testing.AnalystFolders;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * README's second demo node: {@code --automation.join=true} joins the first node's PostgreSQL and fake systems instead
 * of starting its own; both engines then work on one database (what one writes the other reads; both report their rules).
 */
class JoinNodeStartupTest {

    @Test
    void aSecondNodeJoinsTheFirstOnesDatabaseAndFakes() throws IOException {
        int pg = freePort();
        int fakes = freePort();
        int smtp = freePort();
        String folders = AnalystFolders.freshCopy().toString();
        try (ConfigurableApplicationContext first = start(folders, pg, fakes, smtp, "node-a", false);
             ConfigurableApplicationContext second = start(folders, pg, fakes, smtp, "node-b", true)) {
            String customer = first.getBean(CustomerService.class).create(new NewCustomer("Deux", "Noeuds", null, "deux@example.com",
                    "450-555-0199", null, "fr", false, false, false, null,
                    new NewLocation("1", null, "Rue du Cluster", "Granby", "QC", "J2G 1A1", null, null, null, null), null)).id();

            assertThat(second.getBean(JdbcClient.class).sql("SELECT count(*) FROM automation.customer WHERE customer_no = :no")
                    .param("no", customer).query(Long.class).single()).isEqualTo(1);
            assertThat(second.getBean(AdapterEndpoints.class).baseUrl("olt")).isEqualTo("http://localhost:" + fakes + "/olt");
            assertThat(second.getBean(RuleSetSync.class).nodes()).extracting(RuleSetSync.NodeVersion::nodeId).contains("node-a", "node-b");
            assertThat(second.containsBean("embeddedPostgres")).isFalse();
            assertThat(second.containsBean("fakeExternalSystems")).isFalse();
        }
    }

    private static ConfigurableApplicationContext start(String folders, int pg, int fakes, int smtp, String node, boolean join) {
        return new SpringApplicationBuilder(AutomationApplication.class).profiles("demo", "test").run(
                "--automation.resources-dir=" + folders, "--server.port=0", "--automation.embedded-postgres.port=" + pg,
                "--automation.fakes.port=" + fakes, "--automation.fakes.smtp-port=" + smtp, "--automation.node-id=" + node,
                "--camunda.bpm.process-engine-name=" + node, "--automation.join=" + join);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
