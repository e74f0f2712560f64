package ca.gigafibre.automation.billing;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.billing.invoice.InvoiceDraft;
import ca.gigafibre.automation.billing.invoice.InvoiceLine;
import ca.gigafibre.automation.billing.invoice.InvoiceWriter;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.TestCustomers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.support.TransactionTemplate;

/** What every invoice gets from the one writer: totals, due date, lines, the account's credit first, its process. */
class InvoiceWriterTest extends IntegrationTest {

    @Autowired
    InvoiceWriter writer;

    @Autowired
    TestCustomers customers;

    @Autowired
    HistoryService history;

    @Autowired
    TransactionTemplate transaction;

    @Value("${automation.billing.due-days:21}")
    int dueDays;

    @Test
    void anOpenInvoiceIsWrittenWithItsLinesAndStartsItsBillingCollections() {
        String customer = customers.create("Writer", false, false, false);
        LocalDate today = BusinessTime.today();

        InvoiceWriter.Written written = writer.write(InvoiceDraft.of(idOf(customer), today, List.of(
                InvoiceLine.of("INT-500", "Internet 500", BigDecimal.ONE, new BigDecimal("100.00")),
                InvoiceLine.untaxed("FEE-RETURNED", "Frais de paiement retourné / Returned payment fee", new BigDecimal("25.00")))));

        assertThat(written.status()).isEqualTo("open");
        Map<String, Object> invoice = jdbc.sql("""
                SELECT subtotal, tps, tvq, total, due_date, status, collections_started_at IS NOT NULL AS started FROM automation.invoice
                WHERE invoice_no = :no
                """).param("no", written.invoiceNo()).query().singleRow();
        assertThat((BigDecimal) invoice.get("subtotal")).isEqualByComparingTo("125.00");
        assertThat((BigDecimal) invoice.get("tps")).isEqualByComparingTo("5.00");
        assertThat((BigDecimal) invoice.get("tvq")).isEqualByComparingTo("9.98");
        assertThat((BigDecimal) invoice.get("total")).isEqualByComparingTo("139.98");
        assertThat(invoice.get("due_date").toString()).isEqualTo(today.plusDays(dueDays).toString());
        assertThat(invoice.get("started")).isEqualTo(true);
        assertThat(jdbc.sql("SELECT sku FROM automation.invoice_line l JOIN automation.invoice i ON i.id = l.invoice_id "
                + "WHERE i.invoice_no = :no ORDER BY line_no").param("no", written.invoiceNo()).query(String.class).list())
                .containsExactly("INT-500", "FEE-RETURNED");

        HistoricProcessInstance process = history.createHistoricProcessInstanceQuery().processDefinitionKey("billing-collections")
                .processInstanceBusinessKey(written.invoiceNo()).singleResult();
        assertThat(process).isNotNull();
        assertThat(variable(process, "invoiceId")).isEqualTo(written.invoiceNo());
        assertThat(variable(process, "customerId")).isEqualTo(customer);
        assertThat(((java.util.Date) variable(process, "dueDate")).getTime()).isEqualTo(BusinessTime.startOf(today.plusDays(dueDays + 1)).getTime());
    }

