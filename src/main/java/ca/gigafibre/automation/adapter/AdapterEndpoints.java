package ca.gigafibre.automation.adapter;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Where each adapter sends its calls. An explicit {@code automation.adapters.<name>.base-url} always wins (so an
 * operator can aim the demo at a staging system); otherwise the in-process fakes answer when they run
 * ({@link FallbackEndpoints}; the production build has none).
 */
@Component
public class AdapterEndpoints {

    private final Map<String, AdapterProperties.Endpoint> configured;
    private final ObjectProvider<FallbackEndpoints> fakes;

    public AdapterEndpoints(AdapterProperties properties, ObjectProvider<FallbackEndpoints> fakes) {
        this.configured = properties.adapters() == null ? Map.of() : properties.adapters();
        this.fakes = fakes;
    }

    public String baseUrl(String system) {
        Optional<String> explicit = endpoint(system).map(AdapterProperties.Endpoint::baseUrl).filter(url -> !url.isBlank());
        if (explicit.isPresent()) {
            return explicit.get();
        }
        FallbackEndpoints fake = fakes.getIfAvailable();
        if (fake != null) {
            return fake.baseUrl(system);
        }
        throw new IllegalStateException("automation.adapters." + system + ".base-url is not set and no fake answers for it");
    }

    public Duration connectTimeout(String system) {
        return endpoint(system).map(AdapterProperties.Endpoint::connectTimeout).orElse(Duration.ofSeconds(5));
    }

    public Duration readTimeout(String system) {
        return endpoint(system).map(AdapterProperties.Endpoint::readTimeout).orElse(Duration.ofSeconds(30));
    }

    public Optional<AdapterProperties.Endpoint> endpoint(String system) {
        return Optional.ofNullable(configured.get(system));
    }
}
