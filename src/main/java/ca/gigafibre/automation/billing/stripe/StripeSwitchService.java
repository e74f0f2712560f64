package ca.gigafibre.automation.billing.stripe;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.adapter.payment.StripeSetups;
import ca.gigafibre.automation.billing.BillingSettings;
import ca.gigafibre.automation.billing.payment.NewPaymentMethod;
import ca.gigafibre.automation.billing.payment.PaymentMethodService;
import ca.gigafibre.automation.billing.payment.PaymentMethodView;
import ca.gigafibre.automation.billing.ppa.PpaSettings;
import ca.gigafibre.automation.billing.ppa.PpaSettingsService;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.customer.CustomerRow;
import ca.gigafibre.automation.notification.Bilingual;
import ca.gigafibre.automation.notification.CustomerMessages;
import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.error.InvalidRequestException;
import ca.gigafibre.automation.platform.error.NotFoundException;
import ca.gigafibre.automation.platform.time.BusinessHours;
import ca.gigafibre.automation.platform.time.BusinessTime;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Switches an account's auto-pay to a card through Stripe (the assistant's {@code switch-stripe} calls {@link #request}
 * too): the switch is committed first, then the Stripe customer (reused when the account has one) and a Checkout
 * Session in setup mode — Stripe's page, whose SetupIntent saves the card — are made with idempotency keys, and the
 * customer receives the link (text or e-mail, in their language, in the notification window; outside it the link
 * waits for {@link StripeSwitchLinkJob}). When Stripe reports the SetupIntent succeeded, the card is saved as a payment
 * method (Stripe's ids and the last digits only) and PPA switches to {@code stripe} with the account's limits kept; a
 * page that expires unused leaves PPA as it was. One switch waits per account (unique index): asking again while one
 * waits answers that switch and sends nothing.
 */
@Service
public class StripeSwitchService {

    private static final Logger log = LoggerFactory.getLogger(StripeSwitchService.class);
    private static final String WAITING = "('requested', 'link-scheduled', 'link-sent')";
    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' H 'h' mm", Locale.CANADA_FRENCH);
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("MMMM d, yyyy 'at' h:mm a", Locale.CANADA);

    private final JdbcClient jdbc;
    private final CustomerRepository customers;
    private final StripeSetups stripe;
    private final CustomerMessages messages;
    private final BusinessHours hours;
    private final PaymentMethodService paymentMethods;
    private final PpaSettingsService ppa;
    private final AuditLog audit;
    private final TransactionTemplate ownTransaction;
    private final Duration linkValid;
    private final String returnUrl;

    public StripeSwitchService(JdbcClient jdbc, CustomerRepository customers, StripeSetups stripe, CustomerMessages messages,
                               BusinessHours hours, PaymentMethodService paymentMethods, PpaSettingsService ppa, AuditLog audit,
                               PlatformTransactionManager transactions,
                               BillingSettings settings) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.stripe = stripe;
        this.messages = messages;
        this.hours = hours;
        this.paymentMethods = paymentMethods;
        this.ppa = ppa;
        this.audit = audit;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.linkValid = settings.stripeSwitch().linkValid();
        this.returnUrl = settings.stripeSwitch().returnUrl();
    }

    /** Ask for the switch; an account with one waiting gets that one back, nothing sent again. */
    public StripeSwitchView request(CustomerNo customerNo) {
        long customerId = customers.idOf(customerNo, "id");
        CustomerRow customer = customers.find(customerId).orElseThrow();
        if (customer.reachableChannel().equals("none")) {
            throw new InvalidRequestException("id", customerNo.value() + " has no mobile phone and no e-mail address: the card link cannot be sent"
                    + " / " + customerNo.value() + " n'a ni cellulaire ni courriel : le lien ne peut pas être envoyé");
        }
        String actor = AuditLog.currentActor();
        Optional<String> created = ownTransaction.execute(tx -> {
            expireOverdue(customerId);
            return jdbc.sql("INSERT INTO automation.stripe_switch (customer_id, status, language, requested_by, requested_at, expires_at) "
                            + "VALUES (:c, 'requested', :lang, :by, :now, :expires) ON CONFLICT (customer_id) WHERE status IN " + WAITING
                            + " DO NOTHING RETURNING switch_no")
                    .param("c", customerId).param("lang", "en".equals(customer.language()) ? "en" : "fr").param("by", actor)
                    .param("now", BusinessTime.now()).param("expires", BusinessTime.now().plus(linkValid))
                    .query(String.class).optional();
        });
        String switchNo = created.orElseGet(() -> waitingSwitch(customerId));
        StripeSwitchView current = view(switchNo, created.isEmpty());
        if (!current.status().equals("requested")) {
            return current;   // already on its way to the customer: nothing new is made or sent
        }
        if (created.isPresent()) {
            audit.record("ppa.stripe-switch.requested", "customer", customerNo.value(), null, Map.of("switch", switchNo));
        }
        if (hours.isNotificationTime(BusinessTime.now())) {
            prepareAndSend(switchNo, customer);
        } else {
            // the page is made when the link goes out, so a link held over a weekend is still valid when it arrives
            ownTransaction.executeWithoutResult(tx -> jdbc.sql(
                    "UPDATE automation.stripe_switch SET status = 'link-scheduled' WHERE switch_no = :no AND status = 'requested'")
                    .param("no", switchNo).update());
        }
        return view(switchNo, false);
    }

    /**
     * The Stripe customer (the account's, else a new one) and the setup page, then the link to the customer. Stripe calls
     * carry idempotency keys, so a switch resumed after a failure makes no second customer or page.
     *
     * @return true when the link went out now
     */
    private boolean prepareAndSend(String switchNo, CustomerRow customer) {
        StripeSwitchView current = view(switchNo, false);
        String stripeCustomer = Optional.ofNullable(current.stripeCustomerId()).or(() -> stripeCustomerOf(customer.id()))
                .orElseGet(() -> stripe.createCustomer(customer.customerNo(), name(customer), customer.email(), current.language(),
                        "stripe-customer:" + customer.customerNo()));
        OffsetDateTime expires = BusinessTime.now().plus(linkValid);
        StripeSetups.SetupLink link = stripe.createSetupSession(stripeCustomer, switchNo, current.language(), expires.toInstant(), returnUrl);
        ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
                UPDATE automation.stripe_switch SET stripe_customer_id = :cus, checkout_session_id = :cs, setup_intent_id = :seti, expires_at = :expires
                WHERE switch_no = :no
                """).param("cus", stripeCustomer).param("cs", link.sessionId()).param("seti", link.setupIntentId())
                .param("expires", link.expiresAt() == null ? expires : OffsetDateTime.ofInstant(link.expiresAt(), BusinessTime.ZONE))
                .param("no", switchNo).update());
        return sendLink(switchNo, customer.id(), link);
    }

    /** The account's latest switch. */
    public StripeSwitchView latest(CustomerNo customerNo) {
        long customerId = customers.idOf(customerNo, "id");
        return jdbc.sql("SELECT switch_no FROM automation.stripe_switch WHERE customer_id = :c ORDER BY id DESC LIMIT 1")
                .param("c", customerId).query(String.class).optional().map(no -> view(no, false))
                .orElseThrow(() -> new NotFoundException("Stripe switch of customer", customerNo.value(), "id"));
    }

    /** Links that waited for the notification window go out; switches past their expiry end. @return links sent now */
    public int sendScheduledLinks() {
        int expired = jdbc.sql("UPDATE automation.stripe_switch SET status = 'expired', closed_at = :now, close_reason = 'link expired unused' "
                        + "WHERE status IN ('requested', 'link-sent') AND expires_at <= :now").param("now", BusinessTime.now()).update();
        if (expired > 0) {
            log.info("{} Stripe switch(es) expired unused: PPA left as it was", expired);
        }
        if (!hours.isNotificationTime(BusinessTime.now())) {
            return 0;
        }
        List<Map<String, Object>> scheduled = jdbc.sql("""
                SELECT switch_no, customer_id FROM automation.stripe_switch WHERE status = 'link-scheduled' ORDER BY id
                """).query().listOfRows();
        int sent = 0;
        for (Map<String, Object> row : scheduled) {
            try {
                CustomerRow customer = customers.find(((Number) row.get("customer_id")).longValue()).orElseThrow();
                sent += prepareAndSend((String) row.get("switch_no"), customer) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("Stripe switch {}: link not sent now, tried again at the next run: {}", row.get("switch_no"), e.getClass().getSimpleName());
            }
        }
        return sent;
    }

    /** {@code setup_intent.succeeded}: the card is saved and PPA switches to it; in the webhook's transaction. */
    public String setupSucceeded(JsonNode setupIntent) {
        Map<String, Object> row = lockWaiting(setupIntent.path("metadata").path("switch_id").asText(""));
        if (row == null) {
            return "ignored";
        }
        String switchNo = (String) row.get("switch_no");
        if (!setupIntent.path("customer").asText("").equals(row.get("stripe_customer_id"))) {
            log.warn("Stripe switch {}: a SetupIntent of another Stripe customer was ignored", switchNo);
            return "ignored";
        }
        CustomerNo customerNo = CustomerNo.of(customers.customerNoOf(((Number) row.get("customer_id")).longValue()));
        StripeSetups.Card card = stripe.card(setupIntent.path("payment_method").asText());
        PaymentMethodView saved = paymentMethods.add(customerNo, new NewPaymentMethod("stripe-card", (String) row.get("stripe_customer_id"),
                card.paymentMethodId(), null, null, null, card.brand(), card.last4(), card.expMonth(), card.expYear(), null, null, null, null, true));
        PpaSettings before = ppa.get(customerNo);
        ppa.put(customerNo, new PpaSettings(true, "stripe", before.limit(), before.buffer(), before.fixedAmount(), null), AuditLog.currentActor());
        jdbc.sql("""
                UPDATE automation.stripe_switch SET status = 'completed', setup_intent_id = :seti, payment_method_id = :pm, closed_at = :now,
                    close_reason = 'card saved' WHERE switch_no = :no
                """).param("seti", setupIntent.path("id").asText()).param("pm", saved.id()).param("now", BusinessTime.now())
                .param("no", switchNo).update();
        audit.record("ppa.stripe-switch.completed", "customer", customerNo.value(), null, Map.of("switch", switchNo, "previousMethod",
                before.method() == null ? "none" : before.method(), "card", card.brand() + " " + card.last4()));
        return "ppa switched to stripe (" + switchNo + ")";
    }

    /** {@code checkout.session.expired} or {@code setup_intent.canceled}: the switch ends, PPA stays as it was. */
    public String abandoned(JsonNode object, String reason) {
        Map<String, Object> row = lockWaiting(object.path("metadata").path("switch_id").asText(""));
        if (row == null) {
            return "ignored";
        }
        jdbc.sql("UPDATE automation.stripe_switch SET status = 'expired', closed_at = :now, close_reason = :why WHERE switch_no = :no")
                .param("now", BusinessTime.now()).param("why", reason).param("no", row.get("switch_no")).update();
        return "stripe switch " + row.get("switch_no") + " expired";
    }

    private boolean sendLink(String switchNo, long customerId, StripeSetups.SetupLink link) {
        String language = view(switchNo, false).language();
        OffsetDateTime until = link.expiresAt() == null ? null : OffsetDateTime.ofInstant(link.expiresAt(), BusinessTime.ZONE);
        Bilingual text = new Bilingual(
                "TARGO : pour que vos factures soient payées automatiquement par carte de crédit, enregistrez votre carte sur la page"
                        + " sécurisée de Stripe : " + link.url() + (until == null ? "" : " (lien valide jusqu'au " + FRENCH.format(until) + ")")
                        + ". Vos limites de paiement préautorisé restent les mêmes.",
                "TARGO: to have your invoices paid automatically by credit card, save your card on Stripe's secure page: " + link.url()
                        + (until == null ? "" : " (link valid until " + ENGLISH.format(until) + ")") + ". Your pre-authorized payment limits stay the same.");
        CustomerMessages.Outcome outcome;
        try {
            outcome = messages.send("stripe-switch:" + switchNo, customerId, "stripe-switch-link", text);
        } catch (RuntimeException e) {
            log.warn("Stripe switch {}: link not sent now, tried again at the next run: {}", switchNo, e.getClass().getSimpleName());
            jdbc.sql("UPDATE automation.stripe_switch SET status = 'link-scheduled' WHERE switch_no = :no AND status = 'requested'")
                    .param("no", switchNo).update();
            return false;
        }
        jdbc.sql("UPDATE automation.stripe_switch SET status = 'link-sent', link_sent_at = :now WHERE switch_no = :no AND status IN ('requested', 'link-scheduled')")
                .param("now", BusinessTime.now()).param("no", switchNo).update();
        return outcome.sentNow();
    }

    private void expireOverdue(long customerId) {
        jdbc.sql("UPDATE automation.stripe_switch SET status = 'expired', closed_at = :now, close_reason = 'link expired unused' "
                        + "WHERE customer_id = :c AND status IN ('requested', 'link-sent') AND expires_at <= :now")
                .param("c", customerId).param("now", BusinessTime.now()).update();
    }

    private String waitingSwitch(long customerId) {
        return jdbc.sql("SELECT switch_no FROM automation.stripe_switch WHERE customer_id = :c AND status IN " + WAITING)
                .param("c", customerId).query(String.class).single();
    }

    private Map<String, Object> lockWaiting(String switchNo) {
        return jdbc.sql("SELECT switch_no, customer_id, stripe_customer_id FROM automation.stripe_switch WHERE switch_no = :no AND status IN "
                        + WAITING + " FOR UPDATE").param("no", switchNo).query().listOfRows().stream().findFirst().orElse(null);
    }

    /** The Stripe customer the account already has: its PPA settings', else its cards'. */
    private Optional<String> stripeCustomerOf(long customerId) {
        return jdbc.sql("""
                SELECT coalesce((SELECT stripe_customer_id FROM automation.account_ppa_settings WHERE customer_id = :c),
                                (SELECT stripe_customer_id FROM automation.payment_method WHERE customer_id = :c AND kind = 'stripe-card'
                                 AND stripe_customer_id IS NOT NULL ORDER BY is_default DESC, id DESC LIMIT 1))
                """).param("c", customerId).query(String.class).optional();
    }

    private static String name(CustomerRow c) {
        return c.companyName() != null && !c.companyName().isBlank() ? c.companyName()
                : ((c.firstName() == null ? "" : c.firstName() + " ") + (c.lastName() == null ? "" : c.lastName())).strip();
    }

    private StripeSwitchView view(String switchNo, boolean alreadyWaiting) {
        return jdbc.sql("""
                SELECT s.switch_no, c.customer_no, s.status, s.stripe_customer_id, s.checkout_session_id, s.setup_intent_id, s.requested_at,
                       s.requested_by, s.expires_at, s.link_sent_at, s.closed_at, s.close_reason, s.payment_method_id, s.language
                FROM automation.stripe_switch s JOIN automation.customer c ON c.id = s.customer_id WHERE s.switch_no = :no
                """).param("no", switchNo)
                .query((rs, n) -> new StripeSwitchView(rs.getString("switch_no"), rs.getString("customer_no"), rs.getString("status"),
                        rs.getString("stripe_customer_id"), rs.getString("checkout_session_id"), rs.getString("setup_intent_id"),
                        BusinessTime.read(rs, "requested_at"), rs.getString("requested_by"), BusinessTime.read(rs, "expires_at"),
                        BusinessTime.read(rs, "link_sent_at"), BusinessTime.read(rs, "closed_at"), rs.getString("close_reason"),
                        (Long) rs.getObject("payment_method_id"), rs.getString("language"), alreadyWaiting))
                .single();
    }
}
