package ca.gigafibre.automation.voip;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reports in JSON, or CSV with {@code Accept: text/csv}. */
@RestController
@RequestMapping(value = "/api/reports", produces = {"application/json", "text/csv"})
public class ReportsController {

    private final E911Reports reports;

    public ReportsController(E911Reports reports) {
        this.reports = reports;
    }

    @GetMapping("/dids")
    @Operation(summary = "Every DID → customer → service location → 911 address → sync status")
    public List<DidReportRow> dids() {
        return reports.didReport();
    }

    @GetMapping("/e911-audit")
    @Operation(summary = "DIDs whose 911 address differs from the service address after normalisation, with the fields")
    public List<E911AuditRow> audit() {
        return reports.audit();
    }

    @GetMapping("/e911-orphans")
    @Operation(summary = "911 registrations with no active line, from our data and from the provider's listing")
    public List<E911OrphanRow> orphans() {
        return reports.orphans();
    }
}
