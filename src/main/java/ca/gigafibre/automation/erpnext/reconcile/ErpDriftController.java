package ca.gigafibre.automation.erpnext.reconcile;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The last nightly ERPNext reconciliation's differences (ops and admins), JSON or CSV. */
@RestController
public class ErpDriftController {

    private final ErpReconciliation reconciliation;

    public ErpDriftController(ErpReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @GetMapping(value = "/api/reports/erp-drift", produces = {"application/json", "text/csv"})
    @Operation(summary = "What the last nightly ERPNext reconciliation found: engine invoices and payments missing in ERPNext or the other way round, grand totals and outstanding amounts that differ")
    public List<ErpDrift> erpDrift() {
        return reconciliation.latest();
    }
}
