package ca.gigafibre.automation.provisioning.deactivation;

import ca.gigafibre.automation.billing.CancellationWithdrawn;
import ca.gigafibre.automation.billing.SubscriptionCancelled;
import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.platform.error.ConflictException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts and stops {@code deactivation} processes from billing's cancellations, inside billing's transaction: the
 * deactivation row, its process and the cancellation commit together or not at all. A second cancellation of the same
 * location or line with another date replaces the scheduled deactivation; one already under way is left to finish.
 */
@Component
public class DeactivationStarter {

    public static final String PROCESS = "deactivation";
    public static final String WITHDRAWN = "CancellationWithdrawn";
    private static final Logger log = LoggerFactory.getLogger(DeactivationStarter.class);

    private final Deactivations deactivations;
    private final CustomerRepository customers;
    private final RuntimeService runtime;

    public DeactivationStarter(Deactivations deactivations, CustomerRepository customers, RuntimeService runtime) {
        this.deactivations = deactivations;
        this.customers = customers;
        this.runtime = runtime;
    }

    @EventListener
    public void onCancelled(SubscriptionCancelled cancelled) {
        for (Deactivations.Subject subject : deactivations.subjectsOf(cancelled.subscriptionId())) {
            LocalDate end = subject.kind().equals("location") ? deactivations.locationEnd(subject.locationId(), cancelled.endDate())
                    : cancelled.endDate();
            if (deactivations.withdrawScheduled(subject.businessKey())) {
                stop(subject.businessKey());
            }
            Optional<Long> id = deactivations.schedule(subject, cancelled.customerId(), cancelled.subscriptionId(), end);
            if (id.isEmpty()) {
                log.info("{}: a deactivation is already under way; {} changes nothing there", subject.businessKey(), cancelled.subscriptionNo());
                continue;
            }
            Map<String, Object> variables = new HashMap<>();
            variables.put("deactivationId", id.get());
            variables.put("customerId", customers.customerNoOf(cancelled.customerId()));
            variables.put("kind", subject.kind());
            variables.put("endDate", end.toString());
            variables.put("subscriptionId", cancelled.subscriptionNo());
            runtime.startProcessInstanceByKey(PROCESS, subject.businessKey(), variables);
        }
    }

    @EventListener
    public void onWithdrawn(CancellationWithdrawn withdrawn) {
        for (String key : deactivations.keysOf(withdrawn.subscriptionId())) {
            if (deactivations.withdrawScheduled(key)) {
                stop(key);
            } else if (deactivations.isRunning(key)) {
                throw new ConflictException("The service of " + withdrawn.subscriptionNo() + " is being removed (" + key
                        + "): the cancellation can no longer be withdrawn");
            }
        }
    }

    /** The process waits for its end date; the engine correlates the withdrawal by its business key. */
    private void stop(String businessKey) {
        runtime.createMessageCorrelation(WITHDRAWN).processInstanceBusinessKey(businessKey).correlateWithResult();
    }
}
