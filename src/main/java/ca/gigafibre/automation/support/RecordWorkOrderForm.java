package ca.gigafibre.automation.support;

import ca.gigafibre.automation.platform.error.FieldProblem;
import ca.gigafibre.automation.platform.error.InvalidRequestException;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordWorkOrder}, run in the completion of "Remplir le bon de travail": the form's fields (tech1, tech2,
 * parts as "RTR-SALE x1, ATA-HT502 x2") become the same request as the API's, recorded the same way; a problem refuses
 * the completion with the field at fault.
 */
@Component("recordWorkOrderForm")
public class RecordWorkOrderForm implements JavaDelegate {

    private final WorkOrders workOrders;

    public RecordWorkOrderForm(WorkOrders workOrders) {
        this.workOrders = workOrders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<FieldProblem> problems = new ArrayList<>();
        List<NewWorkOrder.Technician> technicians = new ArrayList<>();
        for (String tech : List.of("tech1", "tech2")) {
            Object id = execution.getVariable(tech + "Id");
            if (id == null || id.toString().isBlank()) {
                continue;
            }
            technicians.add(new NewWorkOrder.Technician(id.toString(), time(execution.getVariable(tech + "ArrivedAt"), tech + "ArrivedAt", problems),
                    time(execution.getVariable(tech + "DepartedAt"), tech + "DepartedAt", problems)));
        }
        List<NewWorkOrder.Part> parts = parts((String) execution.getVariable("partsUsed"), problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        WorkOrderView order = workOrders.record(execution.getProcessBusinessKey(), new NewWorkOrder(technicians, parts,
                (String) execution.getVariable("workNotes"), (String) execution.getVariable("workOutcome"),
                (String) execution.getVariable("workCause"), Boolean.TRUE.equals(execution.getVariable("customerOwnedEquipment"))));
        execution.setVariable("workOrderId", order.id());
    }

    /** A form datetime: with an offset, or a Montreal local time. */
    private static OffsetDateTime time(Object value, String field, List<FieldProblem> problems) {
        if (value == null || value.toString().isBlank()) {
            return null;   // reported as required by WorkOrders, with the API's field name
        }
        try {
            return OffsetDateTime.parse(value.toString());
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value.toString()).atZone(BusinessTime.ZONE).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem(field, "must be a date and time such as 2026-03-10T10:30"));
                return null;
            }
        }
    }

    private static List<NewWorkOrder.Part> parts(String text, List<FieldProblem> problems) {
        List<NewWorkOrder.Part> parts = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return parts;
        }
        for (String item : text.split("[,;\\n]+")) {
            String[] skuAndQuantity = item.strip().split("\\s*[xX×]\\s*(?=\\d)");
            try {
                parts.add(new NewWorkOrder.Part(skuAndQuantity[0].strip(),
                        skuAndQuantity.length > 1 ? new BigDecimal(skuAndQuantity[1].strip()) : BigDecimal.ONE));
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("partsUsed", "\"" + item.strip() + "\" must be SKU x quantity, such as RTR-SALE x1"));
            }
        }
        return parts;
    }
}
