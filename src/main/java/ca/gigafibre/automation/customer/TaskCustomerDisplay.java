package ca.gigafibre.automation.customer;

import ca.gigafibre.automation.customer.TaskCustomers.TaskCustomer;
import ca.gigafibre.automation.platform.text.QuebecFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * Runs as a user task starts, before its name is evaluated: reads the task's customer from the database and sets the
 * read-only display variables its form, its name and the Tasklist filters show — name, phone numbers, language, a link
 * to the Customer 360 page, the task's amount and due date the Quebec way, and its subject (name and amount) for the
 * task's name. Always sets them (empty when the task
 * names no customer), so a name like {@code ${customerName}} never fails. No secret is read.
 */
class TaskCustomerDisplay implements ExecutionListener {

    /** The display variables, in the order forms show them. */
    static final List<String> VARIABLES = List.of("customerName", "customerPhones", "customerLanguage", "customer360Link",
            "customerOverdueText", "amountText", "dueDateText", "dueDateTextEn", "taskSubject");

    /** Facts the display computes itself, which a task's {@code displayAmount}/{@code displayDueDate} may name like a variable. */
    static final String OVERDUE_BALANCE = "customerOverdueBalance";
    static final String OVERDUE_SINCE = "customerOverdueSince";

    private final TaskCustomers customers;
    private final String amountSource;
    private final String dueDateSource;

    TaskCustomerDisplay(TaskCustomers customers, String amountSource, String dueDateSource) {
        this.customers = customers;
        this.amountSource = amountSource;
        this.dueDateSource = dueDateSource;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object customerId = execution.getVariable("customerId");
        String key = customerId instanceof String no && !no.isBlank() ? no : execution.getProcessBusinessKey();
        Object did = execution.getVariable("did");
        Optional<TaskCustomer> found = customers.find(key, did instanceof String line ? line : null);
        Map<String, Object> computed = found.<Map<String, Object>>map(c -> c.overdueSince() == null
                ? Map.of(OVERDUE_BALANCE, c.overdueBalance())
                : Map.of(OVERDUE_BALANCE, c.overdueBalance(), OVERDUE_SINCE, c.overdueSince())).orElse(Map.of());

        execution.setVariable("customerName", found.map(TaskCustomer::name).orElse(""));
        execution.setVariable("customerPhones", found.map(TaskCustomerDisplay::phones).orElse(""));
        execution.setVariable("customerLanguage", found.map(c -> "en".equals(c.language()) ? "Anglais / English" : "Français / French").orElse(""));
        execution.setVariable("customer360Link", found.map(c -> "/assistant?customer=" + c.customerNo()).orElse(""));
        execution.setVariable("customerOverdueText", found.map(c -> QuebecFormat.money(c.overdueBalance())).orElse(""));

        String amount = QuebecFormat.moneyOf(source(amountSource, computed, execution));
        LocalDate due = QuebecFormat.dayOf(source(dueDateSource, computed, execution));
        execution.setVariable("amountText", amount == null ? "" : amount);
        execution.setVariable("dueDateText", due == null ? "" : QuebecFormat.day(due));
        execution.setVariable("dueDateTextEn", due == null ? "" : QuebecFormat.englishDay(due));
        // what tells this task from the next in a list: "Marie Tremblay, 183,83 $" (a task name ends with ${taskSubject})
        String name = found.map(TaskCustomer::name).orElse("");
        execution.setVariable("taskSubject", amount == null || name.isEmpty() ? name : name + ", " + amount);
    }

    private static Object source(String name, Map<String, Object> computed, DelegateExecution execution) {
        if (name == null) {
            return null;
        }
        return computed.containsKey(name) ? computed.get(name) : execution.getVariable(name);
    }

    private static String phones(TaskCustomer customer) {
        List<String> phones = new ArrayList<>();
        if (customer.phone() != null && !customer.phone().isBlank()) {
            phones.add(QuebecFormat.phone(customer.phone()) + " (domicile / home)");
        }
        if (customer.cellPhone() != null && !customer.cellPhone().isBlank()) {
            phones.add(QuebecFormat.phone(customer.cellPhone()) + " (cellulaire / mobile)");
        }
        return phones.isEmpty() ? "aucun / none" : String.join(" · ", phones);
    }
}
