package ca.gigafibre.automation.erpnext.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.billing.invoice.InvoiceService;
import ca.gigafibre.automation.billing.invoice.NewInvoice;
import ca.gigafibre.automation.billing.invoice.NewInvoiceLine;
import ca.gigafibre.automation.billing.payment.NewPayment;
import ca.gigafibre.automation.billing.payment.PaymentService;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.TestCustomers;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** With ERPNext off (the default), the engine's documents queue nothing. */
class ErpOutboxDisabledTest extends IntegrationTest {

    @Autowired
    TestCustomers customers;

    @Autowired
    InvoiceService invoices;

    @Autowired
    PaymentService payments;

    @Test
    void nothingIsQueuedWhileErpNextIsOff() {
        long before = count("erp_outbox");
        String customer = customers.create("NoErp", false, false, false);
        String invoice = invoices.create(new NewInvoice(customer, BusinessTime.today(), BusinessTime.today().plusDays(21),
                List.of(new NewInvoiceLine("INST-FIB", "Installation", BigDecimal.ONE, new BigDecimal("75.00"))))).id();
        payments.record(new NewPayment(customer, new BigDecimal("10.00"), "cash", null, null), "no-erp-" + invoice);

        assertThat(count("erp_outbox")).isEqualTo(before).isZero();
        assertThat(count("invoice WHERE invoice_no = '" + invoice + "'")).isEqualTo(1);
    }
}
