package ca.gigafibre.automation.demo;

import ca.gigafibre.automation.adapter.fake.FakeExternalSystems;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The fake 911 provider starts empty at every start; this gives it the registrations our data says it holds,
 * as the real provider would, so the orphan audit has a provider listing to compare.
 */
@Component
@ConditionalOnProperty(name = "automation.fakes.enabled", havingValue = "true")
public class FakeProviderSync {

    private static final Logger log = LoggerFactory.getLogger(FakeProviderSync.class);

    private final FakeExternalSystems fakes;
    private final JdbcClient jdbc;

    public FakeProviderSync(FakeExternalSystems fakes, JdbcClient jdbc) {
        this.fakes = fakes;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    public void onStart() {
        syncE911();
    }

    @EventListener(DemoDataLoaded.class)
    public void onLoad() {
        syncE911();
    }

    public void syncE911() {
        int count = jdbc.sql("""
                SELECT did, first_name, last_name, street_number, apt, street_name, city, province, postal_code, cauca_code,
                       service_class FROM automation.e911_address WHERE provider_status = 'provisioned'
                """).query(rs -> {
                    int n = 0;
                    while (rs.next()) {
                        Map<String, Object> subscriber = new HashMap<>();
                        subscriber.put("firstName", rs.getString("first_name"));
                        subscriber.put("lastName", rs.getString("last_name"));
                        subscriber.put("streetNumber", rs.getString("street_number"));
                        subscriber.put("apt", rs.getString("apt"));
                        subscriber.put("streetName", rs.getString("street_name"));
                        subscriber.put("city", rs.getString("city"));
                        subscriber.put("province", rs.getString("province"));
                        subscriber.put("postalCode", rs.getString("postal_code"));
                        subscriber.put("cityCode", rs.getString("cauca_code"));
                        subscriber.put("serviceClass", rs.getString("service_class"));
                        fakes.preloadE911(rs.getString("did"), subscriber);
                        n++;
                    }
                    return n;
                });
        log.info("Fake 911 provider holds the {} registrations of our data", count);
    }
}
