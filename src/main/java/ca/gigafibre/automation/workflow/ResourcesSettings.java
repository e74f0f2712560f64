package ca.gigafibre.automation.workflow;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code automation.resources-dir}: the folder the analysts' {@code processes/}, {@code forms/} and {@code rules/} are read
 * from ({@link AnalystResources}, default {@code .}; the jar's copy when a folder is absent). The key sits directly under
 * {@code automation}, hence the prefix.
 */
@ConfigurationProperties("automation")
public record ResourcesSettings(@DefaultValue(".") String resourcesDir) {
}
