package ca.gigafibre.automation.voip;

import ca.gigafibre.automation.platform.audit.AuditLog;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_SaveCorrected911Address}: the address a person corrected becomes ours, to be registered again. */
@Component("saveCorrected911Address")
public class SaveCorrected911AddressDelegate implements JavaDelegate {

    private final E911Addresses addresses;
    private final AuditLog audit;

    public SaveCorrected911AddressDelegate(E911Addresses addresses, AuditLog audit) {
        this.addresses = addresses;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String did = (String) execution.getVariable("did");
        CivicAddress corrected = E911CorrectionForm.corrected(execution);
        addresses.replaceAddress(did, E911CorrectionForm.text(execution, "e911FirstName"),
                E911CorrectionForm.text(execution, "e911LastName"), corrected);
        audit.record("e911.address-corrected", "voip-line", did, "provider rejected the address",
                Map.of("address", VoipLineAddresses.oneLine(corrected), "processInstanceId", execution.getProcessInstanceId()));
    }
}
