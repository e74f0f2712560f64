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

    public RulesAdminController(RuleBase ruleBase) {
        this.ruleBase = ruleBase;
    }

    @PostMapping("/reload")
    @Operation(summary = "Rebuild the rules from rules/; 422 with the compile errors keeps the running rules")
    public ResponseEntity<?> reload() {
        String running = ruleBase.current().version();
        try {
            RuleSet fresh = ruleBase.reload();
            return ResponseEntity.ok(Map.of("version", fresh.version(), "previousVersion", running, "files", fresh.files()));
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
