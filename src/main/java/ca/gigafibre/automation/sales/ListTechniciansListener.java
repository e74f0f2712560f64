package ca.gigafibre.automation.sales;

import ca.gigafibre.automation.support.Technicians;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On "Planifier l'installation": the active technicians, one per line ("TECH-001 — Gen Lussier"), for the form. */
@Component("listTechnicians")
public class ListTechniciansListener implements TaskListener {

    private final Technicians technicians;

    public ListTechniciansListener(Technicians technicians) {
        this.technicians = technicians;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariable("availableTechnicians", technicians.active().stream().map(Technicians.Technician::label)
                .collect(Collectors.joining("\n")));
    }
}
