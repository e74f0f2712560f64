package ca.gigafibre.automation.platform.db;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code --automation.join=true}: a second demo node that joins the first one — its PostgreSQL, its fake external
 * systems and its mail server — instead of starting its own, so two engines share one database as a cluster would
 * (Camunda's job executor and Quartz share the work; the rules follow the database). It loads no demo data.
 */
public class JoinDemoNode implements EnvironmentPostProcessor, Ordered {

    private static final List<String> SYSTEMS = List.of("olt", "pbx", "e911", "stripe", "paysafe", "genieacs", "erpnext", "twilio", "docuseal");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("automation.join", Boolean.class, false)) {
            return;
        }
        String pgPort = environment.getProperty("automation.embedded-postgres.port", "54329");
        String fakesPort = environment.getProperty("automation.fakes.port", "18089");
        Map<String, Object> joined = new HashMap<>();
        joined.put("automation.embedded-postgres.enabled", "false");
        joined.put("spring.datasource.url", "jdbc:postgresql://localhost:" + pgPort + "/postgres");
        joined.put("spring.datasource.username", "postgres");
        joined.put("spring.datasource.password", "");
        // as many connections as the first node (and production): each running job holds one during its external calls
        joined.put("spring.datasource.hikari.maximum-pool-size", environment.getProperty("spring.datasource.hikari.maximum-pool-size", "20"));
        joined.put("automation.fakes.enabled", "false");
        joined.put("automation.demo.load-on-start", "false");
        joined.put("spring.mail.host", "localhost");
        joined.put("spring.mail.port", environment.getProperty("automation.fakes.smtp-port", "3025"));
        SYSTEMS.forEach(system -> joined.putIfAbsent("automation.adapters." + system + ".base-url",
                environment.getProperty("automation.adapters." + system + ".base-url", "http://localhost:" + fakesPort + "/" + system)));
        environment.getPropertySources().addFirst(new MapPropertySource("automation-join", joined));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;   // after the profile's files, so the demo profile's own settings are known
    }
}
