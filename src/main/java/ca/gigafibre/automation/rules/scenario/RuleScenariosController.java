package ca.gigafibre.automation.rules.scenario;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Analysts run their scenario tables on demand, against the running rules or candidate text that is not deployed. */
@RestController
@RequestMapping("/api/rules/scenarios")
public class RuleScenariosController {

    private final ScenarioRunner runner;

    public RuleScenariosController(ScenarioRunner runner) {
        this.runner = runner;
    }

    /** {@code {"rules": {"suspension.drl": "<candidate text>"}}} (optional) runs the tables against that text instead. */
    public record RunRequest(Map<String, String> rules) {
    }

    @PostMapping("/run")
    @Operation(summary = "Run every table of rules/scenarios against the running rules (or candidate DRL text, never deployed): "
            + "rows, passed, the failed rows with their line, expected and actual outcome and rules, the rules no row made fire")
    public ScenarioReport run(@RequestBody(required = false) RunRequest request) {
        return request == null || request.rules() == null || request.rules().isEmpty()
                ? runner.runCurrent() : runner.runCandidate(request.rules());
    }
}
