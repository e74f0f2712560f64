package ca.gigafibre.automation.voip;

import ca.gigafibre.automation.adapter.pbx.PbxClient;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CreateSipLine} / {@code Task_ConfigureVoicemail}: PUT the DID's line on the PBX (idempotent by DID),
 * with voicemail when the activity's input {@code withVoicemail} is true. The line keeps the PBX state that
 * matches ours, so a new line is not live until {@code Task_ActivateLine}.
 */
@Component("putSipLine")
public class PutSipLineDelegate implements JavaDelegate {

    private final PbxClient pbx;
    private final PbxLineSpecs specs;

    public PutSipLineDelegate(PbxClient pbx, PbxLineSpecs specs) {
        this.pbx = pbx;
        this.specs = specs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String did = (String) execution.getVariable("did");
        boolean withVoicemail = Boolean.TRUE.equals(execution.getVariableLocal("withVoicemail"));
        pbx.put(did, specs.spec(did, withVoicemail, specs.pbxStateOf(did)));
    }
}
