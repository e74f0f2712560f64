package ca.gigafibre.automation.collections;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collection;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.junit.jupiter.api.Test;

/**
 * suspension and the notice stage it calls: neither waits for a message (nothing is correlated
 * to them by the customer id they share), and the call hands over the business key and named variables only.
 */
class SuspensionProcessShapeTest {

    private final BpmnModelInstance suspension = Bpmn.readModelFromFile(Path.of("processes/suspension.bpmn").toFile());
    private final BpmnModelInstance notice = Bpmn.readModelFromFile(Path.of("processes/suspension-notice.bpmn").toFile());

    @Test
    void theNoticeAndTheCallLiveInTheCalledStageUnderTheirIds() {
        for (String id : new String[] {"Timer_NoticeSendingHours", "Task_SendSuspensionNotice", "UserTask_CallCustomer", "Task_RecordCallNotice"}) {
            assertThat((Object) notice.getModelElementById(id)).as(id).isNotNull();
            assertThat((Object) suspension.getModelElementById(id)).as(id).isNull();
        }
        assertThat((Object) suspension.getModelElementById("Timer_NoticePeriod")).isNotNull();
    }

    @Test
    void neitherWaitsForAMessage() {
        for (BpmnModelInstance model : new BpmnModelInstance[] {suspension, notice}) {
            assertThat(model.getModelElementsByType(MessageEventDefinition.class)).isEmpty();
            assertThat(model.getModelElementsByType(ReceiveTask.class)).isEmpty();
        }
    }

    @Test
    void theCallPassesTheCustomerAsBusinessKeyAndOnlyNamedVariables() {
        CallActivity call = suspension.getModelElementById("CallActivity_SuspensionNotice");
        assertThat(call.getCalledElement()).isEqualTo("suspension-notice");
        Collection<CamundaIn> ins = call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list();
        assertThat(ins).anySatisfy(in -> assertThat(in.getCamundaBusinessKey()).isEqualTo("#{execution.processBusinessKey}"));
        assertThat(ins).noneSatisfy(in -> assertThat(in.getCamundaVariables()).isEqualTo("all"));
        assertThat(ins).filteredOn(in -> in.getCamundaBusinessKey() == null).extracting(CamundaIn::getCamundaSource)
                .doesNotContainNull().doesNotHaveDuplicates().contains("customerId", "caseId", "suspensionDecision");
        Collection<CamundaOut> outs = call.getExtensionElements().getElementsQuery().filterByType(CamundaOut.class).list();
        assertThat(outs).noneSatisfy(out -> assertThat(out.getCamundaVariables()).isEqualTo("all"));
        assertThat(outs).extracting(CamundaOut::getCamundaSource).doesNotContainNull().contains("noticeGiven");
    }
}
