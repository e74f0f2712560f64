package ca.gigafibre.automation.support;

import ca.gigafibre.automation.customer.CustomerNo;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class TicketController {

    public static final String WORK_ORDER_LOGGED = "WorkOrderLogged";

    private final TicketService service;
    private final Tickets tickets;
    private final WorkOrders workOrders;
    private final RuntimeService runtime;

    public TicketController(TicketService service, Tickets tickets, WorkOrders workOrders, RuntimeService runtime) {
        this.service = service;
        this.tickets = tickets;
        this.workOrders = workOrders;
        this.runtime = runtime;
    }

    @PostMapping("/api/tickets")
    @Operation(summary = "Open a ticket: DMN triage, remote diagnosis and fix, or a technician's visit (support-resolution)")
    public ResponseEntity<TicketView> open(@Valid @RequestBody NewTicket ticket) {
        TicketView opened = service.open(ticket);
        return ResponseEntity.created(URI.create("/api/tickets/" + opened.id())).body(opened);
    }

    @GetMapping("/api/tickets/{id}")
    @Operation(summary = "A ticket with its triage, SLA, diagnosis and resolution")
    public TicketView get(@PathVariable String id) {
        return tickets.get(id);
    }

    @GetMapping("/api/customers/{id}/tickets")
    @Operation(summary = "A customer's tickets, newest first")
    public List<TicketView> ofCustomer(@PathVariable CustomerNo id) {
        return service.ofCustomer(id);
    }

    @PostMapping("/api/tickets/{id}/work-orders")
    @Transactional
    @Operation(summary = "Record the work order (bon de travail) of a visit: technicians' times, parts, notes, outcome; the ticket's process goes on")
    public ResponseEntity<WorkOrderView> workOrder(@PathVariable String id, @RequestBody NewWorkOrder order) {
        WorkOrderView recorded = workOrders.record(id, order);
        try {
            // by the ticket id: only the visit's support-work-order (called with that business key, one visit at a time) waits for it
            runtime.createMessageCorrelation(WORK_ORDER_LOGGED).processInstanceBusinessKey(id)
                    .setVariables(Map.of("workOrderId", recorded.id(), "workCause", order.cause() == null ? "other" : order.cause(),
                            "customerOwnedEquipment", Boolean.TRUE.equals(order.customerOwnedEquipment())))
                    .correlate();
        } catch (MismatchingMessageCorrelationException notWaiting) {
            // a ticket whose process does not wait for a work order (closed, or legacy): the work order is only recorded
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(recorded);
    }
}
