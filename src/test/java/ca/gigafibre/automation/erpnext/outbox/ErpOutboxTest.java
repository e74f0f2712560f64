package ca.gigafibre.automation.erpnext.outbox;

import ca.gigafibre.automation.customer.CustomerNo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ca.gigafibre.automation.billing.invoice.CreditNotes;
import ca.gigafibre.automation.billing.invoice.InvoiceService;
import ca.gigafibre.automation.billing.invoice.InvoiceView;
import ca.gigafibre.automation.billing.invoice.NewInvoice;
import ca.gigafibre.automation.billing.invoice.NewInvoiceLine;
import ca.gigafibre.automation.billing.payment.NewPayment;
import ca.gigafibre.automation.billing.payment.PaymentService;
import ca.gigafibre.automation.billing.run.BillingRunService;
import ca.gigafibre.automation.billing.subscription.NewSubscription;
import ca.gigafibre.automation.billing.subscription.SubscriptionService;
import ca.gigafibre.automation.provisioning.AssignIpDelegate;
import ca.gigafibre.automation.provisioning.deactivation.DeactivatedNetwork;
import ca.gigafibre.automation.testing.EngineClockTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine's documents reach ERPNext (the fake) through the outbox: exactly as the contract books them, in order per
 * customer, each once — through ERPNext being down, a crash after ERPNext answered, a link ERPNext lacks — and a failure
 * is visible and retryable.
 */
// A context of its own (ERPNext on): its engine gets its own name, or it would replace the shared context's "default"
// engine in Camunda's static registry, which engine-rest and the webapps of the shared context look engines up in.
@TestPropertySource(properties = {"automation.erpnext.enabled=true", "camunda.bpm.process-engine-name=erpoutbox"})
class ErpOutboxTest extends EngineClockTest {

    @Autowired
    OutboxRelay relay;

    @Autowired
    ErpOutbox outbox;

    @Autowired
    SubscriptionService subscriptions;

    @Autowired
    BillingRunService runs;

    @Autowired
    InvoiceService invoices;

    @Autowired
    PaymentService payments;

    @Autowired
    CreditNotes creditNotes;

    @Autowired
    TaskService tasks;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DeactivatedNetwork network;

    @Autowired
    AssignIpDelegate assignIp;

    @BeforeEach
    void emptyOutboxAndErpNextKnowsTheItems() {
        jdbc.sql("DELETE FROM automation.erp_outbox").update();
        jdbc.sql("""
                INSERT INTO automation.plan (sku, name_fr, name_en, price, billing_frequency, category)
                VALUES ('TV-BASE', 'Télé de base', 'Basic TV', 29.95, 'monthly', 'tv') ON CONFLICT (sku) DO NOTHING
                """).update();
        for (String sku : List.of("TV-BASE", "INST-FIB", "CREDIT-NOTE")) {
            fakes.erpNext().put("Item", Map.of("name", sku, "item_code", sku, "item_name", sku));
        }
    }

