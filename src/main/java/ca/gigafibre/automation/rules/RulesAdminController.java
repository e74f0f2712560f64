package ca.gigafibre.automation.rules;

import ca.gigafibre.automation.workflow.InvalidResourcesException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Analysts reload rules/ without a restart; a file that does not compile leaves the running rules in place. */
@RestController
@RequestMapping("/api/admin/rules")
public class RulesAdminController {

    private final RuleBase ruleBase;
    private final RuleSetSync sync;

    public RulesAdminController(RuleBase ruleBase, RuleSetSync sync) {
        this.ruleBase = ruleBase;
        this.sync = sync;
    }

    @org.springframework.web.bind.annotation.GetMapping
    @Operation(summary = "The rule set in force, the one this node runs, and which version each node of the cluster runs")
    public Map<String, Object> versions() {
        return Map.of("inForce", sync.versionInForce().orElse(""), "thisNode", sync.nodeId(), "thisNodeRuns", ruleBase.current().version(),
                "files", ruleBase.current().files(), "nodes", sync.nodes());
    }

    @PostMapping("/reload")
    @Operation(summary = "Rebuild the rules from rules/ and put them in force on every node; 422 with the compile errors, or 400 with what the DRL guard refuses, keeps the running rules")
    public ResponseEntity<?> reload() {
        String running = ruleBase.current().version();
        try {
            RuleSet fresh = ruleBase.reload();
            sync.publish(fresh);   // every other node picks it up within automation.rules.sync-interval
            return ResponseEntity.ok(Map.of("version", fresh.version(), "previousVersion", running, "files", fresh.files()));
        } catch (RefusedRulesException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "Les règles utilisent du code interdit aux règles ; la version " + running + " reste en vigueur. / "
                            + "The rules use code rules may not run; version " + running + " keeps running.");
            problem.setTitle("Règles refusées / Rules refused");
            problem.setProperty("runningVersion", running);
            problem.setProperty("errors", List.copyOf(e.problems()));
            return ResponseEntity.badRequest().body(problem);
        } catch (InvalidResourcesException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                    "The rules do not compile; version " + running + " keeps running.");
            problem.setTitle("Rules do not compile");
            problem.setProperty("runningVersion", running);
            problem.setProperty("errors", List.copyOf(e.problems()));
            return ResponseEntity.unprocessableEntity().body(problem);
        }
    }
}
