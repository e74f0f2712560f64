package ca.gigafibre.automation.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The authorization matrix of README, row by row, for each demo user and for anonymous callers: "allowed" means the
 * request got past the access checks (whatever the handler then answered — an empty body is a 400 and writes nothing);
 * "denied" means 403 (401 for anonymous). Requests with side effects and no body (the sweep, the billing-run form) are
 * only sent where they are denied; other tests run them as ops.
 */
class AuthorizationMatrixTest extends IntegrationTest {

    @ParameterizedTest(name = "{0} {1}: ops {2}, analyst {3}, admin {4}, anonymous {5}")
    @CsvSource(delimiter = '|', value = {
            // reading: everyone in a group
            "GET    | /api/customers?q=tremblay            | allowed | allowed | allowed | denied",
            "GET    | /api/reports/dids                    | allowed | allowed | allowed | denied",
            "GET    | /api/customers/C-10001/decisions     | allowed | allowed | allowed | denied",
            // money and service state: ops and admins, never analysts
            "POST   | /api/payments                        | allowed | denied  | allowed | denied",
            "POST   | /api/invoices                        | allowed | denied  | allowed | denied",
            "POST   | /api/customers/C-10001/suspension    | allowed | denied  | allowed | denied",
            "DELETE | /api/customers/C-10001/suspension    | allowed | denied  | allowed | denied",
            "POST   | /api/customers/C-10001/arrangements  | allowed | denied  | allowed | denied",
            "PUT    | /api/customers/C-10001/ppa           | allowed | denied  | allowed | denied",
            "POST   | /api/customers/C-10001/payment-methods | allowed | denied | allowed | denied",
            "POST   | /api/subscriptions/SUB-00001/cancellation | allowed | denied | allowed | denied",
            "POST   | /api/locations/LOC-00001/services    | allowed | denied  | allowed | denied",
            "POST   | /api/customers/C-10001/cpe/reboot    | skip    | denied  | skip    | denied",
            "POST   | /api/collections/sweeps              | skip    | denied  | skip    | denied",
            "POST   | /api/billing/runs                    | allowed | denied  | allowed | denied",
            // customers, quotes, tickets, work orders, technicians: ops and admins
            "POST   | /api/customers                       | allowed | denied  | allowed | denied",
            "POST   | /api/quotes                          | allowed | denied  | allowed | denied",
            "POST   | /api/tickets                         | allowed | denied  | allowed | denied",
            "POST   | /api/tickets/TCK-000001/work-orders  | allowed | denied  | allowed | denied",
            "POST   | /api/technicians                     | allowed | denied  | allowed | denied",
            // rules: analysts and admins
            "POST   | /api/admin/rules/reload              | denied  | skip    | skip    | denied",
            // administration: admins
            "POST   | /api/admin/imports                   | denied  | denied  | allowed | denied",
            "GET    | /api/admin/secrets                   | denied  | denied  | allowed | denied",
            "POST   | /api/admin/secrets/rotation          | denied  | denied  | skip    | denied",
            "GET    | /actuator/prometheus                 | denied  | denied  | allowed | denied",
            // probes: anyone (webhooks too, proving who they are by signature: see the webhook tests)
            "GET    | /actuator/health/liveness            | allowed | allowed | allowed | allowed",
            "GET    | /actuator/health/readiness           | allowed | allowed | allowed | allowed"})
    void walksTheMatrix(String method, String path, String ops, String analyst, String admin, String anonymous) {
        Map<String, String> expected = Map.of("ops", ops, "analyst", analyst, "admin", admin);
        for (Map.Entry<String, String> role : expected.entrySet()) {
            if (!role.getValue().equals("skip")) {
                assertAccess(as(role.getKey()), method, path, role.getValue(), HttpStatus.FORBIDDEN, role.getKey());
            }
        }
        assertAccess(rest, method, path, anonymous, HttpStatus.UNAUTHORIZED, "anonymous");
    }

    @org.junit.jupiter.api.Test
    void theEngineRestFollowsTheSameMatrix() {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> analystStarts = as("analyst").exchange("/engine-rest/process-definition/key/suspension/start", HttpMethod.POST,
                new HttpEntity<>("{\"businessKey\":\"C-10001\",\"variables\":{\"customerId\":{\"value\":\"C-10001\"}}}", json), String.class);
        org.springframework.util.LinkedMultiValueMap<String, Object> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("deployment-name", "ops-attempt");
        form.add("data", new org.springframework.core.io.ByteArrayResource("<definitions/>".getBytes()) {
            @Override
            public String getFilename() {
                return "attempt.bpmn";
            }
        });
        HttpHeaders multipart = new HttpHeaders();
        multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> opsDeploys = as("ops").postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, multipart), String.class);

        assertThat(analystStarts.getStatusCode()).as(analystStarts.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(opsDeploys.getStatusCode()).as(opsDeploys.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.getForEntity("/engine-rest/process-definition", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as("analyst").getForEntity("/engine-rest/process-definition?key=suspension", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private static void assertAccess(TestRestTemplate client, String method, String path, String expected, HttpStatus denial, String who) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.parseMediaType("application/problem+json"), MediaType.TEXT_PLAIN));
        ResponseEntity<String> answer = client.exchange(path, HttpMethod.valueOf(method), new HttpEntity<>(method.equals("GET") ? null : "{}", headers),
                String.class);
        if (expected.equals("allowed")) {
            assertThat(answer.getStatusCode().value()).as(who + " " + method + " " + path).isNotIn(401, 403);
            assertThat(answer.getStatusCode().is5xxServerError()).as(who + " " + method + " " + path + ": " + answer.getBody()).isFalse();
        } else {
            assertThat(answer.getStatusCode()).as(who + " " + method + " " + path).isEqualTo(denial);
        }
    }
}