    @Test
    void theAccountsCreditPaysTheNewInvoiceFirstAndNothingIsLeftToCollect() {
        String customer = customers.create("WriterCredit", false, false, false);
        jdbc.sql("""
                INSERT INTO automation.payment (customer_id, received_at, amount, method, reference)
                VALUES (:customer, now(), 200.00, 'portal', 'writer-credit')
                """).param("customer", idOf(customer)).update();

        InvoiceWriter.Written written = writer.write(InvoiceDraft.of(idOf(customer), BusinessTime.today(),
                List.of(InvoiceLine.of("INT-500", "Internet 500", BigDecimal.ONE, new BigDecimal("100.00")))));

        assertThat(written.status()).isEqualTo("paid");
        assertThat(jdbc.sql("SELECT amount_paid FROM automation.invoice WHERE invoice_no = :no").param("no", written.invoiceNo())
                .query(BigDecimal.class).single()).isEqualByComparingTo("114.98");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(written.invoiceNo()).count()).isZero();
    }

    @Test
    void aBatchLeavesCreditsAboveTheChargesOnTheAccountAndLeavesStartingToTheCaller() {
        String credited = customers.create("WriterBatchCredit", false, false, false);
        String charged = customers.create("WriterBatchCharged", false, false, false);
        LocalDate first = BusinessTime.today().withDayOfMonth(1);

        List<Long> ids = writer.writeAll(List.of(
                InvoiceDraft.of(idOf(credited), first, List.of(InvoiceLine.of("CREDIT", "Crédit / Credit", BigDecimal.ONE, new BigDecimal("-50.00"))))
                        .forPeriod(first, first.plusDays(27)),
                InvoiceDraft.of(idOf(charged), first, List.of(InvoiceLine.of("TV-BASE", "Télé / TV", BigDecimal.ONE, new BigDecimal("10.00"))))
                        .forPeriod(first, first.plusDays(27))));

        assertThat(ids).hasSize(2);
        assertThat(statusOf(ids.get(0))).isEqualTo("paid");
        // -50.00 - 2.50 TPS - 4.99 TVQ stays on the account as credit for its next invoices
        assertThat(jdbc.sql("SELECT amount FROM automation.payment WHERE customer_id = :c AND method = 'credit-note'")
                .param("c", idOf(credited)).query(BigDecimal.class).single()).isEqualByComparingTo("57.49");
        assertThat(statusOf(ids.get(1))).isEqualTo("open");
        String chargedInvoice = jdbc.sql("SELECT invoice_no FROM automation.invoice WHERE id = :id").param("id", ids.get(1)).query(String.class).single();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(chargedInvoice).count()).isZero();

        writer.startCollections(List.of(new InvoiceWriter.Collectable(ids.get(1), chargedInvoice, charged, first.plusDays(dueDays))));
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("billing-collections")
                .processInstanceBusinessKey(chargedInvoice).count()).isEqualTo(1);
    }

    @Test
    void aCreditLeftOnTheAccountIsReceivedAtTheEnginesTimeNotTheDatabases() {
        String credited = customers.create("WriterCreditClock", false, false, false);
        java.util.Date engineNow = java.util.Date.from(java.time.Instant.parse("2027-03-15T14:30:00Z"));
        ClockUtil.setCurrentTime(engineNow);
        try {
            writer.writeAll(List.of(InvoiceDraft.of(idOf(credited), BusinessTime.today(),
                    List.of(InvoiceLine.of("CREDIT", "Crédit / Credit", BigDecimal.ONE, new BigDecimal("-20.00"))))));
        } finally {
            ClockUtil.reset();
        }

        assertThat(jdbc.sql("SELECT received_at FROM automation.payment WHERE customer_id = :c AND method = 'credit-note'")
                .param("c", idOf(credited)).query(java.time.OffsetDateTime.class).single().toInstant()).isEqualTo(engineNow.toInstant());
    }

    @Test
    void aCreditNoteNamesItsInvoiceIsPaidStartsNothingAndIsWrittenOnce() {
        String customer = customers.create("WriterCreditNote", false, false, false);
        InvoiceWriter.Written invoice = writer.write(InvoiceDraft.of(idOf(customer), BusinessTime.today(),
                List.of(InvoiceLine.of("INT-500", "Internet 500", BigDecimal.ONE, new BigDecimal("100.00")))));
        InvoiceWriter.CreditNote note = new InvoiceWriter.CreditNote(idOf(customer), invoice.id(), "Radiation / Write-off",
                new BigDecimal("114.98"), new BigDecimal("5.00"), new BigDecimal("9.98"), new BigDecimal("114.98"));

        Optional<InvoiceWriter.Written> first = transaction.execute(s -> writer.writeCreditNote(note));
        Optional<InvoiceWriter.Written> again = transaction.execute(s -> writer.writeCreditNote(note));

        assertThat(first).isPresent();
        assertThat(again).isEmpty();
        Map<String, Object> creditNote = jdbc.sql("SELECT total, status, credit_note_for FROM automation.invoice WHERE id = :id")
                .param("id", first.get().id()).query().singleRow();
        assertThat((BigDecimal) creditNote.get("total")).isEqualByComparingTo("-114.98");
        assertThat(creditNote.get("status")).isEqualTo("paid");
        assertThat(((Number) creditNote.get("credit_note_for")).longValue()).isEqualTo(invoice.id());
        assertThat(jdbc.sql("SELECT amount FROM automation.invoice_line WHERE invoice_id = :id").param("id", first.get().id())
                .query(BigDecimal.class).single()).isEqualByComparingTo("-100.00");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(first.get().invoiceNo()).count()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM automation.payment WHERE reference = :no").param("no", first.get().invoiceNo())
                .query(Long.class).single()).isZero();
    }

    private long idOf(String customerNo) {
        return jdbc.sql("SELECT id FROM automation.customer WHERE customer_no = :no").param("no", customerNo).query(Long.class).single();
    }

    private String statusOf(long invoiceId) {
        return jdbc.sql("SELECT status FROM automation.invoice WHERE id = :id").param("id", invoiceId).query(String.class).single();
    }

    private Object variable(HistoricProcessInstance process, String name) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(process.getId()).variableName(name).singleResult().getValue();
    }
}
