package ca.gigafibre.automation.erpnext.shadow;

import ca.gigafibre.automation.adapter.erpnext.ErpNextClient;
import ca.gigafibre.automation.adapter.erpnext.ErpNextClient.Filter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The Sales Invoices ERPNext issued for a period, per customer: submitted ({@code docstatus = 1}) invoices whose service
 * period ({@code from_date}) begins in it, or without one, posted in it; each return netted against its original (whatever
 * its own dates). Documents the engine posted ({@code custom_engine_id} set) are the engine's, not ERPNext's billing, and
 * are left out. Totals come from the list; lines are read per document only for the customers that drift.
 */
@Component
public class ErpPeriodInvoices {

    static final String DOCTYPE = "Sales Invoice";
    private static final List<String> FIELDS = List.of("name", "customer", "is_return", "return_against", "net_total", "grand_total",
            "from_date", "posting_date", ErpNextClient.ENGINE_ID);
    private static final int RETURNS_PER_QUERY = 200;

    /** ERPNext's side of a period: totals and invoice names per customer. */
    public record Period(Map<String, PeriodTotals> totals, Map<String, List<String>> documents) {
    }

    private final ErpNextClient erp;

    public ErpPeriodInvoices(ErpNextClient erp) {
        this.erp = erp;
    }

    public Period read(YearMonth period) {
        String first = period.atDay(1).toString();
        String last = period.atEndOfMonth().toString();
        Map<String, PeriodTotals> totals = new HashMap<>();
        Map<String, List<String>> documents = new LinkedHashMap<>();
        Map<String, String> originals = new LinkedHashMap<>();   // invoice name → customer
        erp.forEachPage(DOCTYPE, FIELDS, List.of(Filter.eq("docstatus", 1), Filter.eq("is_return", 0),
                new Filter("from_date", ">=", first), new Filter("from_date", "<=", last)), page -> page.stream()
                .filter(ErpPeriodInvoices::erpNextOwn).forEach(doc -> originals.put(doc.path("name").asText(), add(doc, totals, documents))));
        // without a service period: the posting date says which period it bills
        erp.forEachPage(DOCTYPE, FIELDS, List.of(Filter.eq("docstatus", 1), Filter.eq("is_return", 0),
                new Filter("posting_date", ">=", first), new Filter("posting_date", "<=", last)), page -> page.stream()
                .filter(ErpPeriodInvoices::erpNextOwn).filter(doc -> text(doc, "from_date").isEmpty())
                .forEach(doc -> originals.put(doc.path("name").asText(), add(doc, totals, documents))));
        List<String> names = new ArrayList<>(originals.keySet());
        for (int i = 0; i < names.size(); i += RETURNS_PER_QUERY) {
            List<String> chunk = names.subList(i, Math.min(names.size(), i + RETURNS_PER_QUERY));
            erp.forEachPage(DOCTYPE, FIELDS, List.of(Filter.eq("docstatus", 1), Filter.eq("is_return", 1),
                    new Filter("return_against", "in", chunk)), page -> page.stream().filter(ErpPeriodInvoices::erpNextOwn)
                    .forEach(doc -> add(doc, totals, documents)));
        }
        return new Period(totals, documents);
    }

    /** The lines of these invoices (read one by one: lists carry no child tables). */
    public List<DriftLine> lines(List<String> invoiceNames) {
        List<DriftLine> lines = new ArrayList<>();
        for (String name : invoiceNames) {
            erp.get(DOCTYPE, name).ifPresent(doc -> doc.path("items").forEach(item -> lines.add(new DriftLine(name,
                    item.path("item_code").asText(), firstOf(item, "description", "item_name"), decimal(item, "qty"),
                    money(item, "rate"), money(item, "amount"), date(doc, "from_date"), date(doc, "to_date")))));
        }
        return lines;
    }

    private static String add(ObjectNode doc, Map<String, PeriodTotals> totals, Map<String, List<String>> documents) {
        String customer = doc.path("customer").asText();
        totals.merge(customer, new PeriodTotals(decimal(doc, "net_total"), decimal(doc, "grand_total")), PeriodTotals::plus);
        documents.computeIfAbsent(customer, k -> new ArrayList<>()).add(doc.path("name").asText());
        return customer;
    }

    private static boolean erpNextOwn(ObjectNode doc) {
        return text(doc, ErpNextClient.ENGINE_ID).isEmpty();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? "" : value.asText().trim();
    }

    private static String firstOf(JsonNode node, String field, String otherwise) {
        String value = text(node, field);
        return value.isEmpty() ? text(node, otherwise) : value;
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        String value = text(node, field);
        return value.isEmpty() ? BigDecimal.ZERO : new BigDecimal(value);
    }

    private static BigDecimal money(JsonNode node, String field) {
        return decimal(node, field).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static LocalDate date(JsonNode node, String field) {
        String value = text(node, field);
        return value.isEmpty() ? null : LocalDate.parse(value.substring(0, 10));
    }
}
