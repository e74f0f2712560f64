package ca.gigafibre.automation.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.AutomationApplication;
import ca.gigafibre.automation.testing.AnalystFolders;
import ca.gigafibre.automation.testing.ClusterNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Tasklist behind a round-robin balancer: a session opened by logging in on node A (this JVM) is served by node B (a JVM
 * of its own joining A's database), because the webapps' sessions — Camunda's authentication and CSRF token in them —
 * are in PostgreSQL (Spring Session JDBC, V72), not in A's memory. Both nodes run the engine under the same name, as
 * the nodes of one cluster do, since the webapps key a session's login by engine name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebappSessionAcrossNodesStartupTest {

    private static final String ENGINE = "sessions";
    private final ObjectMapper json = new ObjectMapper();

    private ConfigurableApplicationContext nodeA;
    private ClusterNode nodeB;

    @BeforeAll
    void twoNodesOnOneDatabase() throws Exception {
        int pgPort = ClusterNode.freePort();
        List<String> common = List.of("--automation.resources-dir=" + AnalystFolders.freshCopy(),
                "--automation.embedded-postgres.port=" + pgPort, "--automation.fakes.port=" + ClusterNode.freePort(),
                "--automation.fakes.smtp-port=" + ClusterNode.freePort(), "--camunda.bpm.process-engine-name=" + ENGINE);
        List<String> a = new ArrayList<>(common);
        a.addAll(List.of("--server.port=0", "--automation.node-id=session-a", "--automation.join=false"));
        nodeA = new SpringApplicationBuilder(AutomationApplication.class).profiles("demo", "test").run(a.toArray(String[]::new));
        List<String> b = new ArrayList<>(common);
        b.addAll(List.of("--automation.node-id=session-b", "--automation.join=true"));
        nodeB = ClusterNode.start("webapp-session-node-b", 0, b);
    }

    @AfterAll
    void stopBoth() {
        try {
            if (nodeB != null) {
                nodeB.close();
            }
        } finally {
            if (nodeA != null) {
                nodeA.close();
            }
        }
    }

    @Test
    void aTasklistLoginOnNodeAIsServedByNodeB() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
        String a = "http://localhost:" + nodeA.getEnvironment().getProperty("local.server.port");
        String b = nodeB.url("");

        assertThat(browser.send(get(a + "/camunda/app/tasklist/" + ENGINE + "/", cookies), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        HttpResponse<String> login = browser.send(request(a + "/camunda/api/admin/auth/user/" + ENGINE + "/login/tasklist", cookies)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=ops&password=demo")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(cookies.getCookieStore().getCookies()).extracting(HttpCookie::getName).contains("SESSION").doesNotContain("JSESSIONID");

        // the next requests go to node B with the cookies node A set (the cookie jar is per host, and both are localhost)
        HttpResponse<String> who = browser.send(get(b + "/camunda/api/admin/auth/user/" + ENGINE, cookies), HttpResponse.BodyHandlers.ofString());
        assertThat(who.statusCode()).as(who.body()).isEqualTo(200);
        assertThat(json.readTree(who.body()).path("userId").asText()).isEqualTo("ops");
        HttpResponse<String> filters = browser.send(get(b + "/camunda/api/engine/engine/" + ENGINE
                + "/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task", cookies), HttpResponse.BodyHandlers.ofString());
        assertThat(filters.statusCode()).as(filters.body()).isEqualTo(200);
        JsonNode filter = json.readTree(filters.body()).get(0);
        // a POST checks the CSRF token kept in the session: node B knows the one node A issued
        HttpResponse<String> tasks = browser.send(request(b + "/camunda/api/engine/engine/" + ENGINE + "/filter/" + filter.path("id").asText()
                + "/list?firstResult=0&maxResults=15", cookies).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);

        // and without the session, node B knows nobody
        HttpResponse<String> stranger = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(b + "/camunda/api/admin/auth/user/" + ENGINE))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stranger.statusCode()).isIn(401, 403, 404);
    }

    private static HttpRequest get(String url, CookieManager cookies) {
        return request(url, cookies).GET().build();
    }

    private static HttpRequest.Builder request(String url, CookieManager cookies) {
        String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElse("");
        return HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").header("X-XSRF-TOKEN", csrf);
    }
}
