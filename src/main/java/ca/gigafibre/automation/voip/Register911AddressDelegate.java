package ca.gigafibre.automation.voip;

import ca.gigafibre.automation.adapter.ExternalRequestRejected;
import ca.gigafibre.automation.adapter.e911.E911Client;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_Register911Address}: PUT our 911 address of the DID to the provider. A 422 means the provider's
 * civic database does not know the address: the BPMN error {@code E911_ADDRESS_REJECTED} sends it to a person,
 * with the address and the fields at fault pre-filled in the form.
 */
@Component("register911Address")
public class Register911AddressDelegate implements JavaDelegate {

    public static final String REJECTED = "E911_ADDRESS_REJECTED";

    private final E911Client provider;
    private final E911Addresses addresses;

    public Register911AddressDelegate(E911Client provider, E911Addresses addresses) {
        this.provider = provider;
        this.addresses = addresses;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String did = (String) execution.getVariable("did");
        E911AddressRow a = addresses.get(did);
        try {
            provider.register(did, new E911Client.Subscriber(a.firstName(), a.lastName(), a.streetNumber(), a.apt(),
                    a.streetName(), a.city(), a.province(), a.postalCode(), a.caucaCode(), a.serviceClass(), null));
        } catch (ExternalRequestRejected e) {
            if (e.status() != 422) {
                throw e;
            }
            addresses.markRejected(did);
            E911CorrectionForm.prefill(execution, a, e.providerMessage(), String.join(", ", e.invalidFields()));
            throw new BpmnError(REJECTED, e.getMessage());
        }
    }
}
