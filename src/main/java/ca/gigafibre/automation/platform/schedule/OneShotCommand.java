package ca.gigafibre.automation.platform.schedule;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code --rotate-secrets} and {@code --import-legacy} start the whole application to do one thing and exit: no
 * background work may run beside them — no Camunda job (a charge, an OLT call) and no Quartz schedule (a billing run,
 * a sweep) half-way through a key rotation or an import. Their run has the job executor and Quartz off, whatever the
 * configuration says ({@link BackgroundWorkOffCheck} checks it before the command starts).
 */
public class OneShotCommand implements EnvironmentPostProcessor, Ordered {

    static final List<String> COMMANDS = List.of("rotate-secrets", "import-legacy");

    /** The one-shot command this run was started for (its option on the command line), if any. */
    static Optional<String> of(Environment environment) {
        return COMMANDS.stream().filter(environment::containsProperty).findFirst();
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (of(environment).isPresent()) {
            environment.getPropertySources().addFirst(new MapPropertySource("one-shot-command", Map.of(
                    "camunda.bpm.job-execution.enabled", "false",
                    "spring.quartz.auto-startup", "false")));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;   // after every other source is known; addFirst puts it above them all
    }
}
