package ca.gigafibre.automation.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.IntegrationTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda's initial-user setup creates an administrator for anyone while {@code camunda-admin} has no member (a
 * production start without AUTOMATION_ADMIN_USER). The test empties that group for its duration, so Camunda itself
 * would offer the setup, and asks for it as an anonymous browser would.
 */
class CamundaSetupClosedTest extends IntegrationTest {

    @Autowired
    IdentityService identity;

    @LocalServerPort
    int port;

    @Test
    void theInitialUserSetupIsClosedEvenWhenNoAdministratorExists() throws Exception {
        List<String> admins = identity.createUserQuery().memberOfGroup("camunda-admin").list().stream().map(User::getId).toList();
        admins.forEach(id -> identity.deleteMembership(id, "camunda-admin"));
        try {
            CookieManager cookies = new CookieManager();
            HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(url("/camunda/app/admin/default/setup/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(404);
            browser.send(HttpRequest.newBuilder(url("/camunda/app/admin/default/")).build(), HttpResponse.BodyHandlers.discarding());
            String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElse("");

            for (String path : List.of("/camunda/api/admin/setup/default/user/create", "/camunda/api/admin/%73etup/default/user/create",
                    "/camunda/api/admin/SETUP/default/user/create")) {
                HttpResponse<String> create = browser.send(HttpRequest.newBuilder(url(path))
                        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf)
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"profile": {"id": "intruder", "firstName": "I", "lastName": "N", "email": "i@example.com"},
                                 "credentials": {"password": "intruder-password-1"}}""")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(create.statusCode()).as(path).isIn(400, 404);
            }
            assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
            assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").count()).isZero();
        } finally {
            admins.forEach(id -> identity.createMembership(id, "camunda-admin"));
        }
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
