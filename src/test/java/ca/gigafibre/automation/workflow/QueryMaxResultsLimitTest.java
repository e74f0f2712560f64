package ca.gigafibre.automation.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Engine queries of a signed-in user page (queryMaxResultsLimit 2000): an unbounded list on the engine REST is a 400 that
 * says so, while the calls Tasklist and Cockpit make (read from their 7.24 scripts: they page, filters by 2000) still work.
 */
class QueryMaxResultsLimitTest extends IntegrationTest {

    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anUnboundedListOnTheEngineRestIs400() {
        for (String list : new String[] {"/engine-rest/task", "/engine-rest/history/process-instance", "/engine-rest/history/task",
                "/engine-rest/process-instance"}) {
            ResponseEntity<JsonNode> answer = as("ops").getForEntity(list, JsonNode.class);

            assertThat(answer.getStatusCode()).as(list).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody().path("message").asText()).as(list).isEqualTo("An unbound number of results is forbidden!");
        }
    }

    @Test
    void aPageAboveTheLimitIs400AndAPageWithinItIsServed() {
        ResponseEntity<JsonNode> tooMany = as("ops").getForEntity("/engine-rest/history/process-instance?firstResult=0&maxResults=2001", JsonNode.class);
        ResponseEntity<JsonNode> page = as("ops").getForEntity("/engine-rest/history/process-instance?firstResult=0&maxResults=2000", JsonNode.class);

        assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooMany.getBody().path("message").asText()).contains("2000");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody().isArray()).isTrue();
    }

    @Test
    void tasklistStillListsFiltersTasksAndStartableProcesses() throws Exception {
        Browser tasklist = new Browser("tasklist", "ops");

        JsonNode filterCount = tasklist.get("/camunda/api/engine/engine/default/filter/count?itemCount=false&resourceType=Task");
        JsonNode filters = tasklist.get("/camunda/api/engine/engine/default/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task");
        assertThat(filters.size()).isEqualTo(filterCount.path("count").asInt()).isPositive();
        JsonNode tasks = tasklist.post("/camunda/api/engine/engine/default/filter/" + filters.get(0).path("id").asText()
                + "/list?firstResult=0&maxResults=15", "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}");
        assertThat(tasks.has("_embedded") || tasks.isArray()).as(tasks.toString()).isTrue();
        assertThat(tasklist.get("/camunda/api/engine/engine/default/process-definition?latest=true&active=true"
                + "&startableInTasklist=true&startablePermissionCheck=true&firstResult=0&maxResults=15").isArray()).isTrue();
        assertThat(tasklist.status("/camunda/api/engine/engine/default/task")).isEqualTo(400);   // what no page of Tasklist asks
    }

    @Test
    void cockpitStillShowsProcessesDeploymentsAndInstances() throws Exception {
        Browser cockpit = new Browser("cockpit", "admin");

        assertThat(cockpit.get("/camunda/api/engine/engine/default/process-definition/statistics?rootIncidents=true").size()).isPositive();
        assertThat(cockpit.get("/camunda/api/engine/engine/default/deployment?firstResult=0&maxResults=50&sortBy=deploymentTime&sortOrder=desc")
                .size()).isPositive();
        assertThat(cockpit.post("/camunda/api/engine/engine/default/history/process-instance?firstResult=0&maxResults=50",
                "{\"sorting\":[{\"sortBy\":\"startTime\",\"sortOrder\":\"desc\"}]}").isArray()).isTrue();
    }

    /** A webapp session: the login page sets the CSRF cookie, the login form signs in, then the app's own REST calls. */
    private final class Browser {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();

        Browser(String app, String user) throws Exception {
            assertThat(client.send(request("/camunda/app/" + app + "/default/").GET().build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(200);
            HttpResponse<String> login = client.send(request("/camunda/api/admin/auth/user/default/login/" + app)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        }

        JsonNode get(String path) throws Exception {
            HttpResponse<String> answer = client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path + " " + answer.body()).isEqualTo(200);
            return json.readTree(answer.body());
        }

        int status(String path) throws Exception {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        }

        JsonNode post(String path, String body) throws Exception {
            HttpResponse<String> answer = client.send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path + " " + answer.body()).isEqualTo(200);
            return json.readTree(answer.body());
        }

        private HttpRequest.Builder request(String path) {
            String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElse("");
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "application/json")
                    .header("X-XSRF-TOKEN", csrf);
        }
    }
}
