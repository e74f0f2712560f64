package ca.gigafibre.automation.collections;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What ops see: log in to Tasklist as ops/demo, find the approval task, and load its Camunda Form. */
class TasklistLoginTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TestCustomers customers;

    @Autowired
    ca.gigafibre.automation.testing.BusinessDayClock clock;

    @org.junit.jupiter.api.AfterEach
    void realClock() {
        clock.reset();
    }

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void opsLogsInAndSeesTheDemoForm() throws Exception {
        String customer = customers.create("TasklistVip", true, false, false);
        clock.businessDay();
        customers.overdueInvoice(customer, new BigDecimal("250.00"), 35);
        customers.noticeSent(customer, 10);
        runtime.startProcessInstanceByKey("suspension", customer, Map.of("customerId", customer, "reason", "non-payment"));

        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> page = browser.send(get("/camunda/app/tasklist/default/"), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElse("");

        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=ops&password=demo")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(json.readTree(login.body()).path("userId").asText()).isEqualTo("ops");

        JsonNode tasks = json.readTree(browser.send(get("/camunda/api/engine/engine/default/task?firstResult=0&maxResults=15&processInstanceBusinessKey=" + customer),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).path("name").asText()).isEqualTo("Approuver la suspension / Approve the suspension — Test TasklistVip, 250,00 $");

        HttpResponse<String> form = browser.send(get("/camunda/api/engine/engine/default/task/" + tasks.get(0).path("id").asText()
                + "/deployed-form"), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(200);
        JsonNode schema = json.readTree(form.body());
        assertThat(schema.path("id").asText()).isEqualTo("suspension-approval");
        assertThat(schema.path("components").findValuesAsText("key")).contains("approved", "approvalNote", "decisionExplanation");
    }

    @Autowired
    org.camunda.bpm.engine.IdentityService identity;

    @Test
    void wrongPasswordDoesNotLogIn() throws Exception {
        String user = throwawayOpsUser(identity);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=nope")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isNotEqualTo(200);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(url(path)).header("Accept", "application/json").GET().build();
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
