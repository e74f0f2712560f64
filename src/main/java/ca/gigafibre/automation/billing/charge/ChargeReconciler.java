package ca.gigafibre.automation.billing.charge;

import ca.gigafibre.automation.adapter.payment.ChargeResult;
import ca.gigafibre.automation.adapter.payment.PaymentProcessors;
import ca.gigafibre.automation.billing.BillingSettings;
import ca.gigafibre.automation.billing.payment.NewPayment;
import ca.gigafibre.automation.billing.payment.PaymentService;
import ca.gigafibre.automation.billing.payment.PaymentView;
import ca.gigafibre.automation.billing.reversal.PaymentReversals;
import ca.gigafibre.automation.billing.reversal.ReversalFollowUp;
import ca.gigafibre.automation.platform.time.BusinessHours;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * No charge the processor took is left unbooked. A payment that commits while a charge is in flight, in retries or an
 * incident ends the charge job ({@code PaymentReceived} interrupts the charge in {@code billing-collections}), and a
 * process can end while its bank debit is still pending. Every charge-ledger row that no running process handles any
 * more is asked about at the processor (by its idempotency key, or where its debit stands) and then booked as a payment
 * (account credit when the invoice was paid meanwhile, the customer told in the notification window), settled or
 * returned as the process would have, or closed when the processor charged nothing. Booked Paysafe payments are asked
 * about once a day within {@code automation.billing.charge-reconcile-window}: a PAD return or a card chargeback
 * reported then is still applied (payment reversed, invoice open again). Runs as the clustered Quartz job
 * {@code charge-reconcile}; safe on two nodes (row claims) and to run again (payments by idempotency key).
 */
@Service
public class ChargeReconciler {

    private static final Logger log = LoggerFactory.getLogger(ChargeReconciler.class);
    private static final int MAX_PAGES = 50;

    private final UnbookedCharges charges;
    private final ChargeLedger ledger;
    private final PaymentProcessors processors;
    private final PaymentService payments;
    private final PendingDebits debits;
    private final PaymentReversals reversals;
    private final ReversalFollowUp followUp;
    private final ChargeCreditNotices notices;
    private final ReturnedDebitNotices returnNotices;
    private final ReturnedInvoiceFollowUp reopened;
    private final RuntimeService runtime;
    private final BusinessHours hours;
    private final TransactionTemplate transaction;
    private final Duration quiet;
    private final Duration window;

    public ChargeReconciler(UnbookedCharges charges, ChargeLedger ledger, PaymentProcessors processors, PaymentService payments,
                            PendingDebits debits, PaymentReversals reversals, ReversalFollowUp followUp, ChargeCreditNotices notices,
                            ReturnedDebitNotices returnNotices, ReturnedInvoiceFollowUp reopened,
                            RuntimeService runtime, BusinessHours hours, PlatformTransactionManager transactions,
                            BillingSettings settings) {
        this.charges = charges;
        this.ledger = ledger;
        this.processors = processors;
        this.payments = payments;
        this.debits = debits;
        this.reversals = reversals;
        this.followUp = followUp;
        this.notices = notices;
        this.returnNotices = returnNotices;
        this.reopened = reopened;
        this.runtime = runtime;
        this.hours = hours;
        this.transaction = new TransactionTemplate(transactions);
        this.quiet = settings.chargeReconcileAfter();
        this.window = settings.chargeReconcileWindow();
    }

    /** What one run did (rows of other nodes, or still handled by their process, are not counted). */
    public record Result(int booked, int settled, int returned, int closed, int failed, int noticesSent) {
    }

    private final class Tally {
        int booked;
        int settled;
        int returned;
        int closed;
        int failed;
    }

    /** One pass over the ledger: what runs every {@code automation.billing.charge-reconcile-interval}, and tests call. */
    public Result run() {
        OffsetDateTime now = BusinessTime.now();
        OffsetDateTime quietSince = now.minus(quiet);
        OffsetDateTime windowStart = now.minus(window);
        Tally tally = new Tally();
        for (int page = 0; page < MAX_PAGES; page++) {
            List<UnbookedCharges.Row> rows = charges.unfinished(quietSince, windowStart);
            if (rows.isEmpty()) {
                break;
            }
            rows.forEach(row -> safely(row, tally, () -> unfinished(row, quietSince, tally)));
        }
        OffsetDateTime dayAgo = now.minusDays(1);
        for (int page = 0; page < MAX_PAGES; page++) {
            List<UnbookedCharges.Row> rows = charges.returnable(dayAgo, windowStart);
            if (rows.isEmpty()) {
                break;
            }
            rows.forEach(row -> safely(row, tally, () -> returnable(row, dayAgo, tally)));
        }
        for (String processorRef : reversals.waitingWithPayment()) {
            followUp.follow(reversals.applyWaiting(processorRef), "reversal waiting for its payment");
        }
        int sent = notices.sendDue();
        return new Result(tally.booked, tally.settled, tally.returned, tally.closed, tally.failed, sent);
    }

