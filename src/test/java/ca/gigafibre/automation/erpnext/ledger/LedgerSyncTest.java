package ca.gigafibre.automation.erpnext.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.JsonBody.json;

import ca.gigafibre.automation.adapter.erpnext.ErpNextClient;
import ca.gigafibre.automation.erpnext.sync.DoctypeSync;
import ca.gigafibre.automation.erpnext.sync.DoctypeSync.PageResult;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.testing.EngineClockTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockserver.verify.VerificationTimes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger synced in from ERPNext (the fake): invoices ERPNext issued that are still outstanding become open receivables
 * the engine collects but never charges; Payment Entries entered there are recorded as payments with every follow-up; the
 * engine's own documents (with {@code custom_engine_id}) are skipped. Each doctype is read page by page from the fake
 * through {@link ErpNextClient} and each page applied in one transaction, as the sync run does.
 */
class LedgerSyncTest extends EngineClockTest {

    @Autowired
    ErpNextClient erp;

    @Autowired
    SalesInvoiceSync salesInvoices;

    @Autowired
    PaymentEntrySync paymentEntries;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void anErpInvoiceWith80Of100OutstandingIsAnOpenInvoiceOf80InTheBalanceNeverChargedAndSweptOnceOverdue() {
        String customer = customers.create("ErpOpening", false, false, false);
        withPpaCard(customer);
        fakes.erpNext().put("Sales Invoice", salesInvoice("ACC-SINV-2026-00101", customer, start.minusDays(20), start.plusDays(5),
                "100.00", "80.00"));

        PageResult synced = sync(salesInvoices);

        assertThat(synced.created()).isEqualTo(1);
        assertThat(synced.rejects()).isEmpty();
        Map<String, Object> invoice = receivable("ACC-SINV-2026-00101");
        String invoiceNo = (String) invoice.get("invoice_no");
        assertThat((BigDecimal) invoice.get("total")).isEqualByComparingTo("80.00");
        assertThat((BigDecimal) invoice.get("tps")).isEqualByComparingTo("3.48");      // 4.35 × 80 / 100
        assertThat((BigDecimal) invoice.get("tvq")).isEqualByComparingTo("6.94");      // 8.68 × 80 / 100
        assertThat((BigDecimal) invoice.get("subtotal")).isEqualByComparingTo("69.58");
        assertThat(invoice.get("status")).isEqualTo("open");
        assertThat(invoice.get("due_date").toString()).isEqualTo(start.plusDays(5).toString());
        assertThat(jdbc.sql("SELECT sum(amount) FROM automation.invoice_line l JOIN automation.invoice i ON i.id = l.invoice_id WHERE i.erp_name = :n")
                .param("n", "ACC-SINV-2026-00101").query(BigDecimal.class).single()).isEqualByComparingTo("69.58");
        JsonNode balance = as("ops").getForObject("/api/customers/" + customer + "/balance", JsonNode.class);
        assertThat(balance.path("balance").decimalValue()).isEqualByComparingTo("80.00");
        assertThat(balance.path("openInvoices").get(0).path("id").asText()).isEqualTo(invoiceNo);

        jobs.runDue(customer, invoiceNo);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(invoiceNo).count()).isZero();   // no billing-collections, no PPA
        assertThat(charges(invoiceNo)).isZero();
        assertThat(sync(salesInvoices).created()).isZero();   // read again: the same receivable
        assertThat(count("invoice WHERE erp_name = 'ACC-SINV-2026-00101'")).isEqualTo(1);

        sweep();
        assertThat(cases(customer)).isZero();   // not due yet

