package ca.gigafibre.automation.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Prometheus scrapes as the demo user {@code metrics} (group metrics): /actuator/prometheus and nothing else. */
class MetricsAccountTest extends IntegrationTest {

    @Test
    void theMetricsAccountAndAdminsScrapePrometheus() {
        ResponseEntity<String> scraped = as("metrics").getForEntity("/actuator/prometheus", String.class);
        ResponseEntity<String> byAdmin = as("admin").getForEntity("/actuator/prometheus", String.class);

        assertThat(scraped.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scraped.getBody()).contains("jvm_memory_used_bytes");
        assertThat(byAdmin.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("ops").getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** Every row of the authorization matrix: 403 for the scraper, except Prometheus and what anyone may call. */
    @ParameterizedTest(name = "metrics {0} {1}")
    @CsvFileSource(resources = "/authorization-matrix.csv", delimiter = '|')
    void everythingElseIs403(String method, String path, String ops, String analyst, String admin, String anonymous) {
        if (path.contains(" < ") || path.contains("{")) {
            path = path.contains(" < ") ? path.substring(0, path.indexOf(" < ")).trim() : path.replaceAll("\\{[^}]+}", "x");
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.parseMediaType("application/problem+json"), MediaType.TEXT_PLAIN));
        ResponseEntity<String> answer = as("metrics").exchange(path, HttpMethod.valueOf(method),
                new HttpEntity<>(method.equals("GET") ? null : "{}", headers), String.class);

        if (path.equals("/actuator/prometheus")) {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        } else if (anonymous.equals("allowed")) {
            assertThat(answer.getStatusCode().value()).as(method + " " + path).isNotIn(401, 403);
        } else {
            assertThat(answer.getStatusCode()).as(method + " " + path + ": " + answer.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void theEngineRestAndTheWebappsAreClosedToIt() {
        assertThat(as("metrics").getForEntity("/engine-rest/process-definition/count", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("metrics").getForEntity("/engine-rest/task/count", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("metrics").getForEntity("/actuator/metrics", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("metrics").getForEntity("/v3/api-docs", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
