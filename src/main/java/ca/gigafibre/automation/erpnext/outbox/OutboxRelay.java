package ca.gigafibre.automation.erpnext.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One pass of the relay: many customers, each customer's queue in order until an entry cannot go yet (its link not
 * posted, ERPNext down, failed): a customer's later entries never overtake an earlier one, other customers go on. While
 * ERPNext is down the pass stops at the first such answer instead of knocking once per customer.
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final int CUSTOMERS_PER_PASS = 1000;

    public record Result(int sent, int waiting, int later, int failed) {
    }

    private final OutboxEntries entries;
    private final OutboxSender sender;

    public OutboxRelay(OutboxEntries entries, OutboxSender sender) {
        this.entries = entries;
        this.sender = sender;
    }

    public Result run() {
        int[] counts = new int[OutboxSender.Outcome.values().length];
        customers:
        for (String customer : entries.customersReady(CUSTOMERS_PER_PASS)) {
            while (true) {
                OutboxEntry next = entries.nextDue(customer).orElse(null);
                if (next == null) {
                    break;
                }
                OutboxSender.Outcome outcome = sender.send(next);
                counts[outcome.ordinal()]++;
                if (outcome == OutboxSender.Outcome.LATER) {
                    break customers;
                }
                if (outcome != OutboxSender.Outcome.SENT) {
                    break;
                }
            }
        }
        Result result = new Result(counts[0], counts[1], counts[2], counts[3]);
        if (result.sent() + result.later() + result.failed() > 0) {
            log.info("ERPNext outbox: {}", result);
        }
        return result;
    }
}
