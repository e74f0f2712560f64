package ca.gigafibre.automation.voip;

import ca.gigafibre.automation.adapter.e911.E911Client;
import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_Verify911Address}: reads the registration back from the provider and compares it with ours after
 * normalisation. Confirmed: recorded and the line flagged synced. Missing or different: a person corrects it.
 */
@Component("verify911Address")
public class Verify911AddressDelegate implements JavaDelegate {

    private final E911Client provider;
    private final E911Addresses addresses;
    private final AddressNormalizer normalizer;

    public Verify911AddressDelegate(E911Client provider, E911Addresses addresses, AddressNormalizer normalizer) {
        this.provider = provider;
        this.addresses = addresses;
        this.normalizer = normalizer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String did = (String) execution.getVariable("did");
        E911AddressRow ours = addresses.get(did);
        List<String> differences = provider.find(did)
                .map(r -> normalizer.differences(ours.civic(),
                        new CivicAddress(r.streetNumber(), r.apt(), r.streetName(), r.city(), r.province(), r.postalCode())))
                .orElse(List.of("registration"));
        if (!differences.isEmpty()) {
            E911CorrectionForm.prefill(execution, ours, "Le fournisseur 9-1-1 ne détient pas cette adresse / the provider does not hold this address",
                    String.join(", ", differences));
            throw new BpmnError(Register911AddressDelegate.REJECTED, "911 registration of " + did + " differs: " + differences);
        }
        addresses.markConfirmed(did);
        execution.setVariable("e911Confirmed", true);
    }
}
