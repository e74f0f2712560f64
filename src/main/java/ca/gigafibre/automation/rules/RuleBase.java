package ca.gigafibre.automation.rules;

import ca.gigafibre.automation.workflow.AnalystResources;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Holds the running rule set. Built from {@code rules/**}{@code /*.drl} at start-up (a compile error stops
 * start-up); {@link #reload()} swaps it atomically only when the new files compile, so a bad edit never
 * replaces working rules.
 */
@Component
public class RuleBase {

    private static final Logger log = LoggerFactory.getLogger(RuleBase.class);

    private final AnalystResources resources;
    private final RuleSetCompiler compiler;
    private final AtomicReference<RuleSet> current = new AtomicReference<>();

    public RuleBase(AnalystResources resources, RuleSetCompiler compiler) {
        this.resources = resources;
        this.compiler = compiler;
        current.set(build());
    }

    public RuleSet current() {
        return current.get();
    }

    /** @throws ca.gigafibre.automation.workflow.InvalidResourcesException when the files do not compile */
    public RuleSet reload() {
        RuleSet fresh = build();
        RuleSet previous = current.getAndSet(fresh);
        log.info("Rules reloaded: version {} replaces {}", fresh.version(), previous.version());
        return fresh;
    }

    /** Runs a rule set compiled elsewhere (published by another node); the previous one keeps running until the swap. */
    public RuleSet use(RuleSet ruleSet) {
        RuleSet previous = current.getAndSet(ruleSet);
        log.info("Rules {} now run here (were {})", ruleSet.version(), previous.version());
        return ruleSet;
    }

    private RuleSet build() {
        RuleSet ruleSet = compiler.compile(resources.list("rules", ".drl"));
        log.info("Rules {} compiled from {}: {}", ruleSet.version(), resources.describeSource("rules"), ruleSet.files());
        return ruleSet;
    }
}
