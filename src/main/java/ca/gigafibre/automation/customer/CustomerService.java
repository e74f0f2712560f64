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
    private final List<Customer360Part> parts;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    public CustomerService(CustomerRepository customers, List<Customer360Part> parts, AuditLog audit, ApplicationEventPublisher events) {
        this.customers = customers;
        this.parts = parts;
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
    public CustomerView get(String customerNo) {
        return view(customers.idOf(customerNo, "id"));
    }

    @Transactional(readOnly = true)
    public List<CustomerSummary> search(String q, int limit) {
        return customers.search(q, limit);
    }

    private CustomerView view(long id) {
        CustomerRow c = customers.find(id).orElseThrow(() -> new NotFoundException("Customer", "#" + id, "id"));
        Map<String, Object> related = new LinkedHashMap<>();
        parts.forEach(part -> related.put(part.key(), part.describe(id)));
        return new CustomerView(c.customerNo(), c.legacyAccountId(), c.firstName(), c.lastName(), c.companyName(),
                c.email(), c.phone(), c.cellPhone(), c.language(), c.commercial(), c.vip(), c.neverSuspend(), c.status(),
                c.createdAt(), customers.locations(id), related);
    }
}
