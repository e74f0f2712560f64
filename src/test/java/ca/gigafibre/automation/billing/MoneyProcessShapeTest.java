package ca.gigafibre.automation.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collection;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.junit.jupiter.api.Test;

/**
 * The shape of the money wing's charge: in billing-collections and the ppa-charge it calls a
 * message is awaited by one of the two only, so correlating it by the invoice (their shared business key) reaches the
 * one instance that waits.
 */
class MoneyProcessShapeTest {

    private final BpmnModelInstance billing = Bpmn.readModelFromFile(Path.of("processes/billing-collections.bpmn").toFile());
    private final BpmnModelInstance charge = Bpmn.readModelFromFile(Path.of("processes/ppa-charge.bpmn").toFile());

    @Test
    void chargeSettledIsAwaitedOnlyInPpaChargeAndPaymentReceivedOnlyByItsCaller() {
        assertThat(waitsFor(charge, "ChargeSettled")).isEqualTo(1);
        assertThat(waitsFor(billing, "ChargeSettled")).isZero();
        assertThat(waitsFor(charge, "PaymentReceived")).isZero();
    }

    @Test
    void theCallPassesTheInvoiceAsBusinessKeyAndOnlyNamedVariables() {
        CallActivity call = billing.getModelElementById("CallActivity_PpaCharge");
        assertThat(call.getCalledElement()).isEqualTo("ppa-charge");
        Collection<CamundaIn> ins = call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list();
        assertThat(ins).anySatisfy(in -> assertThat(in.getCamundaBusinessKey()).isEqualTo("#{execution.processBusinessKey}"));
        assertThat(ins).noneSatisfy(in -> assertThat(in.getCamundaVariables()).isEqualTo("all"));
        assertThat(ins).filteredOn(in -> in.getCamundaBusinessKey() == null).extracting(CamundaIn::getCamundaSource)
                .doesNotContainNull().doesNotHaveDuplicates();
    }

    /** Catch events, boundary events and receive tasks waiting for the message. */
    private static long waitsFor(BpmnModelInstance model, String message) {
        long events = model.getModelElementsByType(MessageEventDefinition.class).stream()
                .filter(d -> d.getMessage() != null && message.equals(d.getMessage().getName())).count();
        long receives = model.getModelElementsByType(ReceiveTask.class).stream()
                .filter(r -> r.getMessage() != null && message.equals(r.getMessage().getName())).count();
        return events + receives;
    }
}
