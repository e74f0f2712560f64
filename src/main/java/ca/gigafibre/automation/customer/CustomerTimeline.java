package ca.gigafibre.automation.customer;

import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** Customer 360's "timeline": every source's newest entries merged, newest first, bounded. */
@Component
class CustomerTimeline implements Customer360Part {

    static final int LIMIT = 50;

    private final List<TimelineSource> sources;
    private final CustomerRepository customers;

    CustomerTimeline(List<TimelineSource> sources, CustomerRepository customers) {
        this.sources = sources;
        this.customers = customers;
    }

    @Override
    public String key() {
        return "timeline";
    }

    @Override
    public Object describe(long customerId) {
        CustomerRef customer = customers.refOf(customerId);
        return sources.stream()
                .flatMap(source -> source.recent(customer, LIMIT).stream())
                .sorted(Comparator.comparing(TimelineEntry::at, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(LIMIT)
                .toList();
    }
}
