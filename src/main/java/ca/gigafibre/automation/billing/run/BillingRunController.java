package ca.gigafibre.automation.billing.run;

import ca.gigafibre.automation.billing.ShadowBilling;
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

    /** {@code mode}: {@code real} (the default) bills; {@code shadow} computes the period the same way and compares it with ERPNext. */
    public record NewBillingRun(@NotBlank @Pattern(regexp = "^\\d{4}-(0[1-9]|1[0-2])$", message = "must be a month such as 2026-12") String period,
                                @Pattern(regexp = "^(real|shadow)$", message = "must be real or shadow") String mode) {
    }

    private final BillingRunService runs;
    private final BillingRunLauncher launcher;
    private final ShadowBilling shadowRuns;

    public BillingRunController(BillingRunService runs, BillingRunLauncher launcher, ShadowBilling shadowRuns) {
        this.runs = runs;
        this.launcher = launcher;
        this.shadowRuns = shadowRuns;
    }

    @PostMapping("/api/billing/runs")
    @Operation(summary = "Bill a period (202, runs in the background; GET the run for progress). A period already billed answers 200 and creates nothing. "
            + "A period before automation.erpnext.cutover-period is a 422. With \"mode\": \"shadow\": computes the period as a real run would, bills "
            + "nothing, and compares it with ERPNext's invoices (202; GET /api/billing/runs/{id}/drift)")
    public ResponseEntity<?> start(@Valid @RequestBody NewBillingRun request) {
        YearMonth period = YearMonth.parse(request.period());
        if (period.isAfter(YearMonth.now().plusMonths(1))) {
            throw new InvalidRequestException("period", "cannot bill more than one month ahead");
        }
        if ("shadow".equals(request.mode())) {
            ShadowBilling.Run shadow = shadowRuns.start(period);
            return ResponseEntity.accepted().location(URI.create("/api/billing/runs/" + shadow.id())).body(shadow);
        }
        BillingRunView run = runs.open(period);
        if ("completed".equals(run.status())) {
            return ResponseEntity.ok(run);
        }
        launcher.launch(period);
        return ResponseEntity.accepted().location(URI.create("/api/billing/runs/" + run.id())).body(run);
    }

    @GetMapping("/api/billing/runs/{id}")
    @Operation(summary = "Progress of a billing run: accounts, invoices written, processes started, errors; of a shadow run: customers on each side and how many differ")
    public Object get(@PathVariable long id) {
        return shadowRuns.find(id).<Object>map(shadow -> shadow).orElseGet(() -> runs.get(id));
    }
}
