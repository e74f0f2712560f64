package ca.gigafibre.automation.erpnext.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.adapter.fake.FakeErpNext;
import ca.gigafibre.automation.adapter.fake.FakeExternalSystems;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The nightly reconciliation against the fake ERPNext: of the engine's documents of yesterday, one invoice and one payment
 * were posted alike, one invoice with another amount, one not at all, and ERPNext holds an invoice under an engine id the
 * engine does not have. Other tests' documents may fall in the same days: the assertions name this fixture's documents.
 */
class ErpReconciliationTest extends IntegrationTest {

    @Autowired
    ErpReconciliation reconciliation;

    @Autowired
    FakeExternalSystems fakes;

    @Autowired
    TestCustomers customers;

    @Autowired
    TaskService tasks;

    @Test
    void listsMissingDocumentsAndDifferentAmountsAndOpensTheOpsTask() {
        FakeErpNext erp = fakes.erpNext();
        erp.clear();
        LocalDate yesterday = BusinessTime.today().minusDays(1);
        String customer = customers.create("Reconciliation", false, false, false);
        String alike = invoice(customer, yesterday, "114.98");
        String otherAmount = invoice(customer, yesterday, "50.00");
        String notPosted = invoice(customer, yesterday, "20.00");
        String payment = jdbc.sql("""
                INSERT INTO automation.payment (customer_id, received_at, amount, method)
                SELECT id, :at, 40.00, 'cheque' FROM automation.customer WHERE customer_no = :no RETURNING payment_no
                """).param("at", yesterday.atTime(12, 0).atZone(BusinessTime.ZONE).toOffsetDateTime()).param("no", customer)
                .query(String.class).single();
        postedInvoice("ACC-SINV-R-1", alike, customer, yesterday, "114.98");
        postedInvoice("ACC-SINV-R-2", otherAmount, customer, yesterday, "55.00");
        postedInvoice("ACC-SINV-R-3", "INV-9999999", customer, yesterday, "10.00");
        erp.put("Payment Entry", Map.of("name", "ACC-PAY-R-1", "custom_engine_id", payment, "docstatus", 1, "payment_type", "Receive",
                "party_type", "Customer", "party", customer, "posting_date", yesterday.toString(), "paid_amount", new BigDecimal("40.00")));

        ErpReconciliation.Result result = reconciliation.run();

        List<String> ours = result.findings().stream().filter(f -> List.of(alike, otherAmount, notPosted, payment, "INV-9999999")
                .contains(f.engineId())).map(f -> f.engineId() + " " + f.kind() + " " + f.engineAmount() + " " + f.erpAmount()).toList();
        assertThat(ours).containsExactlyInAnyOrder(
                otherAmount + " grand-total 50.00 55.00",
                otherAmount + " outstanding 50.00 55.00",
                notPosted + " missing-in-erpnext 20.00 null",
                "INV-9999999 missing-in-engine null 10.00");
        Task review = tasks.createTaskQuery().processInstanceId(result.reviewProcessInstanceId()).singleResult();
        assertThat(review.getName()).startsWith("Examiner les écarts avec ERPNext");
        assertThat(tasks.createTaskQuery().taskId(review.getId()).taskCandidateGroup("ops").count()).isEqualTo(1);
        assertThat(tasks.getVariable(review.getId(), "differences")).isEqualTo(result.findings().size());

        JsonNode report = as("ops").getForObject("/api/reports/erp-drift", JsonNode.class);
        assertThat(report).hasSize(result.findings().size());
        assertThat(report.findValuesAsText("engineId")).contains(notPosted, otherAmount, "INV-9999999").doesNotContain(alike, payment);
        HttpHeaders csv = new HttpHeaders();
        csv.set(HttpHeaders.ACCEPT, "text/csv");
        ResponseEntity<String> asCsv = as("ops").exchange("/api/reports/erp-drift", HttpMethod.GET, new HttpEntity<>(csv), String.class);
        assertThat(asCsv.getBody().lines().findFirst().orElseThrow())
                .isEqualTo("runId,since,until,doctype,engineId,erpName,kind,engineAmount,erpAmount");
        assertThat(asCsv.getBody()).contains("\"Sales Invoice\"," + notPosted + ",,missing-in-erpnext,20.00,");
        assertThat(as("analyst").getForEntity("/api/reports/erp-drift", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void nothingDifferentOpensNoTask() {
        FakeErpNext erp = fakes.erpNext();
        erp.clear();
        // every engine document of the window, as ERPNext would hold it once posted
        jdbc.sql("""
                SELECT invoice_no, total, CASE WHEN total <= 0 THEN NULL WHEN status IN ('open', 'payment-pending') THEN total - amount_paid ELSE 0 END,
                       issue_date FROM automation.invoice
                WHERE erp_name IS NULL AND status <> 'draft' AND issue_date BETWEEN :since AND :until
                """).param("since", BusinessTime.today().minusDays(3)).param("until", BusinessTime.today().minusDays(1))
                .query((rs, n) -> Map.<String, Object>of("name", "ACC-SINV-" + rs.getString(1), "custom_engine_id", rs.getString(1), "docstatus", 1,
                        "posting_date", rs.getObject(4, LocalDate.class).toString(), "grand_total", rs.getBigDecimal(2),
                        "outstanding_amount", rs.getBigDecimal(3) == null ? BigDecimal.ZERO : rs.getBigDecimal(3)))
                .list().forEach(doc -> erp.put("Sales Invoice", doc));
        jdbc.sql("""
                SELECT payment_no, amount, (received_at AT TIME ZONE 'America/Montreal')::date FROM automation.payment
                WHERE erp_name IS NULL AND (received_at AT TIME ZONE 'America/Montreal')::date BETWEEN :since AND :until
                """).param("since", BusinessTime.today().minusDays(3)).param("until", BusinessTime.today().minusDays(1))
                .query((rs, n) -> Map.<String, Object>of("name", "ACC-PAY-" + rs.getString(1), "custom_engine_id", rs.getString(1), "docstatus", 1,
                        "posting_date", rs.getObject(3, LocalDate.class).toString(), "paid_amount", rs.getBigDecimal(2)))
                .list().forEach(doc -> erp.put("Payment Entry", doc));

        ErpReconciliation.Result result = reconciliation.run();

        assertThat(result.findings()).isEmpty();
        assertThat(result.reviewProcessInstanceId()).isNull();
    }

    private String invoice(String customer, LocalDate issued, String total) {
        return jdbc.sql("""
                INSERT INTO automation.invoice (customer_id, issue_date, due_date, subtotal, tps, tvq, total, status)
                SELECT id, :issued, :due, :total, 0, 0, :total, 'open' FROM automation.customer WHERE customer_no = :no RETURNING invoice_no
                """).param("issued", issued).param("due", issued.plusDays(21)).param("total", new BigDecimal(total)).param("no", customer)
                .query(String.class).single();
    }

    private void postedInvoice(String name, String engineId, String customer, LocalDate posted, String total) {
        fakes.erpNext().put("Sales Invoice", Map.of("name", name, "custom_engine_id", engineId, "customer", customer, "docstatus", 1,
                "posting_date", posted.toString(), "net_total", new BigDecimal(total), "grand_total", new BigDecimal(total)));
    }
}
