package ca.gigafibre.automation.testing;

import ca.gigafibre.automation.customer.CustomerService;
import ca.gigafibre.automation.customer.CustomerView;
import ca.gigafibre.automation.customer.NewCustomer;
import ca.gigafibre.automation.customer.NewLocation;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Builds customers and their invoices through the real services, for process and API tests. */
@Component
public class TestCustomers {

    private final CustomerService customers;
    private final JdbcClient jdbc;
    private final ca.gigafibre.automation.notification.DeliveryReports deliveryReports;

    public TestCustomers(CustomerService customers, JdbcClient jdbc, ca.gigafibre.automation.notification.DeliveryReports deliveryReports) {
        this.customers = customers;
        this.jdbc = jdbc;
        this.deliveryReports = deliveryReports;
    }

    /** Twilio reports every text sent to the customer so far delivered, as its status callback does (a notice counts only then). */
    public void textsDelivered(String customerNo) {
        jdbc.sql("""
                SELECT n.provider_message_id FROM automation.notification n JOIN automation.customer c ON c.id = n.customer_id
                WHERE c.customer_no = :no AND n.provider_message_id IS NOT NULL
                """).param("no", customerNo).query(String.class).list()
                .forEach(sid -> deliveryReports.record(sid, "delivered", null));
    }

    /** A customer with a mobile phone (texted) and an e-mail address. */
    public String create(String lastName, boolean vip, boolean commercial, boolean neverSuspend) {
        return create(lastName, vip, commercial, neverSuspend, "test@example.com", null, "450-555-0100");
    }

    /** A customer reachable only as given: {@code homePhone} is a landline (never texted), {@code cellPhone} a mobile. */
    public String create(String lastName, boolean vip, boolean commercial, boolean neverSuspend, String email, String homePhone,
                         String cellPhone) {
        CustomerView view = customers.create(new NewCustomer("Test", lastName, commercial ? lastName + " inc." : null,
                email, homePhone, cellPhone, "fr", commercial, vip, neverSuspend, null,
                new NewLocation("12", null, "Rue Principale", "Granby", "QC", "J2G 1A1", null, null, "OLT-EAST", "1/2/3"), null));
        return view.id();
    }

    /** An installed ONT at the customer's first location, which the fake OLT also knows, enabled. */
    public String installOnt(String customerNo, ca.gigafibre.automation.adapter.fake.FakeExternalSystems fakes) {
        String serial = "TPLG" + customerNo.replace("C-", "") + "00";
        jdbc.sql("""
                INSERT INTO automation.equipment (customer_id, location_id, kind, serial, model, status)
                SELECT c.id, l.id, 'ont', :serial, 'ONT', 'installed' FROM automation.customer c
                JOIN automation.service_location l ON l.customer_id = c.id WHERE c.customer_no = :no
                """).param("serial", serial).param("no", customerNo).update();
        fakes.preloadOnt(serial, "OLT-EAST", "1/2/3", customerNo, "enabled");
        return serial;
    }

    /** A suspension notice went out {@code daysAgo} days ago (engine clock). */
    public void noticeSent(String customerNo, int daysAgo) {
        jdbc.sql("""
                INSERT INTO automation.collection_notice (customer_id, kind, sent_at, channel)
                SELECT id, 'suspension', :sent, 'sms' FROM automation.customer WHERE customer_no = :no
                """).param("sent", ca.gigafibre.automation.platform.time.BusinessTime.now().minusDays(daysAgo)).param("no", customerNo).update();
    }

    /** An open invoice of {@code total} (no taxes) that fell due {@code daysAgo} days ago. */
    public void overdueInvoice(String customerNo, BigDecimal total, int daysAgo) {
        LocalDate due = ca.gigafibre.automation.platform.time.BusinessTime.today().minusDays(daysAgo);
        jdbc.sql("""
                INSERT INTO automation.invoice (customer_id, issue_date, due_date, subtotal, tps, tvq, total, status)
                SELECT id, :issue, :due, :total, 0, 0, :total, 'open' FROM automation.customer WHERE customer_no = :no
                """)
                .param("issue", due.minusDays(21)).param("due", due).param("total", total).param("no", customerNo)
                .update();
    }
}
