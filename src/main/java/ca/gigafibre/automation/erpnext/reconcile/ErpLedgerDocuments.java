package ca.gigafibre.automation.erpnext.reconcile;

import ca.gigafibre.automation.adapter.erpnext.ErpNextClient;
import ca.gigafibre.automation.adapter.erpnext.ErpNextClient.Filter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * ERPNext's side of the reconciliation: the submitted documents the engine posted ({@code custom_engine_id} set), by
 * engine id — those posted in a date window, and those with given engine ids whatever their date.
 */
@Component
class ErpLedgerDocuments {

    static final String INVOICE = "Sales Invoice";
    static final String PAYMENT = "Payment Entry";
    private static final int IDS_PER_QUERY = 200;

    private final ErpNextClient erp;

    ErpLedgerDocuments(ErpNextClient erp) {
        this.erp = erp;
    }

    Map<String, LedgerDocument> postedBetween(String doctype, LocalDate since, LocalDate until) {
        Map<String, LedgerDocument> documents = new HashMap<>();
        erp.forEachPage(doctype, fields(doctype), List.of(Filter.eq("docstatus", 1), new Filter(ErpNextClient.ENGINE_ID, "is", "set"),
                new Filter("posting_date", ">=", since.toString()), new Filter("posting_date", "<=", until.toString())),
                page -> page.forEach(doc -> put(doctype, doc, documents)));
        return documents;
    }

    Map<String, LedgerDocument> withEngineIds(String doctype, Collection<String> engineIds) {
        Map<String, LedgerDocument> documents = new HashMap<>();
        List<String> ids = new ArrayList<>(engineIds);
        for (int i = 0; i < ids.size(); i += IDS_PER_QUERY) {
            erp.forEachPage(doctype, fields(doctype), List.of(Filter.eq("docstatus", 1),
                    new Filter(ErpNextClient.ENGINE_ID, "in", ids.subList(i, Math.min(ids.size(), i + IDS_PER_QUERY)))),
                    page -> page.forEach(doc -> put(doctype, doc, documents)));
        }
        return documents;
    }

    private static List<String> fields(String doctype) {
        return INVOICE.equals(doctype) ? List.of("name", ErpNextClient.ENGINE_ID, "grand_total", "outstanding_amount")
                : List.of("name", ErpNextClient.ENGINE_ID, "paid_amount");
    }

    private static void put(String doctype, ObjectNode doc, Map<String, LedgerDocument> documents) {
        String engineId = doc.path(ErpNextClient.ENGINE_ID).asText("");
        if (engineId.isBlank()) {
            return;
        }
        boolean invoice = INVOICE.equals(doctype);
        documents.put(engineId, new LedgerDocument(engineId, doc.path("name").asText(),
                decimal(doc.path(invoice ? "grand_total" : "paid_amount")), invoice ? decimal(doc.path("outstanding_amount")) : null));
    }

    private static BigDecimal decimal(JsonNode value) {
        return value.isNull() || value.isMissingNode() || value.asText().isBlank() ? BigDecimal.ZERO.setScale(2)
                : new BigDecimal(value.asText()).setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
