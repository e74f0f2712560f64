package ca.gigafibre.automation.customer;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import ca.gigafibre.automation.platform.web.Paged;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/customers")
public class CustomerController {

    private final CustomerService service;
    private final CustomerNotes notes;

    public CustomerController(CustomerService service, CustomerNotes notes) {
        this.service = service;
        this.notes = notes;
    }

    @PostMapping
    @Operation(summary = "Create a customer with the first service location")
    public ResponseEntity<CustomerView> create(@Valid @RequestBody NewCustomer request) {
        CustomerView created = service.create(request);
        return ResponseEntity.created(URI.create("/api/customers/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Customer 360 in one call: header badges (suspended, arrangement, auto-pay, flags), locations with equipment "
            + "and live-status link, VoIP lines with 911 status, subscriptions, quotes, tickets, work orders, latest invoices and "
            + "payments, IP and address history, notes, activity timeline")
    public CustomerView get(@PathVariable CustomerNo id) {
        return service.get(id);
    }

    @GetMapping
    @Operation(summary = "Search by name, company, phone (any format), e-mail, address, customer id or legacy id; accents and "
            + "case ignored; each hit says why it matched")
    public List<CustomerSummary> search(@RequestParam @NotBlank String q,
                                        @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return service.search(q, limit);
    }

    @GetMapping("/{id}/notes")
    @Operation(summary = "Staff notes on the customer, newest first (page from 0)")
    public Paged<NoteView> notes(@PathVariable CustomerNo id, @RequestParam(defaultValue = "0") @Min(0) int page,
                                 @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return notes.page(id, page, size);
    }

    @PostMapping("/{id}/notes")
    @Operation(summary = "Add a note (ops and admins); the author is the authenticated user, the text is kept as typed")
    public ResponseEntity<NoteView> addNote(@PathVariable CustomerNo id, @Valid @RequestBody NewNote note) {
        NoteView written = notes.add(id, note);
        return ResponseEntity.created(URI.create("/api/customers/" + id + "/notes")).body(written);
    }
}
