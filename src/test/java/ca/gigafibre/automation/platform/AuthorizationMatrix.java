package ca.gigafibre.automation.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The authorization matrix of README ({@code authorization-matrix.csv}), row by row, for an ops, an analyst and an
 * admin caller and for anonymous ones; subclasses say how a caller of each role proves who it is. "allowed" means the
 * request got past the access checks (whatever the handler then answered — an empty body is a 400 and writes
 * nothing); "denied" means 403 (401 for anonymous); "refused" means past the access checks and refused as bad input (400).
 * A path ending in {@code < file} posts that test resource as a multipart deployment, as the Modeler does.
 */
abstract class AuthorizationMatrix extends IntegrationTest {

    /** In a path, the deployment every process of the engine shares (the id changes from one database to the next). */
    private static final String PROCESSES_DEPLOYMENT = "{processes-deployment}";

    @Autowired
    RepositoryService repository;

    /** A client that calls as a member of {@code role}: ops, analyst or admin. */
    protected abstract TestRestTemplate caller(String role);

    @ParameterizedTest(name = "{0} {1}: ops {2}, analyst {3}, admin {4}, anonymous {5}")
    @CsvFileSource(resources = "/authorization-matrix.csv", delimiter = '|')
    void walksTheMatrix(String method, String pathInMatrix, String ops, String analyst, String admin, String anonymous) {
        String path = pathInMatrix.replace(PROCESSES_DEPLOYMENT, repository.createProcessDefinitionQuery().processDefinitionKey("billing-collections")
                .latestVersion().singleResult().getDeploymentId());
        Map<String, String> expected = Map.of("ops", ops, "analyst", analyst, "admin", admin);
        for (Map.Entry<String, String> role : expected.entrySet()) {
            if (!role.getValue().equals("skip")) {
                assertAccess(caller(role.getKey()), method, path, role.getValue(), HttpStatus.FORBIDDEN, role.getKey());
            }
        }
        assertAccess(rest, method, path, anonymous, HttpStatus.UNAUTHORIZED, "anonymous");
    }

    /** On the engine REST, Camunda's authorizations follow the same matrix: analysts deploy but start nothing; ops the reverse. */
    @Test
    void theEngineRestFollowsTheSameMatrix() {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> analystStarts = caller("analyst").exchange("/engine-rest/process-definition/key/suspension/start",
                HttpMethod.POST, new HttpEntity<>("{\"businessKey\":\"C-10001\",\"variables\":{\"customerId\":{\"value\":\"C-10001\"}}}", json),
                String.class);
        ResponseEntity<String> opsDeploys = caller("ops").postForEntity("/engine-rest/deployment/create", deployment("ops-attempt"), String.class);
        ResponseEntity<String> analystReads = caller("analyst").getForEntity("/engine-rest/process-definition?key=suspension&firstResult=0&maxResults=50", String.class);

        assertThat(analystStarts.getStatusCode()).as(analystStarts.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(opsDeploys.getStatusCode()).as(opsDeploys.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(analystReads.getStatusCode()).as(analystReads.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(analystReads.getBody()).contains("\"key\":\"suspension\"");
        assertThat(rest.getForEntity("/engine-rest/process-definition", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private static HttpEntity<LinkedMultiValueMap<String, Object>> deployment(String name) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", name);
        form.add("data", new ByteArrayResource("<definitions/>".getBytes()) {
            @Override
            public String getFilename() {
                return "attempt.bpmn";
            }
        });
        HttpHeaders multipart = new HttpHeaders();
        multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(form, multipart);
    }

    /** A test resource as a one-file multipart deployment. */
    private static HttpEntity<LinkedMultiValueMap<String, Object>> deploymentOf(String resource) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "matrix-" + resource);
        form.add("data", new org.springframework.core.io.ClassPathResource(resource));
        HttpHeaders multipart = new HttpHeaders();
        multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(form, multipart);
    }

    private static void assertAccess(TestRestTemplate client, String method, String path, String expected, HttpStatus denial, String who) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.parseMediaType("application/problem+json"), MediaType.TEXT_PLAIN));
        ResponseEntity<String> answer = path.contains(" < ")
                ? client.exchange(path.substring(0, path.indexOf(" < ")), HttpMethod.valueOf(method),
                        deploymentOf(path.substring(path.indexOf(" < ") + 3).trim()), String.class)
                : client.exchange(path, HttpMethod.valueOf(method), new HttpEntity<>(method.equals("GET") ? null : "{}", headers), String.class);
        if (expected.equals("refused")) {
            assertThat(answer.getStatusCode()).as(who + " " + method + " " + path + ": " + answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        } else if (expected.equals("allowed")) {
            assertThat(answer.getStatusCode().value()).as(who + " " + method + " " + path).isNotIn(401, 403);
            assertThat(answer.getStatusCode().is5xxServerError()).as(who + " " + method + " " + path + ": " + answer.getBody()).isFalse();
        } else {
            assertThat(answer.getStatusCode()).as(who + " " + method + " " + path).isEqualTo(denial);
        }
    }
}
