package ca.gigafibre.automation.adapter.e911;

import ca.gigafibre.automation.adapter.AdapterEndpoints;
import ca.gigafibre.automation.adapter.ExternalApi;
import ca.gigafibre.automation.adapter.ExternalRequestRejected;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/** 911 provider ({@code shared/contracts/e911.yaml}): civic address per DID; 422 names the fields at fault. */
@Component
public class E911Client {

    public static final String SYSTEM = "e911";
    private static final int PAGE_SIZE = 500;

    private final Supplier<ExternalApi> api;

    public E911Client(AdapterEndpoints endpoints) {
        this.api = SingletonSupplier.of(() -> ExternalApi.of(SYSTEM, endpoints));
    }

    public record Subscriber(String firstName, String lastName, String streetNumber, String apt, String streetName, String city,
                             String province, String postalCode, String cityCode, String serviceClass, String info) {
    }

    public record Registration(String did, String firstName, String lastName, String streetNumber, String apt, String streetName,
                               String city, String province, String postalCode, String cityCode, String serviceClass,
                               String status, Boolean enhancedCapable, String updatedAt) {
    }

    private record Page(List<Registration> items, int page, int totalPages) {
    }

    /** PUT: registers or updates the civic address; {@link ca.gigafibre.automation.adapter.ExternalRequestRejected} on 422. */
    public Registration register(String did, Subscriber subscriber) {
        return api.get().call("PUT /v1/subscribers/{did}", c -> c.put().uri("/v1/subscribers/{did}", did)
                .body(subscriber).retrieve().body(Registration.class));
    }

    public Optional<Registration> find(String did) {
        return api.get().find("GET /v1/subscribers/{did}", c -> c.get().uri("/v1/subscribers/{did}", did)
                .retrieve().body(Registration.class));
    }

    /**
     * DELETE: the DID's registration is removed. Idempotent: a 404 (never registered, or removed by an earlier try)
     * counts as done, so a retried job or request never fails on its own success.
     */
    public void deregister(String did) {
        try {
            api.get().call("DELETE /v1/subscribers/{did}", c -> c.delete().uri("/v1/subscribers/{did}", did)
                    .retrieve().toBodilessEntity());
        } catch (ExternalRequestRejected e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    /** Every registration the provider holds, page by page. */
    public List<Registration> listAll() {
        List<Registration> all = new ArrayList<>();
        int page = 0;
        int totalPages;
        do {
            int current = page;
            Page answer = api.get().call("GET /v1/subscribers", c -> c.get()
                    .uri(u -> u.path("/v1/subscribers").queryParam("page", current).queryParam("size", PAGE_SIZE).build())
                    .retrieve().body(Page.class));
            if (answer == null || answer.items() == null) {
                break;
            }
            all.addAll(answer.items());
            totalPages = answer.totalPages();
            page++;
        } while (page < totalPages);
        return all;
    }
}
