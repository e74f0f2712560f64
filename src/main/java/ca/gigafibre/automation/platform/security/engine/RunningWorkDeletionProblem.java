package ca.gigafibre.automation.platform.security.engine;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;

/** On the engine REST: deleting a deployment that still runs money or service processes is a 409 problem naming how many. */
public class RunningWorkDeletionProblem implements ExceptionMapper<RunningWorkDeletionRefused> {

    @Override
    public Response toResponse(RunningWorkDeletionRefused refused) {
        return Response.status(Response.Status.CONFLICT).type("application/problem+json")
                .entity(Map.of("title", "Deployment has running money or service processes", "status", 409,
                        "detail", refused.getMessage(), "runningInstances", refused.running()))
                .build();
    }
}
