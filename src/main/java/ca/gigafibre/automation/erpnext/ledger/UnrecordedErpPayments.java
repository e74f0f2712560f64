package ca.gigafibre.automation.erpnext.ledger;

import ca.gigafibre.automation.adapter.erpnext.ErpNextClient;
import ca.gigafibre.automation.adapter.erpnext.ErpNextClient.Filter;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What Payment Entries entered in ERPNext, and not yet recorded by the engine, allocated to one invoice. ERPNext lowers an
 * invoice's outstanding as soon as such a payment is submitted, but the engine records the payment itself a moment later
 * (Payment Entries sync after Sales Invoices, or in the next run): this part of a drop is the payment's to record — with
 * its follow-ups — not an adjustment to make, or the same money would be taken off twice.
 */
@Component
class UnrecordedErpPayments {

    static final List<String> FIELDS = List.of("name", "custom_engine_id");

    private final ErpNextClient erp;
    private final JdbcClient jdbc;

    UnrecordedErpPayments(ErpNextClient erp, JdbcClient jdbc) {
        this.erp = erp;
        this.jdbc = jdbc;
    }

    BigDecimal allocatedTo(String invoiceName, String customer) {
        BigDecimal[] sum = {BigDecimal.ZERO};
        erp.forEachPage(PaymentEntrySync.DOCTYPE, FIELDS, List.of(Filter.eq("party", customer), Filter.eq("party_type", "Customer"),
                Filter.eq("payment_type", "Receive"), Filter.eq("docstatus", 1)), page -> {
                    for (JsonNode entry : page) {
                        String name = ErpFields.text(entry, "name");
                        if (ErpFields.postedByEngine(entry) || recorded(name)) {
                            continue;
                        }
                        erp.get(PaymentEntrySync.DOCTYPE, name).ifPresent(doc -> {
                            for (JsonNode reference : doc.path("references")) {
                                if (invoiceName.equals(ErpFields.text(reference, "reference_name"))) {
                                    sum[0] = sum[0].add(ErpFields.money(reference, "allocated_amount"));
                                }
                            }
                        });
                    }
                });
        return sum[0];
    }

    private boolean recorded(String erpName) {
        return jdbc.sql("SELECT count(*) FROM automation.payment WHERE erp_name = :name").param("name", erpName).query(Long.class).single() > 0;
    }
}
