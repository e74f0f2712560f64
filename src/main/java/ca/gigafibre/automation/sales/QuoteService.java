package ca.gigafibre.automation.sales;

import ca.gigafibre.automation.customer.CustomerRepository;
import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.error.FieldProblem;
import ca.gigafibre.automation.platform.error.InvalidRequestException;
import ca.gigafibre.automation.platform.time.BusinessTime;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a quote and starts its {@code sales-activation}, all or nothing: an unknown customer, location or SKU, or a
 * line without a positive quantity is refused with the field at fault ({@code lines[1].quantity}) and nothing is written.
 */
@Service
public class QuoteService {

    private final JdbcClient jdbc;
    private final CustomerRepository customers;
    private final Quotes quotes;
    private final SalesActivations activations;
    private final SalesSettings settings;
    private final ObjectMapper json;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    public QuoteService(JdbcClient jdbc, CustomerRepository customers, Quotes quotes, SalesActivations activations,
                        SalesSettings settings, ObjectMapper json, AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.quotes = quotes;
        this.activations = activations;
        this.settings = settings;
        this.json = json;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public QuoteView create(NewQuote request) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Long> customerId = jdbc.sql("SELECT id FROM automation.customer WHERE customer_no = :no")
                .param("no", request.customerId()).query(Long.class).optional();
        if (customerId.isEmpty()) {
            problems.add(new FieldProblem("customerId", "no customer has id " + request.customerId()));
        }
        Long locationId = location(request, customerId.orElse(null), problems);
        List<PricedLine> lines = lines(request.lines(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        LocalDate today = BusinessTime.today();
        long quoteId = jdbc.sql("""
                INSERT INTO automation.quote (customer_id, location_id, address, quote_type, template, po, quote_date, expires_on,
                    status, terms, sales_rep)
                VALUES (:customer, :location, CAST(:address AS jsonb), :type, :template, :po, :date, :expires, 'draft', :terms, :rep)
                RETURNING id
                """)
                .param("customer", customerId.get()).param("location", locationId).param("address", address(request))
                .param("type", type(request)).param("template", "commercial".equals(type(request)) ? "Commercial" : "Résidentiel")
                .param("po", request.po()).param("date", today).param("expires", today.plusDays(settings.quoteValidDays()))
                .param("terms", request.terms() == null ? settings.defaultTerms() : request.terms())
                .param("rep", ca.gigafibre.automation.platform.audit.AuditLog.currentActor())
                .query(Long.class).single();
        int lineNo = 1;
        for (PricedLine line : lines) {
            jdbc.sql("""
                    INSERT INTO automation.quote_line (quote_id, line_no, kind, sku, description, unit_amount, quantity, total)
                    VALUES (:quote, :no, :kind, :sku, :description, :price, :quantity, :total)
                    """)
                    .param("quote", quoteId).param("no", lineNo++).param("kind", line.frequency()).param("sku", line.sku())
                    .param("description", line.description()).param("price", line.unitPrice()).param("quantity", line.quantity())
                    .param("total", line.total()).update();
        }
        events.publishEvent(new QuoteCreated(quoteId));
        QuoteView quote = quotes.get(quoteId);
        activations.startForNewQuote(quote);
        audit.record("quote.created", "quote", quote.id(), null, Map.of("customer", quote.customerId(), "total", quote.total()));
        return quotes.get(quoteId);
    }

    private Long location(NewQuote request, Long customerId, List<FieldProblem> problems) {
        if (request.locationId() != null && request.location() != null) {
            problems.add(new FieldProblem("locationId", "give either locationId or location (a new address), not both"));
            return null;
        }
        if (request.locationId() == null) {
            if (request.location() == null) {
                problems.add(new FieldProblem("locationId", "is required, or location with the new service address"));
            }
            return null;
        }
        Optional<Long> location = jdbc.sql("SELECT id FROM automation.service_location WHERE location_no = :no AND customer_id = :customer")
                .param("no", request.locationId()).param("customer", customerId == null ? -1L : customerId).query(Long.class).optional();
        if (location.isEmpty()) {
            problems.add(new FieldProblem("locationId", "no service location " + request.locationId() + " belongs to customer " + request.customerId()));
        }
        return location.orElse(null);
    }

    private List<PricedLine> lines(List<NewQuote.Line> lines, List<FieldProblem> problems) {
        List<PricedLine> priced = new ArrayList<>();
        if (lines == null || lines.isEmpty()) {
            problems.add(new FieldProblem("lines", "a quote needs at least one line"));
            return priced;
        }
        for (int i = 0; i < lines.size(); i++) {
            NewQuote.Line line = lines.get(i);
            String at = "lines[" + i + "].";
            if (line == null) {
                problems.add(new FieldProblem("lines[" + i + "]", "must not be null"));
                continue;
            }
            Optional<CatalogPlan> plan = line.sku() == null ? Optional.empty() : jdbc.sql("""
                    SELECT sku, name_fr, price, billing_frequency FROM automation.plan WHERE sku = :sku AND active
                    """).param("sku", line.sku().strip())
                    .query((rs, n) -> new CatalogPlan(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4))).optional();
            if (plan.isEmpty()) {
                problems.add(new FieldProblem(at + "sku", line.sku() == null ? "is required" : "no active plan or item has SKU " + line.sku()));
            }
            if (line.quantity() == null || line.quantity() <= 0) {
                problems.add(new FieldProblem(at + "quantity", "must be a positive whole number"));
            }
            if (line.unitPrice() != null && (line.unitPrice().signum() < 0 || line.unitPrice().scale() > 2)) {
                problems.add(new FieldProblem(at + "unitPrice", "must be a non-negative amount with at most 2 decimals"));
            }
            if (line.frequency() != null && !List.of("one-time", "monthly", "annual").contains(line.frequency())) {
                problems.add(new FieldProblem(at + "frequency", "must be one-time, monthly or annual"));
            }
            if (line.description() != null && line.description().length() > 500) {
                problems.add(new FieldProblem(at + "description", "must be at most 500 characters"));
            }
            if (plan.isPresent() && line.quantity() != null && line.quantity() > 0) {
                BigDecimal price = line.unitPrice() != null ? line.unitPrice() : plan.get().price();
                priced.add(new PricedLine(plan.get().sku(),
                        line.description() == null || line.description().isBlank() ? plan.get().name() : line.description().strip(),
                        line.quantity(), price, line.frequency() != null ? line.frequency() : plan.get().frequency(),
                        price.multiply(BigDecimal.valueOf(line.quantity())).setScale(2, RoundingMode.HALF_UP)));
            }
        }
        return priced;
    }

    private String address(NewQuote request) {
        if (request.location() == null) {
            return null;
        }
        try {
            return json.writeValueAsString(request.location());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String type(NewQuote request) {
        return request.type() == null ? "residential" : request.type();
    }

    private record CatalogPlan(String sku, String name, BigDecimal price, String frequency) {
    }

    private record PricedLine(String sku, String description, int quantity, BigDecimal unitPrice, String frequency, BigDecimal total) {
    }
}
