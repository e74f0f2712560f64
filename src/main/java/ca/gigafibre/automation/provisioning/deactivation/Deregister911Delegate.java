package ca.gigafibre.automation.provisioning.deactivation;

import ca.gigafibre.automation.adapter.ExternalSystemUnavailable;
import ca.gigafibre.automation.adapter.e911.E911Client;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_Deregister911}, one job per DID ({@code did}): the provider deregisters the 911 address and is read back —
 * a DID it still holds fails the job (retried, then an incident) rather than leaving an orphan registration. Then our
 * address goes too, so no report keeps it.
 */
@Component("deregister911Address")
public class Deregister911Delegate implements JavaDelegate {

    private final E911Client provider;
    private final DeactivatedNetwork network;

    public Deregister911Delegate(E911Client provider, DeactivatedNetwork network) {
        this.provider = provider;
        this.network = network;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String did = (String) execution.getVariable("did");
        provider.deregister(did);
        if (provider.find(did).isPresent()) {
            throw new ExternalSystemUnavailable(E911Client.SYSTEM, "GET /v1/subscribers/{did}",
                    "the registration of " + did + " is still there after its deregistration", null);
        }
        network.forget911Address(did);
    }
}
