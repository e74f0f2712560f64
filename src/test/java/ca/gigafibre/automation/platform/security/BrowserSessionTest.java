package ca.gigafibre.automation.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A browser logged in through the webapps' login (Tasklist's form: Camunda's session) uses {@code /api} and the
 * assistant's page with that session: its groups apply, and its changes need Spring Security's CSRF token, which only
 * {@code /assistant/session} hands out. HTTP Basic callers are unchanged (no token).
 */
class BrowserSessionTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void theWebappLoginOpensTheApiAndThePageToTheSameSession() {
        String cookie = logIn("ops");

        ResponseEntity<JsonNode> me = get("/assistant/session", cookie);
        ResponseEntity<JsonNode> customers = get("/api/customers?q=tremblay", cookie);

        assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(me.getBody().path("user").asText()).isEqualTo("ops");
        assertThat(me.getBody().path("groups").toString()).isEqualTo("[\"ops\"]");
        assertThat(me.getBody().path("csrfHeader").asText()).isEqualTo("X-CSRF-TOKEN");
        assertThat(customers.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aChangeFromTheSessionNeedsTheCsrfToken() {
        String cookie = logIn("ops");
        String token = get("/assistant/session", cookie).getBody().path("csrfToken").asText();

        ResponseEntity<JsonNode> forged = post("/api/tickets", cookie, null);
        ResponseEntity<JsonNode> fromThePage = post("/api/tickets", cookie, token);

        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(forged.getBody().path("detail").asText()).contains("CSRF");
        // past the access checks: an empty ticket is bad input
        assertThat(fromThePage.getStatusCode()).as(String.valueOf(fromThePage.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theSessionCarriesTheUsersGroupsNotMore() {
        String cookie = logIn("analyst");
        String token = get("/assistant/session", cookie).getBody().path("csrfToken").asText();

        assertThat(get("/api/customers?q=tremblay", cookie).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post("/api/tickets", cookie, token).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void withoutALoginThePageLoadsButNothingElse() {
        ResponseEntity<String> page = rest.getForEntity("/assistant", String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("id=\"login-form\"", "/assistant/assistant.js");
        assertThat(rest.getForEntity("/assistant/session", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.getForEntity("/api/customers?q=tremblay", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void afterLoggingOutOfTheWebappsTheSessionOpensNothing() {
        String cookie = logIn("ops");
        HttpHeaders headers = browser(cookie);
        ResponseEntity<String> probe = rest.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        headers.set("X-XSRF-TOKEN", probe.getHeaders().getFirst("X-XSRF-TOKEN"));

        ResponseEntity<String> logout = rest.exchange("/camunda/api/admin/auth/user/default/logout", HttpMethod.POST,
                new HttpEntity<>(headers), String.class);

        assertThat(logout.getStatusCode().is2xxSuccessful()).as(logout.toString()).isTrue();
        assertThat(get("/api/customers?q=tremblay", cookie).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get("/assistant/session", cookie).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    /** The login Tasklist's form makes (Camunda's webapp API, its own CSRF token first); answers the session cookie. */
    private String logIn(String user) {
        ResponseEntity<String> probe = rest.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
                new HttpEntity<>(browser(null)), String.class);
        String firstSession = sessionCookie(probe);
        HttpHeaders headers = browser(firstSession);
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set("X-XSRF-TOKEN", probe.getHeaders().getFirst("X-XSRF-TOKEN"));
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", "demo");
        ResponseEntity<String> login = rest.exchange("/camunda/api/admin/auth/user/default/login/welcome", HttpMethod.POST,
                new HttpEntity<>(form, headers), String.class);
        assertThat(login.getStatusCode()).as(login.toString()).isEqualTo(HttpStatus.OK);
        String renewed = sessionCookie(login);   // the login starts a new session (no fixation)
        return renewed != null ? renewed : firstSession;
    }

    private static String sessionCookie(ResponseEntity<?> response) {
        return response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .filter(cookie -> cookie.startsWith("SESSION="))   // Spring Session's cookie: webapp sessions live in PostgreSQL
                .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
                .findFirst().orElse(null);
    }

    private HttpHeaders browser(String cookie) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        headers.setOrigin("http://localhost:" + port);
        if (cookie != null) {
            headers.add(HttpHeaders.COOKIE, cookie);
        }
        return headers;
    }

    private ResponseEntity<JsonNode> get(String path, String cookie) {
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(browser(cookie)), JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String path, String cookie, String csrfToken) {
        HttpHeaders headers = browser(cookie);
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (csrfToken != null) {
            headers.set("X-CSRF-TOKEN", csrfToken);
        }
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(Map.of(), headers), JsonNode.class);
    }
}
