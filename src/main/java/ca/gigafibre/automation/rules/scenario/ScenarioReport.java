package ca.gigafibre.automation.rules.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Every table run against one rule set: the running one, or candidate text that was not deployed. */
public record ScenarioReport(String rulesetVersion, boolean candidate, List<FileReport> files) {

    @JsonProperty
    public boolean allPassed() {
        return files.stream().allMatch(FileReport::isClean);
    }
}
