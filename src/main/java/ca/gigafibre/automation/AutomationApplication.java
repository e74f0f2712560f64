package ca.gigafibre.automation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Gigafibre rules-and-workflow automation engine: Camunda 7 processes, Drools decisions, adapters. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AutomationApplication {

    public static void main(String[] args) {
        SpringApplication.run(AutomationApplication.class, args);
    }
}
