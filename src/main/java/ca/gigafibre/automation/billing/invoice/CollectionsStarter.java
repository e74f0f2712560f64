package ca.gigafibre.automation.billing.invoice;

import ca.gigafibre.automation.billing.ppa.PpaDecider;
import ca.gigafibre.automation.billing.ppa.PpaFactsLoader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Starts a written invoice's {@code billing-collections}. The PPA rules decide here, in the writer's transaction, and the
 * instance starts right at the route they chose ({@code Gateway_PpaDecision}): it reaches its first wait (the
 * notification window, the charge's approval or notice) with no job of its own, which is most of the engine's work per
 * invoice in a billing run. When the rules cannot decide now, the instance starts at its beginning and
 * {@code Task_DecidePpa} decides in a job, where a failure becomes retries and then an incident.
 */
@Component
class CollectionsStarter {

    static final String DECIDED = "Gateway_PpaDecision";

    private static final Logger log = LoggerFactory.getLogger(CollectionsStarter.class);

    private final RuntimeService runtime;
    private final PpaDecider ppa;

    CollectionsStarter(RuntimeService runtime, PpaDecider ppa) {
        this.runtime = runtime;
        this.ppa = ppa;
    }

    /** Each invoice's process, the PPA facts of all of them read in one round trip. */
    void startAll(List<InvoiceWriter.Collectable> invoices) {
        Map<String, PpaFactsLoader.Loaded> facts = ppa.factsOf(invoices.stream().map(InvoiceWriter.Collectable::invoiceNo).toList());
        invoices.forEach(invoice -> start(invoice, facts.get(invoice.invoiceNo())));
    }

    private void start(InvoiceWriter.Collectable invoice, PpaFactsLoader.Loaded facts) {
        Map<String, Object> variables = InvoiceWriter.processVariables(invoice.invoiceNo(), invoice.customerNo(), invoice.dueDate());
        Optional<PpaDecider.Decided> decided = decideNow(invoice.invoiceNo(), facts);
        if (decided.isEmpty()) {
            runtime.startProcessInstanceByKey(InvoiceWriter.PROCESS, invoice.invoiceNo(), variables);
            return;
        }
        variables.putAll(decided.get().variables());
        ProcessInstance started = runtime.createProcessInstanceByKey(InvoiceWriter.PROCESS).businessKey(invoice.invoiceNo())
                .setVariables(variables).startBeforeActivity(DECIDED).execute();
        ppa.record(decided.get(), started.getId());
    }

    /** Empty when the rules fail on this invoice; a database failure fails the caller's transaction as any other would. */
    private Optional<PpaDecider.Decided> decideNow(String invoiceNo, PpaFactsLoader.Loaded facts) {
        try {
            return Optional.of(facts == null ? ppa.decide(invoiceNo) : ppa.decide(facts));
        } catch (DataAccessException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("Invoice {}: the PPA rules could not decide at its start ({}); Task_DecidePpa decides in a job instead", invoiceNo, e.toString());
            return Optional.empty();
        }
    }
}
