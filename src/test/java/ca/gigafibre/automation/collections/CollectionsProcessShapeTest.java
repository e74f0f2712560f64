package ca.gigafibre.automation.collections;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collection;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.junit.jupiter.api.Test;

/**
 * The account's collections case and the stages it calls (each on a screen: EveryProcessFitsOnAScreenTest): the stages share the customer id as
 * business key and get only named variables, and OverdueBalanceCleared is awaited by the case alone, so its
 * correlation by the customer id reaches the one instance that closes the case (ArrangementMade is correlated to
 * every instance of the account that waits for it).
 */
class CollectionsProcessShapeTest {

    private final BpmnModelInstance cases = read("account-collections");
    private final BpmnModelInstance negotiation = read("account-collections-negotiation");
    private final BpmnModelInstance suspension = read("account-collections-suspension");

    @Test
    void eachTaskIsInTheStageThatOwnsIt() {
        assertThat((Object) negotiation.getModelElementById("UserTask_NegotiateArrangement")).isNotNull();
        assertThat((Object) suspension.getModelElementById("UserTask_ReviewWriteOff")).isNotNull();
        assertThat((Object) cases.getModelElementById("UserTask_NegotiateArrangement")).isNull();
        assertThat((Object) cases.getModelElementById("UserTask_ReviewWriteOff")).isNull();
    }

    @Test
    void overdueBalanceClearedIsAwaitedOnlyByTheCase() {
        assertThat(waitsFor(cases, "OverdueBalanceCleared")).isEqualTo(1);
        assertThat(waitsFor(negotiation, "OverdueBalanceCleared")).isZero();
        assertThat(waitsFor(suspension, "OverdueBalanceCleared")).isZero();
    }

    @Test
    void eachCallPassesTheCustomerAsBusinessKeyAndOnlyNamedVariables() {
        assertCalls(cases.getModelElementById("CallActivity_Negotiation"), "account-collections-negotiation");
        assertCalls(negotiation.getModelElementById("CallActivity_SuspensionStage"), "account-collections-suspension");
    }

    private static void assertCalls(CallActivity call, String key) {
        assertThat(call.getCalledElement()).isEqualTo(key);
        Collection<CamundaIn> ins = call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list();
        assertThat(ins).anySatisfy(in -> assertThat(in.getCamundaBusinessKey()).isEqualTo("#{execution.processBusinessKey}"));
        assertThat(ins).noneSatisfy(in -> assertThat(in.getCamundaVariables()).isEqualTo("all"));
        assertThat(ins).filteredOn(in -> in.getCamundaBusinessKey() == null).extracting(CamundaIn::getCamundaSource)
                .doesNotContainNull().doesNotHaveDuplicates().contains("customerId", "caseId");
    }

    private static long waitsFor(BpmnModelInstance model, String message) {
        return model.getModelElementsByType(MessageEventDefinition.class).stream()
                .filter(d -> d.getMessage() != null && message.equals(d.getMessage().getName())).count();
    }

    private static BpmnModelInstance read(String key) {
        return Bpmn.readModelFromFile(Path.of("processes/" + key + ".bpmn").toFile());
    }
}
