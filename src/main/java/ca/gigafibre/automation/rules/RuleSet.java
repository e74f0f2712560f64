package ca.gigafibre.automation.rules;

import java.util.List;
import org.kie.api.KieBase;

/** One compiled KieBase with the DRL files it came from (names and text) and its version (a hash of their contents). */
public record RuleSet(KieBase kieBase, String version, List<String> files, List<ca.gigafibre.automation.workflow.AnalystResource> sources) {
}