    private void unfinished(UnbookedCharges.Row row, OffsetDateTime quietSince, Tally tally) {
        if (!charges.claim(row.id(), quietSince) || stillHandled(row.invoiceNo())) {
            return;
        }
        ChargeLedger.Attempt attempt = ledger.find(row.idempotencyKey()).orElseThrow();
        if (!attempt.answered()) {
            Optional<ChargeResult> found = processors.lookup(attempt.method(), attempt.idempotencyKey());
            if (found.isEmpty()) {
                if (charges.close(row.id(), attempt.state(), "the processor has no charge under this key")) {
                    log.info("Charge {} closed: the processor charged nothing", row.idempotencyKey());
                    tally.closed++;
                }
                return;
            }
            ledger.settle(attempt.idempotencyKey(), found.get());
            attempt = ledger.find(row.idempotencyKey()).orElseThrow();
        }
        switch (attempt.state()) {
            case "succeeded" -> {
                book(row, attempt);
                tally.booked++;
            }
            case "pending" -> settlePending(row, attempt, tally);
            default -> log.info("Charge {}: the processor answered {}, nothing to book", row.idempotencyKey(), attempt.state());
        }
    }

    /** A running billing-collections (or the ppa-charge it called) of the invoice still owns its charge (a retry, an incident, the settlement wait). */
    private boolean stillHandled(String invoiceNo) {
        return runtime.createProcessInstanceQuery().processDefinitionKeyIn("billing-collections", "ppa-charge").processInstanceBusinessKey(invoiceNo).count() > 0;
    }

    /** Booked once under the attempt's key; credit (the invoice was paid meanwhile) owes the customer a notice. */
    private void book(UnbookedCharges.Row row, ChargeLedger.Attempt attempt) {
        transaction.executeWithoutResult(tx -> {
            PaymentView payment = payments.record(new NewPayment(row.customerNo(), attempt.amount(), paymentMethod(attempt.method()),
                    attempt.processorRef(), null), attempt.idempotencyKey(), row.invoiceNo());
            if (!payment.replayed() && payment.unallocated().signum() > 0) {
                charges.owesCreditNotice(row.id());
            }
        });
        log.warn("Charge {} of {} was taken by the processor but not booked: booked now as payment", row.idempotencyKey(), row.invoiceNo());
    }

    /** As the process's daily check would: settled → booked; returned → invoice open, fee, customer told (in the window). */
    private void settlePending(UnbookedCharges.Row row, ChargeLedger.Attempt attempt, Tally tally) {
        PaymentProcessors.Settlement settlement = processors.settlement(attempt.method(), attempt.processorRef());
        switch (settlement.status()) {
            case "COMPLETED" -> {
                transaction.executeWithoutResult(tx -> {
                    debits.settled(attempt);
                    if (creditLeft(attempt)) {
                        charges.owesCreditNotice(row.id());
                    }
                });
                tally.settled++;
            }
            case "RETURNED" -> {
                if (hours.isNotificationTime(BusinessTime.now())) {   // the return tells the customer: only in the window
                    // its process has ended, so nothing retries it: the customer is told of the return, not of a retry
                    transaction.executeWithoutResult(tx -> debits.returned(attempt, settlement.code(), settlement.reason(), null)
                            .ifPresent(returned -> returnNotices.tell(returned.debitKey(), returned.feeInvoice() != null,
                                    returned.ppaSwitchedOff(), false)));
                    tally.returned++;
                }
            }
            default -> {
                // still pending at the bank: asked again after the quiet period
            }
        }
    }

    private boolean creditLeft(ChargeLedger.Attempt attempt) {
        return charges.creditLeftBy(attempt.idempotencyKey()).signum() > 0;
    }

    /** A booked Paysafe payment the processor now reports returned (PAD return, chargeback): reversed, invoice open again. */
    private void returnable(UnbookedCharges.Row row, OffsetDateTime askedBefore, Tally tally) {
        if (!hours.isNotificationTime(BusinessTime.now()) || !charges.claim(row.id(), askedBefore)) {
            return;   // a return tells the customer: looked at only in the notification window
        }
        PaymentProcessors.Settlement now = processors.settlement(row.method(), row.processorRef());
        if (!"RETURNED".equals(now.status())) {
            return;
        }
        // one transaction with the invoice followed again (the NSF retry the rules allow, or payment, due date and collections):
        // a failure undoes the whole return, which the next run finds again (its notice is not sent twice: the ledger's key)
        PaymentReversals.Applied applied = transaction.execute(tx -> {
            PaymentReversals.Applied reversed = reversals.record("return:" + row.idempotencyKey(), row.processorRef(), "return",
                    row.idempotencyKey(), row.amount(), now.reason());
            boolean firstTime = charges.returned(row.id(), now.reason());
            if (firstTime && "bank".equals(row.method())) {   // a PAD return: the returned-debit rules (fee, PPA off), the customer told
                PendingDebits.Returned returned = debits.returnedAfterSettlement(row.idempotencyKey(), now.code());
                returnNotices.tell(returned.debitKey(), returned.feeInvoice() != null, returned.ppaSwitchedOff(), returned.retry());
                reopened.follow(returned);
            } else if (firstTime) {
                reopened.follow(row.invoiceNo());
            }
            return reversed;
        });
        followUp.follow(applied, "returned after settlement: " + now.reason());
        log.warn("Charge {} of {} returned after settlement ({}): payment reversed", row.idempotencyKey(), row.invoiceNo(), now.reason());
        tally.returned++;
    }

    private void safely(UnbookedCharges.Row row, Tally tally, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            tally.failed++;
            log.warn("Charge {} of {} could not be reconciled now; asked again at a later run: {}", row.idempotencyKey(), row.invoiceNo(), e.toString());
        }
    }

    static String paymentMethod(String chargeMethod) {
        return "bank".equals(chargeMethod) ? "bank-ppa" : chargeMethod;
    }
}
