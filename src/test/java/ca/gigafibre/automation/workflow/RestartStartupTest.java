package ca.gigafibre.automation.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.AutomationApplication;
import ca.gigafibre.automation.testing.AnalystFolders;
import java.nio.file.Path;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo run twice on the same data directory: the second start deploys nothing and loads no data again. */
class RestartStartupTest {

    @Test
    void secondStartKeepsDataAndDeploysNothingNew(@TempDir Path home) {
        String[] args = {"--automation.resources-dir=" + AnalystFolders.freshCopy(),
                "--automation.embedded-postgres.data-dir=" + home.resolve("pgdata"),
                "--automation.demo.load-on-start=true", "--automation.demo.scale=0.01", "--automation.fakes.enabled=false",
                "--server.port=0", "--camunda.bpm.process-engine-name=restart-test"};
        long deployments;
        long customers;
        try (ConfigurableApplicationContext first = start(args)) {
            deployments = first.getBean(RepositoryService.class).createDeploymentQuery().count();
            customers = count(first, "customer");
            assertThat(customers).isEqualTo(153);
            assertThat(count(first, "demo_data_load")).isEqualTo(1);
        }
        try (ConfigurableApplicationContext second = start(args)) {
            RepositoryService repository = second.getBean(RepositoryService.class);
            assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("suspension").count()).isEqualTo(1);
            assertThat(count(second, "customer")).isEqualTo(customers);
            assertThat(count(second, "demo_data_load")).isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(AutomationApplication.class).profiles("demo", "test")
                .run(args);
    }

    private static long count(ConfigurableApplicationContext context, String table) {
        return context.getBean(JdbcClient.class).sql("SELECT count(*) FROM automation." + table).query(Long.class).single();
    }
}
