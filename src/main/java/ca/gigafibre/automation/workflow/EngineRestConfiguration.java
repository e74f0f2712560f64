package ca.gigafibre.automation.workflow;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST API, plus one answer it lacks: a BPMN/DMN the engine cannot parse (an analyst's error, or a refused
 * DOCTYPE) is the client's fault — 400 with the parser's message, not the 500 Camunda gives every engine exception.
 */
@Component
@ApplicationPath("/engine-rest")
public class EngineRestConfiguration extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(UnparsableModel.class);
    }

    /** Jersey picks the most specific mapper: this one for parse errors, Camunda's for the rest. */
    public static class UnparsableModel implements ExceptionMapper<ParseException> {

        @Override
        public Response toResponse(ParseException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("type", "ParseException", "message", e.getMessage(), "code", 0)).build();
        }
    }
}
