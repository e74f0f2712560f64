package ca.gigafibre.automation.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import ca.gigafibre.automation.platform.error.MalformedRequestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * PostgreSQL's text cannot hold NUL (U+0000): a request text carrying one would fail at the database as a 500. Every
 * text of a request is checked once, here, where it is bound — JSON bodies as they are read, query and form parameters
 * before the handler runs — a 400 naming the field or parameter, for every operation, before any handler sees it.
 */
@Configuration(proxyBeanMethods = false)
public class TextWithoutNul implements WebMvcConfigurer {

    static final String REFUSED = "le texte ne peut contenir le caractère NUL (U+0000) / text may not contain the NUL character (U+0000)";

    /** Spring Boot registers every {@link Module} bean with the API's ObjectMapper. */
    @Bean
    Module textWithoutNulModule() {
        return new SimpleModule("text-without-nul").addDeserializer(String.class, new Deserializer());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ParametersInterceptor()).addPathPatterns("/api/**");
    }

    /** Query and form parameters; a refusal goes through the API's exception handler like any bad parameter. */
    static final class ParametersInterceptor implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                boolean nul = parameter.getKey().indexOf(0) >= 0
                        || Arrays.stream(parameter.getValue()).anyMatch(value -> value != null && value.indexOf(0) >= 0);
                if (nul) {
                    throw new MalformedRequestException(parameter.getKey().replace((char) 0, '?'), REFUSED);
                }
            }
            return true;
        }
    }

    static final class Deserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && text.indexOf(0) >= 0) {
                throw MismatchedInputException.from(parser, String.class, REFUSED);
            }
            return text;
        }
    }
}
