package ca.gigafibre.automation.platform.web;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A number or a boolean where the API expects text is a mistake, not a name: {@code {"name": 12345}} is refused. Text
 * for an amount ({@code "99.00"}) stays accepted: clients send money as text to keep its cents exact.
 */
@Configuration(proxyBeanMethods = false)
public class JsonStrictness {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer noNumbersOrBooleansForText() {
        return builder -> builder.postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
