package ca.gigafibre.automation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.AnalystFolders;
import ca.gigafibre.automation.testing.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class RulesReloadTest extends IntegrationTest {

    private final Path extraRule = AnalystFolders.sharedCopy().resolve("rules/zz-reload-test.drl");

    @Autowired
    RuleBase ruleBase;

    @AfterEach
    void removeExtraRule() throws IOException {
        Files.deleteIfExists(extraRule);
        ruleBase.reload();
    }

    @Test
    void brokenRulesAnswer422WithTheErrorsAndKeepTheRunningVersion() throws IOException {
        String running = ruleBase.current().version();
        Files.writeString(extraRule, "package gigafibre.test;\n\nrule \"Broken\"\nwhen\n    UnknownFact( x > )\nthen\nend\n");

        ResponseEntity<JsonNode> answer = as("analyst").postForEntity("/api/admin/rules/reload", null, JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(answer.getBody().path("errors").get(0).path("file").asText()).isEqualTo("rules/zz-reload-test.drl");
        assertThat(answer.getBody().path("errors").get(0).path("line").asInt()).isPositive();
        assertThat(answer.getBody().path("runningVersion").asText()).isEqualTo(running);
        assertThat(ruleBase.current().version()).isEqualTo(running);
    }

    @Test
    void validChangeIsLoadedWithANewVersion() throws IOException {
        String running = ruleBase.current().version();
        Files.writeString(extraRule, "package gigafibre.test;\n\nrule \"Never fires in production\"\nwhen\n    String( this == \"never\" )\nthen\nend\n");

        ResponseEntity<JsonNode> answer = as("analyst").postForEntity("/api/admin/rules/reload", null, JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().path("version").asText()).isNotEqualTo(running).isEqualTo(ruleBase.current().version());
        assertThat(answer.getBody().path("files").toString()).contains("rules/zz-reload-test.drl");
    }

    @Test
    void opsMayNotReloadRules() {
        ResponseEntity<JsonNode> answer = as("ops").postForEntity("/api/admin/rules/reload", null, JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
