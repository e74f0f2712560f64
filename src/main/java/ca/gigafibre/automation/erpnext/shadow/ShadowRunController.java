package ca.gigafibre.automation.erpnext.shadow;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The drift of a shadow billing run (started with {@code POST /api/billing/runs {"period", "mode": "shadow"}}). */
@RestController
public class ShadowRunController {

    private final ShadowRuns runs;

    public ShadowRunController(ShadowRuns runs) {
        this.runs = runs;
    }

    @GetMapping(value = "/api/billing/runs/{id}/drift", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Customers a shadow run bills differently from ERPNext (net or grand total off by a cent or more), with both sides' totals and lines; CSV with Accept: text/csv")
    public List<CustomerDrift> drift(@PathVariable long id) {
        return runs.drift(id);
    }

    @GetMapping(value = "/api/billing/runs/{id}/drift", produces = "text/csv")
    public List<CustomerDrift.Csv> driftCsv(@PathVariable long id) {
        return runs.drift(id).stream().map(CustomerDrift::csv).toList();
    }
}
