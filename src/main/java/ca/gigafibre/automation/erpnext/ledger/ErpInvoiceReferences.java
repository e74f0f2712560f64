package ca.gigafibre.automation.erpnext.ledger;

import ca.gigafibre.automation.adapter.erpnext.ErpNextClient;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The engine's invoice an ERPNext Sales Invoice name stands for: an opening receivable (its {@code erp_name}), or one the
 * engine posted (ERPNext's copy carries the engine's invoice number in {@code custom_engine_id}). Only the account's own.
 */
@Component
class ErpInvoiceReferences {

    private final ErpNextClient erp;
    private final JdbcClient jdbc;

    ErpInvoiceReferences(ErpNextClient erp, JdbcClient jdbc) {
        this.erp = erp;
        this.jdbc = jdbc;
    }

    Optional<Long> invoiceOf(String erpInvoiceName, long customerId) {
        Optional<Long> receivable = jdbc.sql("SELECT id FROM automation.invoice WHERE erp_name = :name AND customer_id = :customer")
                .param("name", erpInvoiceName).param("customer", customerId).query(Long.class).optional();
        if (receivable.isPresent()) {
            return receivable;
        }
        return erp.get(SalesInvoiceSync.DOCTYPE, erpInvoiceName).map(doc -> ErpFields.text(doc, ErpNextClient.ENGINE_ID))
                .flatMap(engineId -> jdbc.sql("SELECT id FROM automation.invoice WHERE invoice_no = :no AND customer_id = :customer")
                        .param("no", engineId).param("customer", customerId).query(Long.class).optional());
    }
}