        clock.at(clock.nextCutDay(start.plusDays(6)));
        sweep();
        assertThat(cases(customer)).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("account-collections").processInstanceBusinessKey(customer).count())
                .isEqualTo(1);
        jobs.runDue(customer, invoiceNo);
        assertThat(charges(invoiceNo)).isZero();
    }

    @Test
    void aPaymentEnteredInErpNextPaysTheEngineInvoiceEndsTheCollectionsCaseAndReactivates() {
        String customer = customers.create("ErpPayer", false, false, false);
        String ont = customers.installOnt(customer, fakes);
        String invoiceNo = engineInvoice(customer, "100.00");   // 114.98 with taxes
        jobs.runDue(invoiceNo, customer);
        clock.at(clock.nextCutDay(start.plusDays(23)));
        jobs.runDue(invoiceNo, customer);
        assertThat(openCases(customer)).isEqualTo(1);   // the invoice fell overdue: its account's case took it over
        as("ops").postForEntity("/api/customers/" + customer + "/suspension", Map.of("reason", "non-payment"), JsonNode.class);
        jobs.runDue(customer);
        assertThat(customerStatus(customer)).isEqualTo("suspended");
        fakes.erpNext().put("Sales Invoice", postedByEngine("ACC-SINV-2026-00201", customer, invoiceNo, "114.98"));
        fakes.erpNext().put("Payment Entry", paymentEntry("ACC-PAY-2026-00201", customer, "114.98", "Chèque",
                List.of(reference("ACC-SINV-2026-00201", "114.98"))));

        sync(salesInvoices);
        PageResult payments = sync(paymentEntries);
        jobs.runDue(invoiceNo, customer);

        assertThat(payments.created()).isEqualTo(1);
        Map<String, Object> payment = jdbc.sql("SELECT amount, method, erp_name, idempotency_key FROM automation.payment p "
                + "JOIN automation.customer c ON c.id = p.customer_id WHERE c.customer_no = :no").param("no", customer).query().singleRow();
        assertThat((BigDecimal) payment.get("amount")).isEqualByComparingTo("114.98");
        assertThat(payment.get("method")).isEqualTo("cheque");   // "Chèque" is cheque's mode of payment
        assertThat(payment.get("erp_name")).isEqualTo("ACC-PAY-2026-00201");
        assertThat(payment.get("idempotency_key")).isEqualTo("erpnext:ACC-PAY-2026-00201");
        assertThat(jdbc.sql("SELECT status FROM automation.invoice WHERE invoice_no = :no").param("no", invoiceNo).query(String.class).single())
                .isEqualTo("paid");
        assertThat(caseOutcome(customer)).isEqualTo("cleared");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("account-collections").processInstanceBusinessKey(customer).count())
                .isZero();
        assertThat(customerStatus(customer)).isEqualTo("active");
        fakes.server().verify(request().withMethod("PATCH").withPath("/olt/v1/onts/" + ont).withBody(json("{\"state\":\"enabled\"}")),
                VerificationTimes.once());
    }

    @Test
    void aPaymentEntryCancelledInErpNextAfterItWasRecordedIsReversedOnceAndItsInvoiceIsOpenAgain() {
        String customer = customers.create("ErpCancelled", false, false, false);
        String invoiceNo = engineInvoice(customer, "100.00");   // 114.98 with taxes
        fakes.erpNext().put("Sales Invoice", postedByEngine("ACC-SINV-2026-00601", customer, invoiceNo, "114.98"));
        fakes.erpNext().put("Payment Entry", paymentEntry("ACC-PAY-2026-00601", customer, "114.98", "Chèque",
                List.of(reference("ACC-SINV-2026-00601", "114.98"))));
        // cancelled before the engine ever saw it: nothing to reverse
        fakes.erpNext().put("Payment Entry", Map.of("name", "ACC-PAY-2026-00602", "docstatus", 2, "payment_type", "Receive",
                "party_type", "Customer", "party", customer, "paid_amount", new BigDecimal("5.00"), "mode_of_payment", "Chèque",
                "posting_date", start.toString()));
        assertThat(sync(paymentEntries).created()).isEqualTo(1);
        assertThat(invoiceStatus(invoiceNo)).isEqualTo("paid");

        fakes.erpNext().change("Payment Entry", "ACC-PAY-2026-00601", Map.of("docstatus", 2));
        PageResult cancelled = sync(paymentEntries);
        PageResult again = sync(paymentEntries);

        assertThat(cancelled.updated()).isEqualTo(1);
        assertThat(cancelled.unchanged()).isEqualTo(1);   // the one never recorded
        assertThat(again.updated()).isZero();
        assertThat(invoiceStatus(invoiceNo)).isEqualTo("open");
        assertThat(jdbc.sql("SELECT reversed_amount FROM automation.payment WHERE erp_name = 'ACC-PAY-2026-00601'")
                .query(BigDecimal.class).single()).isEqualByComparingTo("114.98");
        Map<String, Object> reversal = jdbc.sql("SELECT kind, amount FROM automation.payment_reversal WHERE event_id = :id")
                .param("id", "erpnext-cancelled:ACC-PAY-2026-00601").query().singleRow();
        assertThat(reversal.get("kind")).isEqualTo("cancelled");
        assertThat((BigDecimal) reversal.get("amount")).isEqualByComparingTo("114.98");
        assertThat(count("payment_reversal WHERE event_id LIKE 'erpnext-cancelled:%'")).isEqualTo(1);
        assertThat(count("payment WHERE erp_name = 'ACC-PAY-2026-00602'")).isZero();
        assertThat(as("ops").getForObject("/api/customers/" + customer + "/balance", JsonNode.class).path("balance").decimalValue())
                .isEqualByComparingTo("114.98");
    }

    @Test
    void theSamePaymentEntryReadTwiceIsRecordedOnceAndPaysTheInvoiceItNames() {
        String customer = customers.create("ErpTwice", false, false, false);
        customers.overdueInvoice(customer, new BigDecimal("50.00"), 40);   // the oldest: a payment not directed would go here first
        fakes.erpNext().put("Sales Invoice", salesInvoice("ACC-SINV-2026-00301", customer, start.minusDays(30), start.minusDays(10),
                "100.00", "100.00"));
        sync(salesInvoices);
        fakes.erpNext().put("Payment Entry", paymentEntry("ACC-PAY-2026-00301", customer, "60.00", "Virement",
                List.of(reference("ACC-SINV-2026-00301", "60.00"))));

        PageResult first = sync(paymentEntries);
        PageResult second = sync(paymentEntries);

        assertThat(first.created()).isEqualTo(1);
        assertThat(second.created()).isZero();
        assertThat(second.unchanged()).isEqualTo(1);
        assertThat(count("payment WHERE erp_name = 'ACC-PAY-2026-00301'")).isEqualTo(1);
        assertThat((BigDecimal) receivable("ACC-SINV-2026-00301").get("amount_paid")).isEqualByComparingTo("60.00");
        assertThat(as("ops").getForObject("/api/customers/" + customer + "/balance", JsonNode.class).path("balance").decimalValue())
                .isEqualByComparingTo("90.00");   // 50 + 100 − 60
    }

    @Test
    void theEnginesOwnInvoicesAndPaymentsAreSkipped() {
        String customer = customers.create("ErpOwn", false, false, false);
        String invoiceNo = engineInvoice(customer, "40.00");
        fakes.erpNext().put("Sales Invoice", postedByEngine("ACC-SINV-2026-00401", customer, invoiceNo, "45.99"));
        fakes.erpNext().put("Payment Entry", Map.of("name", "ACC-PAY-2026-00401", "docstatus", 1, "payment_type", "Receive",
                "party_type", "Customer", "party", customer, "paid_amount", 10.00, "mode_of_payment", "Virement",
                "posting_date", start.toString(), "custom_engine_id", "PAY-0000001",
                "references", List.of(reference("ACC-SINV-2026-00401", "10.00"))));

        PageResult invoices = sync(salesInvoices);
        PageResult payments = sync(paymentEntries);

        assertThat(invoices.created()).isZero();
        assertThat(invoices.unchanged()).isEqualTo(1);
        assertThat(payments.created()).isZero();
        assertThat(payments.unchanged()).isEqualTo(1);
        assertThat(count("invoice WHERE erp_name IS NOT NULL AND customer_id = (SELECT id FROM automation.customer WHERE customer_no = '"
                + customer + "')")).isZero();
        assertThat(count("payment WHERE customer_id = (SELECT id FROM automation.customer WHERE customer_no = '" + customer + "')")).isZero();
    }

    @Test
    void anOutstandingLoweredInErpNextIsFollowedButWhatAnUnrecordedPaymentExplainsIsLeftToThatPayment() {
        String customer = customers.create("ErpFollow", false, false, false);
        fakes.erpNext().put("Sales Invoice", salesInvoice("ACC-SINV-2026-00501", customer, start.minusDays(30), start.plusDays(10),
                "100.00", "100.00"));
        sync(salesInvoices);

        // a payment of 20 entered in ERPNext lowers the outstanding before the engine has read the payment
        fakes.erpNext().put("Payment Entry", paymentEntry("ACC-PAY-2026-00501", customer, "20.00", "Virement",
                List.of(reference("ACC-SINV-2026-00501", "20.00"))));
        fakes.erpNext().change("Sales Invoice", "ACC-SINV-2026-00501", Map.of("outstanding_amount", 80.00));
        assertThat(sync(salesInvoices).updated()).isZero();
        assertThat(open("ACC-SINV-2026-00501")).isEqualByComparingTo("100.00");
        sync(paymentEntries);
        assertThat(open("ACC-SINV-2026-00501")).isEqualByComparingTo("80.00");

        // then a credit of 50 there the engine knows nothing of: the engine's open amount follows
        fakes.erpNext().change("Sales Invoice", "ACC-SINV-2026-00501", Map.of("outstanding_amount", 30.00));
        assertThat(sync(salesInvoices).updated()).isEqualTo(1);
        Map<String, Object> invoice = receivable("ACC-SINV-2026-00501");
        assertThat(open("ACC-SINV-2026-00501")).isEqualByComparingTo("30.00");
        assertThat((BigDecimal) invoice.get("total")).isEqualByComparingTo("50.00");
        assertThat(invoice.get("status")).isEqualTo("open");
        assertThat(sync(salesInvoices).updated()).isZero();   // nothing more to follow

        fakes.erpNext().change("Sales Invoice", "ACC-SINV-2026-00501", Map.of("outstanding_amount", 0));
        sync(salesInvoices);
        assertThat(receivable("ACC-SINV-2026-00501").get("status")).isEqualTo("paid");
        assertThat(as("ops").getForObject("/api/customers/" + customer + "/balance", JsonNode.class).path("balance").decimalValue())
                .isEqualByComparingTo("0.00");
        assertThat(count("payment WHERE customer_id = (SELECT id FROM automation.customer WHERE customer_no = '" + customer + "')"))
                .isEqualTo(1);
    }

    /** What the sync run does for one doctype: every document matching its filters, page by page, each page in a transaction. */
    private PageResult sync(DoctypeSync doctype) {
        List<PageResult> pages = new ArrayList<>();
        erp.forEachPage(doctype.doctype(), doctype.fields(), doctype.filters(), page -> pages.add(transaction.execute(tx -> doctype.apply(page))));
        return new PageResult(pages.stream().mapToInt(PageResult::created).sum(), pages.stream().mapToInt(PageResult::updated).sum(),
                pages.stream().mapToInt(PageResult::unchanged).sum(), pages.stream().flatMap(p -> p.rejects().stream()).toList());
    }

    /** 86.97 + TPS 4.35 + TVQ 8.68 = 100.00 when {@code grandTotal} is 100.00. */
    private static Map<String, Object> salesInvoice(String name, String customer, LocalDate posted, LocalDate due, String grandTotal,
                                                    String outstanding) {
        return Map.ofEntries(Map.entry("name", name), Map.entry("customer", customer), Map.entry("posting_date", posted.toString()),
                Map.entry("due_date", due.toString()), Map.entry("from_date", posted.toString()),
                Map.entry("to_date", posted.plusMonths(1).minusDays(1).toString()), Map.entry("docstatus", 1), Map.entry("is_return", 0),
                Map.entry("net_total", 86.97), Map.entry("total_taxes_and_charges", 13.03), Map.entry("grand_total", new BigDecimal(grandTotal)),
                Map.entry("outstanding_amount", new BigDecimal(outstanding)), Map.entry("status", "Overdue"),
                Map.entry("items", List.of(Map.of("item_code", "FIBRE-500", "qty", 1, "rate", 86.97, "amount", 86.97,
                        "custom_billing_frequency", "Monthly", "description", "Fibre 500"))),
                Map.entry("taxes", List.of(
                        Map.of("charge_type", "On Net Total", "account_head", "2310 - TPS à payer - TARGO", "rate", 5, "tax_amount", 4.35),
                        Map.of("charge_type", "On Net Total", "account_head", "2320 - TVQ à payer - TARGO", "rate", 9.975, "tax_amount", 8.68))));
    }

    /** ERPNext's copy of an invoice the engine posted. */
    private Map<String, Object> postedByEngine(String name, String customer, String invoiceNo, String total) {
        return Map.ofEntries(Map.entry("name", name), Map.entry("customer", customer), Map.entry("posting_date", start.toString()),
                Map.entry("due_date", start.plusDays(21).toString()), Map.entry("docstatus", 1), Map.entry("is_return", 0),
                Map.entry("grand_total", new BigDecimal(total)), Map.entry("outstanding_amount", new BigDecimal(total)),
                Map.entry("custom_engine_id", invoiceNo), Map.entry("items", List.of(Map.of("item_code", "FIBRE-500", "qty", 1,
                        "rate", new BigDecimal(total), "amount", new BigDecimal(total)))));
    }

    private Map<String, Object> paymentEntry(String name, String customer, String amount, String mode, List<Map<String, Object>> references) {
        return Map.of("name", name, "docstatus", 1, "payment_type", "Receive", "party_type", "Customer", "party", customer,
                "paid_amount", new BigDecimal(amount), "mode_of_payment", mode, "reference_no", "REF-" + name,
                "posting_date", BusinessTime.today().toString(), "references", references);
    }

    private static Map<String, Object> reference(String invoice, String amount) {
        return Map.of("reference_doctype", "Sales Invoice", "reference_name", invoice, "allocated_amount", new BigDecimal(amount));
    }

    private String engineInvoice(String customer, String price) {
        return as("ops").postForObject("/api/invoices", Map.of("customerId", customer, "issueDate", start.toString(),
                "dueDate", start.plusDays(21).toString(), "lines", List.of(Map.of("description", "Fibre", "quantity", 1, "unitPrice", price))),
                JsonNode.class).path("id").asText();
    }

    private void withPpaCard(String customer) {
        jdbc.sql("INSERT INTO automation.account_ppa_settings (customer_id, ppa_cc) SELECT id, true FROM automation.customer WHERE customer_no = :no")
                .param("no", customer).update();
        as("ops").postForEntity("/api/customers/" + customer + "/payment-methods", Map.of("kind", "paysafe-card", "paysafeProfileId",
                "prof_erp", "token", "tok_paysafe_erp", "cardBrand", "visa", "cardLast4", "1111", "cardExpMonth", 12, "cardExpYear", 2030),
                JsonNode.class);
    }

    private Map<String, Object> receivable(String erpName) {
        return jdbc.sql("SELECT * FROM automation.invoice WHERE erp_name = :n").param("n", erpName).query().singleRow();
    }

    private BigDecimal open(String erpName) {
        return jdbc.sql("SELECT total - amount_paid FROM automation.invoice WHERE erp_name = :n").param("n", erpName).query(BigDecimal.class).single();
    }

    private long charges(String invoiceNo) {
        return jdbc.sql("SELECT count(*) FROM automation.charge_attempt a JOIN automation.invoice i ON i.id = a.invoice_id WHERE i.invoice_no = :no")
                .param("no", invoiceNo).query(Long.class).single();
    }

    private void sweep() {
        as("ops").postForObject("/api/collections/sweeps", null, JsonNode.class);
    }

    private long cases(String customer) {
        return jdbc.sql("SELECT count(*) FROM automation.collections_case k JOIN automation.customer c ON c.id = k.customer_id WHERE c.customer_no = :no")
                .param("no", customer).query(Long.class).single();
    }

    private long openCases(String customer) {
        return jdbc.sql("SELECT count(*) FROM automation.collections_case k JOIN automation.customer c ON c.id = k.customer_id "
                + "WHERE c.customer_no = :no AND k.closed_at IS NULL").param("no", customer).query(Long.class).single();
    }

    private String caseOutcome(String customer) {
        return jdbc.sql("SELECT outcome FROM automation.collections_case k JOIN automation.customer c ON c.id = k.customer_id WHERE c.customer_no = :no")
                .param("no", customer).query(String.class).single();
    }

    private String invoiceStatus(String invoiceNo) {
        return jdbc.sql("SELECT status FROM automation.invoice WHERE invoice_no = :no").param("no", invoiceNo).query(String.class).single();
    }

    private String customerStatus(String customer) {
        return jdbc.sql("SELECT status FROM automation.customer WHERE customer_no = :no").param("no", customer).query(String.class).single();
    }
}
