package ca.gigafibre.automation.assistant;

import ca.gigafibre.automation.customer.CustomerService;
import ca.gigafibre.automation.customer.CustomerSummary;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The customer a sentence names, through the customer search of {@code GET /api/customers?q=}: one hit is the customer;
 * several are a {@link Clarification} with the candidates (never a guess); none is a question too.
 */
@Component
public class CustomerResolver {

    static final int MAX_CANDIDATES = 10;

    private final CustomerService customers;

    public CustomerResolver(CustomerService customers) {
        this.customers = customers;
    }

    /** @param onScreen the customer on screen: when it is one of several matches, it is the one meant (the user picked it) */
    public String resolve(String reference, String onScreen) {
        List<CustomerSummary> hits = customers.search(reference, MAX_CANDIDATES + 1);
        if (hits.size() == 1) {
            return hits.get(0).id();
        }
        if (onScreen != null && hits.stream().anyMatch(h -> h.id().equals(onScreen))) {
            return onScreen;
        }
        List<CustomerSummary> exact = hits.stream().filter(h -> h.id().equalsIgnoreCase(reference)).toList();
        if (exact.size() == 1) {
            return exact.get(0).id();
        }
        if (hits.isEmpty()) {
            throw new Clarification("Aucun client ne correspond à « " + reference + " » : lequel ?",
                    "No customer matches \"" + reference + "\": which one?");
        }
        List<Candidate> candidates = hits.stream().limit(MAX_CANDIDATES)
                .map(h -> new Candidate(h.id(), h.companyName() != null ? h.companyName() + " (" + h.name() + ")" : h.name(), h.address(), h.phone()))
                .toList();
        throw new Clarification(candidates.size() + " clients correspondent à « " + reference + " » : lequel ?",
                candidates.size() + " customers match \"" + reference + "\": which one?", candidates);
    }
}