    @Test
    void aBillingRunsInvoiceIsPostedWithItsItemsTaxesAndTotals() {
        String customer = customers.create("RunPosted", false, false, false);
        YearMonth period = YearMonth.from(start).plusMonths(2);
        subscriptions.add(CustomerNo.of(customer), new NewSubscription("TV-BASE", null, 1, null, period.atDay(1), null, "active"));
        runs.execute(period);
        Invoice invoice = invoiceOf(customer, period);

        relay.run();

        ObjectNode posted = postedByEngineId("Sales Invoice", invoice.no());
        assertThat(posted.path("customer").asText()).isEqualTo(postedByEngineId("Customer", customer).path("name").asText());
        assertThat(posted.path("docstatus").asInt()).isEqualTo(1);
        assertThat(posted.path("company").asText()).isEqualTo("TARGO Internet");
        assertThat(posted.path("debit_to").asText()).isEqualTo("1200 - Comptes clients - TARGO");
        assertThat(posted.path("from_date").asText()).isEqualTo(period.atDay(1).toString());
        assertThat(posted.path("to_date").asText()).isEqualTo(period.atEndOfMonth().toString());
        assertThat(posted.path("due_date").asText()).isEqualTo(invoice.due().toString());
        JsonNode items = posted.path("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).path("item_code").asText()).isEqualTo("TV-BASE");
        assertThat(items.get(0).path("qty").decimalValue()).isEqualByComparingTo("1");
        assertThat(items.get(0).path("rate").decimalValue()).isEqualByComparingTo("29.95");
        assertThat(items.get(0).path("amount").decimalValue()).isEqualByComparingTo("29.95");
        assertThat(items.get(0).path("custom_billing_frequency").asText()).isEqualTo("Monthly");
        JsonNode taxes = posted.path("taxes");
        assertThat(taxes).hasSize(2);
        assertThat(taxes.get(0).path("charge_type").asText()).isEqualTo("On Net Total");
        assertThat(taxes.get(0).path("account_head").asText()).isEqualTo("2310 - TPS à payer - TARGO");
        assertThat(taxes.get(0).path("rate").decimalValue()).isEqualByComparingTo("5");
        assertThat(taxes.get(0).path("tax_amount").decimalValue()).isEqualByComparingTo(invoice.tps()).isEqualByComparingTo("1.50");
        assertThat(taxes.get(1).path("account_head").asText()).isEqualTo("2320 - TVQ à payer - TARGO");
        assertThat(taxes.get(1).path("rate").decimalValue()).isEqualByComparingTo("9.975");
        assertThat(taxes.get(1).path("tax_amount").decimalValue()).isEqualByComparingTo(invoice.tvq()).isEqualByComparingTo("2.99");
        assertThat(posted.path("grand_total").decimalValue()).isEqualByComparingTo("34.44");
        assertThat(fakes.erpNext().createCount("Sales Invoice")).isEqualTo(1);
        assertThat(fakes.erpNext().createCount("Service Subscription")).isEqualTo(1);
        assertThat(count("erp_outbox WHERE status <> 'sent'")).isZero();
    }

    @Test
    void aPaymentWaitsForItsInvoiceAndACreditNoteIsAReturnAgainstIt() {
        String customer = customers.create("PaidAfter", false, false, false);
        InvoiceView first = manualInvoice(customer, "100.00");
        InvoiceView second = manualInvoice(customer, "40.00");
        payments.record(new NewPayment(customer, first.total(), "cheque", "CHQ-100", null), "outbox-test-" + first.id());
        fakes.erpNext().failNextCreates("Sales Invoice", 1);

        relay.run();   // the first invoice is refused for now: its payment must not go before it

        assertThat(fakes.erpNext().all("Payment Entry")).isEmpty();
        moveClock(Duration.ofMinutes(6));
        relay.run();

        String firstName = postedByEngineId("Sales Invoice", first.id()).path("name").asText();
        ObjectNode payment = fakes.erpNext().all("Payment Entry").get(0);
        ObjectNode entry = fakes.erpNext().doc("Payment Entry", payment.path("name").asText()).orElseThrow();
        assertThat(entry.path("payment_type").asText()).isEqualTo("Receive");
        assertThat(entry.path("party_type").asText()).isEqualTo("Customer");
        assertThat(entry.path("mode_of_payment").asText()).isEqualTo("Chèque");
        assertThat(entry.path("paid_amount").decimalValue()).isEqualByComparingTo(first.total());
        assertThat(entry.path("references")).hasSize(1);
        assertThat(entry.path("references").get(0).path("reference_name").asText()).isEqualTo(firstName);
        assertThat(entry.path("references").get(0).path("allocated_amount").decimalValue()).isEqualByComparingTo(first.total());

        String creditNote = transaction.execute(status -> creditNotes.creditOpenPart(second.id(), "cancelled", "Crédit", "Credit")
                .orElseThrow().creditNoteNo());
        relay.run();

        ObjectNode credit = postedByEngineId("Sales Invoice", creditNote);
        assertThat(credit.path("is_return").asInt()).isEqualTo(1);
        assertThat(credit.path("return_against").asText()).isEqualTo(postedByEngineId("Sales Invoice", second.id()).path("name").asText());
        assertThat(credit.path("items").get(0).path("qty").decimalValue().signum()).isNegative();
        assertThat(credit.path("grand_total").decimalValue()).isEqualByComparingTo(second.total().negate());
        assertThat(fakes.erpNext().createCount("Sales Invoice")).isEqualTo(3);
        assertThat(fakes.erpNext().createCount("Payment Entry")).isEqualTo(1);
    }

    @Test
    void aPaymentEntryLandsInItsMethodsBankAccountAndReferencesItsAllocationsWhenRecorded() {
        String customer = customers.create("Overpaid", false, false, false);
        InvoiceView first = manualInvoice(customer, "100.00");
        payments.record(new NewPayment(customer, new BigDecimal("150.00"), "cheque", "CHQ-150", null), "outbox-over-" + first.id());
        // the 50 of credit pays most of an invoice written after the payment: not part of the Payment Entry
        InvoiceView later = manualInvoice(customer, "30.00");
        assertThat(jdbc.sql("SELECT status FROM automation.invoice WHERE invoice_no = :no").param("no", later.id())
                .query(String.class).single()).isEqualTo("paid");

        relay.run();

        ObjectNode entry = postedByEngineId("Payment Entry", fakes.erpNext().all("Payment Entry").get(0).path("custom_engine_id").asText());
        assertThat(entry.path("paid_to").asText()).isEqualTo("1010 - Banque - TARGO");
        assertThat(entry.path("paid_from").asText()).isEqualTo("1200 - Comptes clients - TARGO");
        assertThat(entry.path("paid_amount").decimalValue()).isEqualByComparingTo("150.00");
        // its own allocation, then the one ERPNext added when the later invoice took the credit as its advance
        assertThat(entry.path("references")).hasSize(2);
        ObjectNode firstPosted = postedByEngineId("Sales Invoice", first.id());
        assertThat(entry.path("references").get(0).path("reference_name").asText()).isEqualTo(firstPosted.path("name").asText());
        assertThat(entry.path("references").get(0).path("allocated_amount").decimalValue()).isEqualByComparingTo(first.total());
        // ERPNext's outstanding of the invoice the payment paid is ours: nothing
        assertThat(firstPosted.path("outstanding_amount").decimalValue()).isEqualByComparingTo("0");
        assertThat(fakes.erpNext().createCount("Payment Entry")).isEqualTo(1);
        assertThat(fakes.erpNext().createCount("Sales Invoice")).isEqualTo(2);
        assertThat(count("erp_outbox WHERE status <> 'sent'")).isZero();
    }

    @Test
    void creditLeftByAPaymentPaysTheNextInvoiceAsItsAdvanceSoErpNextOwesWhatTheEngineOwes() {
        String customer = customers.create("Advance", false, false, false);
        InvoiceView first = manualInvoice(customer, "100.00");                  // 114.98
        payments.record(new NewPayment(customer, new BigDecimal("150.00"), "cheque", "CHQ-ADV", null), "outbox-adv-" + first.id());
        InvoiceView later = manualInvoice(customer, "30.00");                   // 34.49, paid by the 35.02 left
        assertThat(later.total()).isEqualByComparingTo("34.49");

        relay.run();

        ObjectNode entry = fakes.erpNext().all("Payment Entry").get(0);
        ObjectNode laterPosted = postedByEngineId("Sales Invoice", later.id());
        JsonNode advances = laterPosted.path("advances");
        assertThat(advances).hasSize(1);
        assertThat(advances.get(0).path("reference_type").asText()).isEqualTo("Payment Entry");
        assertThat(advances.get(0).path("reference_name").asText()).isEqualTo(entry.path("name").asText());
        assertThat(advances.get(0).path("advance_amount").decimalValue()).isEqualByComparingTo("35.02");
        assertThat(advances.get(0).path("allocated_amount").decimalValue()).isEqualByComparingTo("34.49");
        assertThat(laterPosted.path("allocate_advances_automatically").asInt()).isZero();
        // ERPNext reconciled it: the invoice is paid there too, and the Payment Entry keeps only what the engine keeps as credit
        assertThat(laterPosted.path("outstanding_amount").decimalValue()).isEqualByComparingTo("0");
        assertThat(laterPosted.path("status").asText()).isEqualTo("Paid");
        ObjectNode reconciled = fakes.erpNext().doc("Payment Entry", entry.path("name").asText()).orElseThrow();
        assertThat(reconciled.path("references")).hasSize(2);
        assertThat(reconciled.path("unallocated_amount").decimalValue()).isEqualByComparingTo("0.53")
                .isEqualByComparingTo(jdbc.sql("""
                        SELECT p.amount - (SELECT sum(a.amount) FROM automation.payment_allocation a WHERE a.payment_id = p.id)
                        FROM automation.payment p WHERE p.reference = 'CHQ-ADV'
                        """).query(BigDecimal.class).single());
        assertThat(fakes.erpNext().createCount("Payment Entry")).isEqualTo(1);
    }

    @Test
    void aPaymentEnteredInErpNextWhoseCreditPaysTheRunsInvoiceIsNamedAsThatInvoicesAdvance() {
        String customer = customers.create("ErpAdvance", false, false, false);
        fakes.erpNext().put("Payment Entry", Map.of("name", "ACC-PAY-2026-00077", "docstatus", 1, "payment_type", "Receive",
                "party_type", "Customer", "party", customer, "paid_amount", 100.00, "references", List.of()));
        payments.record(new NewPayment(customer, new BigDecimal("100.00"), "cheque", "ACC-PAY-2026-00077", null),
                "erpnext:ACC-PAY-2026-00077", "ACC-PAY-2026-00077", List.of());
        YearMonth period = YearMonth.from(start).plusMonths(3);   // a month no other test bills
        subscriptions.add(CustomerNo.of(customer), new NewSubscription("TV-BASE", null, 1, null, period.atDay(1), null, "active"));
        runs.execute(period);
        Invoice invoice = invoiceOf(customer, period);

        relay.run();

        ObjectNode posted = postedByEngineId("Sales Invoice", invoice.no());
        assertThat(posted.path("advances")).hasSize(1);
        assertThat(posted.path("advances").get(0).path("reference_name").asText()).isEqualTo("ACC-PAY-2026-00077");
        assertThat(posted.path("advances").get(0).path("advance_amount").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(posted.path("advances").get(0).path("allocated_amount").decimalValue()).isEqualByComparingTo("34.44");
        assertThat(posted.path("outstanding_amount").decimalValue()).isEqualByComparingTo("0");
        assertThat(fakes.erpNext().doc("Payment Entry", "ACC-PAY-2026-00077").orElseThrow().path("unallocated_amount").decimalValue())
                .isEqualByComparingTo("65.56");
        // the engine's own record of it is never posted back
        assertThat(fakes.erpNext().createCount("Payment Entry")).isZero();
    }

    @Test
    void anAddressChangeAndADevicesReturnAreCarriedToTheDocumentsErpNextHolds() {
        String customer = customers.create("Moved", false, false, false);
        customers.installOnt(customer, fakes);   // a device ERPNext has never had
        relay.run();
        long locationId = jdbc.sql("SELECT l.id FROM automation.service_location l JOIN automation.customer c ON c.id = l.customer_id "
                + "WHERE c.customer_no = :no").param("no", customer).query(Long.class).single();
        String locationNo = jdbc.sql("SELECT location_no FROM automation.service_location WHERE id = :id").param("id", locationId)
                .query(String.class).single();
        String locationName = postedByEngineId("Service Location", locationNo).path("name").asText();

        ResponseEntity<JsonNode> moved = as("ops").exchange("/api/locations/" + locationNo + "/address", org.springframework.http.HttpMethod.PUT,
                new org.springframework.http.HttpEntity<>(Map.of("streetNumber", "45", "streetName", "Rue Nouvelle", "city", "Bromont",
                        "province", "QC", "postalCode", "J2L 1A1")), JsonNode.class);
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        transaction.executeWithoutResult(status -> network.markEquipmentToReturn(locationId));
        relay.run();

        ObjectNode location = fakes.erpNext().doc("Service Location", locationName).orElseThrow();
        assertThat(location.path("address_line1").asText()).isEqualTo("45 Rue Nouvelle");
        assertThat(location.path("city").asText()).isEqualTo("Bromont");
        assertThat(location.path("pincode").asText()).isEqualTo("J2L 1A1");
        String equipmentNo = jdbc.sql("SELECT equipment_no FROM automation.equipment WHERE location_id = :id").param("id", locationId)
                .query(String.class).single();
        ObjectNode device = postedByEngineId("Service Equipment", equipmentNo);
        assertThat(device.path("status").asText()).isEqualTo("To Return");
        assertThat(device.path("equipment_type").asText()).isEqualTo("ONT");
        assertThat(device.path("service_location").asText()).isEqualTo(locationName);
        assertThat(device.path("customer").asText()).isEqualTo(postedByEngineId("Customer", customer).path("name").asText());

        transaction.executeWithoutResult(status -> network.equipmentCameBack(locationId, true));
        relay.run();

        assertThat(fakes.erpNext().doc("Service Equipment", device.path("name").asText()).orElseThrow().path("status").asText())
                .isEqualTo("Returned");
        assertThat(fakes.erpNext().createCount("Service Equipment")).isEqualTo(1);
        assertThat(fakes.erpNext().createCount("Service Location")).isEqualTo(1);
        assertThat(count("erp_outbox WHERE status <> 'sent'")).isZero();
        assertThat(count("erp_outbox WHERE action = 'update'")).isEqualTo(3);
    }

    @Test
    void updatesOfOneDeviceQueuedTogetherArePostedOnceAsItIsNow() {
        String customer = customers.create("ReturnedAtOnce", false, false, false);
        customers.installOnt(customer, fakes);
        relay.run();
        long locationId = jdbc.sql("SELECT l.id FROM automation.service_location l JOIN automation.customer c ON c.id = l.customer_id "
                + "WHERE c.customer_no = :no").param("no", customer).query(Long.class).single();
        String equipmentNo = jdbc.sql("SELECT equipment_no FROM automation.equipment WHERE location_id = :id").param("id", locationId)
                .query(String.class).single();
        int postsBefore = posts("Service Equipment");

        // marked to return, then back on the shelf before the relay passes: two entries for the device
        transaction.executeWithoutResult(status -> network.markEquipmentToReturn(locationId));
        transaction.executeWithoutResult(status -> network.equipmentCameBack(locationId, true));
        assertThat(count("erp_outbox WHERE engine_id = '" + equipmentNo + "' AND action = 'update' AND status = 'pending'")).isEqualTo(2);
        relay.run();

        assertThat(posts("Service Equipment") - postsBefore).isEqualTo(1);   // created there (it never had the device) once, not updated after
        assertThat(postedByEngineId("Service Equipment", equipmentNo).path("status").asText()).isEqualTo("Returned");
        assertThat(count("erp_outbox WHERE engine_id = '" + equipmentNo + "' AND status <> 'sent'")).isZero();
        assertThat(jdbc.sql("SELECT count(DISTINCT erp_name) FROM automation.erp_outbox WHERE engine_id = :no AND action = 'update'")
                .param("no", equipmentNo).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anOntCarriesItsLocationsIpAddressInErpNextFromAssignmentToRelease() {
        String customer = customers.create("WithIp", false, false, false);
        String serial = customers.installOnt(customer, fakes);
        // starting after every period the other tests bill
        LocalDate later = YearMonth.from(start).plusMonths(6).atDay(1);
        String subscription = subscriptions.add(CustomerNo.of(customer), new NewSubscription("TV-BASE", null, 1, null, later, null, "active")).id();
        long locationId = jdbc.sql("""
                INSERT INTO automation.service_order (subscription_id, location_id, ont_serial)
                SELECT s.id, l.id, :serial FROM automation.subscription s JOIN automation.service_location l ON l.customer_id = s.customer_id
                WHERE s.subscription_no = :no RETURNING location_id
                """).param("serial", serial).param("no", subscription).query(Long.class).single();
        relay.run();
        String equipmentNo = jdbc.sql("SELECT equipment_no FROM automation.equipment WHERE serial = :serial").param("serial", serial)
                .query(String.class).single();
        DelegateExecution execution = mock(DelegateExecution.class);   // Task_AssignIp of the subscription's provisioning
        when(execution.getProcessBusinessKey()).thenReturn(subscription);

        transaction.executeWithoutResult(status -> assignIp.execute(execution));
        relay.run();

        String ip = jdbc.sql("SELECT host(ip) FROM automation.ip_assignment WHERE location_id = :loc AND released_at IS NULL")
                .param("loc", locationId).query(String.class).single();
        ObjectNode device = postedByEngineId("Service Equipment", equipmentNo);
        assertThat(device.path("ip_address").asText()).isEqualTo(ip);
        assertThat(device.path("serial_no").asText()).isEqualTo(serial);

        transaction.executeWithoutResult(status -> assignIp.execute(execution));   // a retried job: the same address, nothing queued
        assertThat(count("erp_outbox WHERE status = 'pending'")).isZero();

        transaction.executeWithoutResult(status -> network.releaseIps(locationId));
        relay.run();

        assertThat(fakes.erpNext().doc("Service Equipment", device.path("name").asText()).orElseThrow().path("ip_address").asText()).isEmpty();
        assertThat(fakes.erpNext().createCount("Service Equipment")).isEqualTo(1);
        assertThat(count("erp_outbox WHERE status <> 'sent'")).isZero();
    }

    @Test
    void aCustomerGoesBeforeItsInvoiceAndIsPostedFirstWhenErpNextRefusesTheLink() {
        String queued = customers.create("QueuedFirst", false, false, false);
        String unqueued = customers.create("NotQueued", false, false, false);
        // created before the outbox was on: nothing queued for it
        jdbc.sql("DELETE FROM automation.erp_outbox WHERE customer_no = :no").param("no", unqueued).update();
        String queuedInvoice = manualInvoice(queued, "10.00").id();
        String unqueuedInvoice = manualInvoice(unqueued, "20.00").id();

        relay.run();

        assertThat(postedByEngineId("Sales Invoice", queuedInvoice).path("customer").asText())
                .isEqualTo(postedByEngineId("Customer", queued).path("name").asText());
        assertThat(postedByEngineId("Sales Invoice", unqueuedInvoice).path("customer").asText())
                .isEqualTo(postedByEngineId("Customer", unqueued).path("name").asText());
        // the refused invoice's customer was queued after it and posted first
        assertThat(jdbc.sql("""
                SELECT (SELECT id FROM automation.erp_outbox WHERE doctype = 'Customer' AND engine_id = :customer)
                     > (SELECT id FROM automation.erp_outbox WHERE doctype = 'Sales Invoice' AND engine_id = :invoice)
                """).param("customer", unqueued).param("invoice", unqueuedInvoice).query(Boolean.class).single()).isTrue();
        assertThat(fakes.erpNext().createCount("Customer")).isEqualTo(2);
        assertThat(fakes.erpNext().all("Sales Invoice")).hasSize(2);
        assertThat(count("erp_outbox WHERE status <> 'sent'")).isZero();
    }

    @Test
    void erpNextDownIsRetriedThenFailsVisiblyBlocksOnlyThatCustomerAndIsPostedOnceWhenRetried() {
        String blocked = customers.create("ErpDown", false, false, false);
        String invoice = manualInvoice(blocked, "50.00").id();
        fakes.erpNext().down(true);

        for (int attempt = 1; attempt <= 3; attempt++) {
            relay.run();
            assertThat(entry("Customer", blocked).status()).isEqualTo("pending");
            assertThat(entry("Customer", blocked).attempts()).isEqualTo(attempt);
            relay.run();   // not due yet: no attempt
            assertThat(entry("Customer", blocked).attempts()).isEqualTo(attempt);
            moveClock(Duration.ofMinutes(6));
        }
        relay.run();

        OutboxEntry failed = entry("Customer", blocked);
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.lastError()).contains("503");
        assertThat(tasks.createTaskQuery().processDefinitionKey(OutboxFailures.PROCESS)
                .processInstanceBusinessKey(OutboxFailures.businessKey(failed.id())).taskCandidateGroup("ops").count()).isEqualTo(1);
        ResponseEntity<JsonNode> listed = as("admin").getForEntity("/api/admin/erpnext/outbox?status=failed", JsonNode.class);
        assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(listed.getBody()).hasSize(1);
        assertThat(listed.getBody().get(0).path("engineId").asText()).isEqualTo(blocked);
        assertThat(as("ops").getForEntity("/api/admin/erpnext/outbox?status=failed", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("admin").getForEntity("/api/admin/erpnext/outbox?status=lost", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

        fakes.erpNext().down(false);
        String other = customers.create("NotBlocked", false, false, false);
        String otherInvoice = manualInvoice(other, "60.00").id();
        relay.run();
        assertThat(posted("Sales Invoice", otherInvoice)).isTrue();   // another customer goes on
        assertThat(posted("Customer", blocked)).isFalse();              // this one waits for a person
        assertThat(entry("Sales Invoice", invoice).status()).isEqualTo("pending");

        ResponseEntity<JsonNode> retried = as("admin").postForEntity("/api/admin/erpnext/outbox/" + failed.id() + "/retry", null, JsonNode.class);
        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retried.getBody().path("status").asText()).isEqualTo("pending");
        assertThat(tasks.createTaskQuery().processDefinitionKey(OutboxFailures.PROCESS).count()).isZero();
        relay.run();

        assertThat(entry("Customer", blocked).status()).isEqualTo("sent");
        assertThat(entry("Sales Invoice", invoice).status()).isEqualTo("sent");
        assertThat(fakes.erpNext().createCount("Customer")).isEqualTo(2);
        assertThat(fakes.erpNext().createCount("Sales Invoice")).isEqualTo(2);
    }

    @Test
    void aCrashAfterErpNextAnsweredIsFoundByTheLookupNotPostedTwice() {
        String customer = customers.create("LostAnswer", false, false, false);
        String invoice = manualInvoice(customer, "25.00").id();
        fakes.erpNext().loseNextCreateAnswers("Sales Invoice", 1);

        relay.run();
        assertThat(entry("Sales Invoice", invoice).status()).isEqualTo("pending");
        moveClock(Duration.ofMinutes(6));
        relay.run();

        assertThat(fakes.erpNext().createCount("Sales Invoice")).isEqualTo(1);
        assertThat(fakes.erpNext().all("Sales Invoice")).hasSize(1);
        assertThat(entry("Sales Invoice", invoice).erpName()).isEqualTo(postedByEngineId("Sales Invoice", invoice).path("name").asText());
    }

    @Test
    void documentsThatCameFromErpNextAreNeverPostedBack() {
        String customer = customers.create("FromErp", false, false, false);
        InvoiceView invoice = manualInvoice(customer, "80.00");
        relay.run();
        long erpInvoice = jdbc.sql("""
                INSERT INTO automation.invoice (customer_id, issue_date, due_date, subtotal, tps, tvq, total, erp_name)
                SELECT id, :day, :day, 10, 0.50, 1.00, 11.50, 'ACC-SINV-2026-00001' FROM automation.customer WHERE customer_no = :no RETURNING id
                """).param("day", start).param("no", customer).query(Long.class).single();
        long erpPayment = jdbc.sql("""
                INSERT INTO automation.payment (customer_id, received_at, amount, method, erp_name)
                SELECT id, now(), 11.50, 'cash', 'ACC-PAY-2026-00001' FROM automation.customer WHERE customer_no = :no RETURNING id
                """).param("no", customer).query(Long.class).single();

        long erpPaymentCancelled = jdbc.sql("""
                INSERT INTO automation.payment_reversal (event_id, processor_ref, source_ref, kind, reported_amount, received_at, payment_id,
                    amount, applied_at)
                VALUES ('erpnext-cancelled:ACC-PAY-2026-00001', 'ACC-PAY-2026-00001', 'ACC-PAY-2026-00001', 'cancelled', 11.50, now(), :payment,
                    11.50, now()) RETURNING id
                """).param("payment", erpPayment).query(Long.class).single();

        outbox.invoices(List.of(erpInvoice));
        outbox.payment(erpPayment);
        outbox.reversal(erpPaymentCancelled);   // cancelled in ERPNext: nothing to post back
        // and a row marked as ERPNext's after it was queued is not sent either
        payments.record(new NewPayment(customer, invoice.total(), "cash", null, null), "outbox-erp-" + invoice.id());
        jdbc.sql("UPDATE automation.payment SET erp_name = 'ACC-PAY-2026-00002' WHERE idempotency_key = :key")
                .param("key", "outbox-erp-" + invoice.id()).update();
        relay.run();

        assertThat(count("erp_outbox WHERE doctype = 'Sales Invoice'")).isEqualTo(1);
        assertThat(count("erp_outbox WHERE doctype = 'Payment Entry'")).isEqualTo(1);
        assertThat(fakes.erpNext().createCount("Payment Entry")).isZero();
        assertThat(fakes.erpNext().createCount("Sales Invoice")).isEqualTo(1);
    }

    private InvoiceView manualInvoice(String customer, String amount) {
        return invoices.create(new NewInvoice(customer, start, start.plusDays(21),
                List.of(new NewInvoiceLine("INST-FIB", "Installation", BigDecimal.ONE, new BigDecimal(amount)))));
    }

    /** Documents of this doctype created or updated in ERPNext by the engine. */
    private int posts(String doctype) {
        return fakes.erpNext().createCount(doctype) + fakes.erpNext().updateCount(doctype);
    }

    private boolean posted(String doctype, String engineId) {
        return fakes.erpNext().all(doctype).stream().anyMatch(d -> engineId.equals(d.path("custom_engine_id").asText()));
    }

    private ObjectNode postedByEngineId(String doctype, String engineId) {
        String name = fakes.erpNext().all(doctype).stream().filter(d -> engineId.equals(d.path("custom_engine_id").asText()))
                .map(d -> d.path("name").asText()).findFirst().orElseThrow(() -> new AssertionError(doctype + " " + engineId + " not posted"));
        return fakes.erpNext().doc(doctype, name).orElseThrow();
    }

    private OutboxEntry entry(String doctype, String engineId) {
        return jdbc.sql("SELECT id FROM automation.erp_outbox WHERE doctype = :d AND engine_id = :e AND action = 'create'")
                .param("d", doctype).param("e", engineId).query(Long.class).optional()
                .flatMap(id -> applicationEntries.find(id)).orElseThrow();
    }

    @Autowired
    OutboxEntries applicationEntries;

    private record Invoice(String no, LocalDate due, BigDecimal tps, BigDecimal tvq) {
    }

    private Invoice invoiceOf(String customer, YearMonth period) {
        return jdbc.sql("""
                SELECT i.invoice_no, i.due_date, i.tps, i.tvq FROM automation.invoice i JOIN automation.customer c ON c.id = i.customer_id
                WHERE c.customer_no = :no AND i.period_start = :start
                """).param("no", customer).param("start", period.atDay(1))
                .query((rs, n) -> new Invoice(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3), rs.getBigDecimal(4)))
                .single();
    }

    private static void moveClock(Duration by) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + by.toMillis()));
    }
}
