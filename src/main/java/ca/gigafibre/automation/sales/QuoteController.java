package ca.gigafibre.automation.sales;

import ca.gigafibre.automation.platform.audit.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class QuoteController {

    private final QuoteService service;
    private final Quotes quotes;
    private final SalesActivations activations;
    private final QuotePdf pdf;

    public QuoteController(QuoteService service, Quotes quotes, SalesActivations activations, QuotePdf pdf) {
        this.service = service;
        this.quotes = quotes;
        this.activations = activations;
        this.pdf = pdf;
    }

    @PostMapping("/api/quotes")
    @Operation(summary = "Create a quote (one-time and recurring lines, taxes) and start its sales-activation: review, signature, activation")
    public ResponseEntity<QuoteView> create(@Valid @RequestBody NewQuote request) {
        QuoteView quote = service.create(request);
        return ResponseEntity.created(URI.create("/api/quotes/" + quote.id())).body(quote);
    }

    @GetMapping(value = "/api/quotes/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A quote with its subtotals (recurring, one-time), TPS, TVQ and total")
    public QuoteView get(@PathVariable String id) {
        return quotes.get(id);
    }

    @GetMapping(value = "/api/quotes/{id}", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The quote as a PDF (French first), with the QR code of its signing link")
    public ResponseEntity<byte[]> pdf(@PathVariable String id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"" + id + ".pdf\"")
                .body(pdf.render(quotes.get(id)));
    }

    @PostMapping("/api/quotes/{id}/accept")
    @Operation(summary = "Record the customer's acceptance by phone or in person; the quote goes on to activation like a signed one")
    public QuoteView accept(@PathVariable String id, @Valid @RequestBody QuoteAcceptance acceptance) {
        return activations.signed(id, acceptance.method() == null ? "phone" : acceptance.method(),
                acceptance.acceptedBy() + " (" + AuditLog.currentActor() + ")", acceptance.note());
    }

    @PostMapping("/api/quotes/{id}/convert")
    @Operation(summary = "Convert a quote signed outside the engine (legacy) to active service: activation without the signature step")
    public QuoteView convert(@PathVariable String id) {
        return activations.convert(id, AuditLog.currentActor());
    }
}
