package ca.gigafibre.automation.adapter.fake;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.mockserver.model.HttpResponse;
import org.mockserver.model.MediaType;

/** JSON and problem+json answers for the fakes. */
final class FakeResponses {

    private FakeResponses() {
    }

    static HttpResponse json(int status, String body) {
        return HttpResponse.response().withStatusCode(status).withContentType(MediaType.APPLICATION_JSON_UTF_8).withBody(body);
    }

    static HttpResponse empty(int status) {
        return HttpResponse.response().withStatusCode(status);
    }

    static HttpResponse problem(int status, String title, String detail, List<String> invalidFields) {
        ObjectNode problem = JsonNodeFactory.instance.objectNode();
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (invalidFields != null && !invalidFields.isEmpty()) {
            invalidFields.forEach(problem.putArray("invalidFields")::add);
        }
        return HttpResponse.response().withStatusCode(status)
                .withContentType(MediaType.parse("application/problem+json"))
                .withBody(problem.toString());
    }

    static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
