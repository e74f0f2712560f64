package ca.gigafibre.automation.testing;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** A settings record bound as Spring binds it at start-up (its {@code @DefaultValue}s, then the given keys), for tests that build classes by hand. */
public final class BoundSettings {

    private BoundSettings() {
    }

    public static <T> T bind(String prefix, Class<T> type, Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate(prefix, type);
    }

    public static <T> T defaults(String prefix, Class<T> type) {
        return bind(prefix, type, Map.of());
    }
}
