package ca.gigafibre.automation.workflow;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;

/**
 * On the engine REST, a deployed file Camunda cannot parse (malformed XML, a DOCTYPE — refused against external
 * entities) is the caller's mistake: 400 in Camunda's error shape, with the parser's message. Camunda itself answers it
 * as a 500 (a plain ProcessEngineException, ENGINE-09003); every other engine error keeps Camunda's own answer.
 */
@Priority(1)
public class UnparsableDeploymentMapper implements ExceptionMapper<ProcessEngineException> {

    private static final String COULD_NOT_PARSE = "ENGINE-09003";

    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
        String message = exception.getMessage();
        if (message == null || !message.contains(COULD_NOT_PARSE)) {
            return camunda.toResponse(exception);
        }
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", "ParseException", "message", message)).build();
    }
}
