package ca.gigafibre.automation.billing;

import ca.gigafibre.automation.platform.error.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.YearMonth;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class BillingRunController {

    public record NewBillingRun(@NotBlank @Pattern(regexp = "^\\d{4}-(0[1-9]|1[0-2])$", message = "must be a month such as 2026-12") String period) {
    }

    private final BillingRunService runs;
    private final BillingRunLauncher launcher;

    public BillingRunController(BillingRunService runs, BillingRunLauncher launcher) {
        this.runs = runs;
        this.launcher = launcher;
    }

    @PostMapping("/api/billing/runs")
    @Operation(summary = "Bill a period (202, runs in the background; GET the run for progress). A period already billed answers 200 and creates nothing")
    public ResponseEntity<BillingRunView> start(@Valid @RequestBody NewBillingRun request) {
        YearMonth period = YearMonth.parse(request.period());
        if (period.isAfter(YearMonth.now().plusMonths(1))) {
            throw new InvalidRequestException("period", "cannot bill more than one month ahead");
        }
        BillingRunView run = runs.open(period);
        if ("completed".equals(run.status())) {
            return ResponseEntity.ok(run);
        }
        launcher.launch(period);
        return ResponseEntity.accepted().location(URI.create("/api/billing/runs/" + run.id())).body(run);
    }

    @GetMapping("/api/billing/runs/{id}")
    @Operation(summary = "Progress of a billing run: accounts, invoices written, processes started, errors")
    public BillingRunView get(@PathVariable long id) {
        return runs.get(id);
    }
}
