package ca.gigafibre.automation.rules.scenario;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One table run against one rule file: how many rows, which failed, which rules of the file no row made fire, and what
 * kept rows from being read. A table passes when all three lists are empty.
 */
@JsonPropertyOrder({"file", "ruleFile", "rows", "passed", "failed", "neverFired", "problems"})
public record FileReport(String file, String ruleFile, @JsonIgnore List<RowResult> results, List<String> neverFired,
                         List<String> problems) {

    @JsonProperty
    public int rows() {
        return results.size();
    }

    @JsonProperty
    public long passed() {
        return results.stream().filter(RowResult::passed).count();
    }

    @JsonProperty
    public List<RowResult> failed() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    @JsonIgnore
    public boolean isClean() {
        return neverFired.isEmpty() && problems.isEmpty() && results.stream().allMatch(RowResult::passed);
    }
}
