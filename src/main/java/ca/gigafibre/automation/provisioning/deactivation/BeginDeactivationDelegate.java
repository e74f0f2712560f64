package ca.gigafibre.automation.provisioning.deactivation;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_BeginDeactivation}: the end date has come. The deactivation goes from scheduled to running (once: a
 * withdrawal can no longer stop it, and one that got there first leaves nothing to begin), and what it takes down is read
 * now: the location's installed ONTs and its phone lines still in service (a line's deactivation: that line), and whether
 * the account is suspended (its ONTs are disabled already). What ends with it besides the network ends now too
 * ({@link ServiceEndsWithDeactivation}: the closed location's other subscriptions, the account's open suspension).
 */
@Component("beginDeactivation")
public class BeginDeactivationDelegate implements JavaDelegate {

    private final Deactivations deactivations;
    private final DeactivatedNetwork network;
    private final DeactivationSettings settings;
    private final ServiceEndsWithDeactivation serviceEnd;

    public BeginDeactivationDelegate(Deactivations deactivations, DeactivatedNetwork network, DeactivationSettings settings,
                                     ServiceEndsWithDeactivation serviceEnd) {
        this.deactivations = deactivations;
        this.network = network;
        this.settings = settings;
        this.serviceEnd = serviceEnd;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ((Number) execution.getVariable("deactivationId")).longValue();
        if (!deactivations.begin(id)) {
            throw new IllegalStateException("Deactivation " + execution.getProcessBusinessKey() + " is no longer scheduled: "
                    + deactivations.get(id).status());
        }
        Deactivations.Row row = deactivations.get(id);
        boolean location = row.kind().equals("location");
        List<String> onts = location && row.locationId() != null ? network.ontSerials(row.locationId()) : List.of();
        List<String> dids = location ? (row.locationId() != null ? network.phoneLines(row.locationId()) : List.of()) : List.of(row.did());
        execution.setVariable("ontSerials", new ArrayList<>(onts));
        execution.setVariable("dids", new ArrayList<>(dids));
        execution.setVariable("accountSuspended", network.accountSuspended(row.customerId()));
        execution.setVariable("ontAwaitingRemoval", false);
        execution.setVariable("graceUntil", settings.graceEndsFromNow());
        serviceEnd.endWith(row);   // after accountSuspended is read: the suspension may end here
    }
}
