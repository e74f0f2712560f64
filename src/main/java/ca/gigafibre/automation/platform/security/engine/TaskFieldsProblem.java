package ca.gigafibre.automation.platform.security.engine;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;

/** On the engine REST: a money or service task completed with fields beyond its form is a 403 problem naming them. */
public class TaskFieldsProblem implements ExceptionMapper<TaskFieldsRefused> {

    @Override
    public Response toResponse(TaskFieldsRefused refused) {
        return Response.status(Response.Status.FORBIDDEN).type("application/problem+json")
                .entity(Map.of("title", "Only the task form's fields may be set", "status", 403,
                        "detail", refused.getMessage(), "fields", refused.fields()))
                .build();
    }
}
