package ca.gigafibre.automation.customer;

import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.error.NotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CustomerService {

    private final CustomerRepository customers;
    private final CustomerSearch search;
    private final List<Customer360Part> parts;
    private final List<Customer360Badge> badges;
    private final List<Customer360LocationPart> locationParts;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    public CustomerService(CustomerRepository customers, CustomerSearch search, List<Customer360Part> parts,
                           List<Customer360Badge> badges, List<Customer360LocationPart> locationParts, AuditLog audit,
                           ApplicationEventPublisher events) {
        this.customers = customers;
        this.search = search;
        this.parts = parts;
        this.badges = badges;
        this.locationParts = locationParts;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public CustomerView create(NewCustomer request) {
        long id = customers.insert(request);
        String locationNo = customers.insertLocation(id, request.location());
        String customerNo = customers.customerNoOf(id);
        events.publishEvent(new CustomerCreated(id));
        events.publishEvent(new LocationCreated(locationNo));
        audit.record("customer.created", "customer", customerNo, null, Map.of("location", locationNo));
        return view(id);
    }

    @Transactional(readOnly = true)
    public CustomerView get(CustomerNo customerNo) {
        return view(customers.idOf(customerNo, "id"));
    }

    @Transactional(readOnly = true)
    public List<CustomerSummary> search(String q, int limit) {
        return search.find(q, limit);
    }

    private CustomerView view(long id) {
        CustomerRow c = customers.find(id).orElseThrow(() -> new NotFoundException("Customer", "#" + id, "id"));
        Map<String, Object> related = new LinkedHashMap<>();
        parts.forEach(part -> related.put(part.key(), part.describe(id)));
        return new CustomerView(c.customerNo(), c.legacyAccountId(), c.firstName(), c.lastName(), c.companyName(),
                c.email(), c.phone(), c.cellPhone(), c.language(), c.commercial(), c.vip(), c.neverSuspend(), c.status(),
                c.createdAt(), badges(c), locations(c), related);
    }

    /** The header's badges: the account's flags, and each capability's badge the customer has (suspended, arrangement ...). */
    private Map<String, Object> badges(CustomerRow c) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("vip", c.vip());
        shown.put("commercial", c.commercial());
        shown.put("neverSuspend", c.neverSuspend());
        for (Customer360Badge badge : badges) {
            Object value = badge.badge(c.id());
            if (value != null) {
                shown.put(badge.key(), value);
            }
        }
        return shown;
    }

    /** Each location with the link to its live status and what is installed there. */
    private List<Location360> locations(CustomerRow c) {
        Map<String, Map<String, ?>> byPart = new LinkedHashMap<>();
        locationParts.forEach(part -> byPart.put(part.key(), part.byLocation(c.id())));
        return customers.locations(c.id()).stream().map(location -> {
            Map<String, Object> related = new LinkedHashMap<>();
            byPart.forEach((key, values) -> related.put(key, values.containsKey(location.id()) ? values.get(location.id()) : List.of()));
            String connection = "/api/customers/" + c.customerNo() + "/connection?locationId=" + location.id();
            return new Location360(location, connection, related);
        }).toList();
    }
}
