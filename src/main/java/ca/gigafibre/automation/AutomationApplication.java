package ca.gigafibre.automation;

import ca.gigafibre.automation.platform.secret.SecretKeysetCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Gigafibre rules-and-workflow automation engine: Camunda 7 processes, Drools decisions, adapters. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AutomationApplication {

    public static void main(String[] args) {
        if (SecretKeysetCommand.wanted(args)) {
            // keyset changes need no engine, and their output (a keyset) must not mix with its logs
            System.exit(SecretKeysetCommand.run(args, System.getenv(), System.out, System.err));
        }
        SpringApplication.run(AutomationApplication.class, args);
    }
}
