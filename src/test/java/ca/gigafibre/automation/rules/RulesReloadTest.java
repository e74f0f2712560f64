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
        as("analyst").postForEntity("/api/admin/rules/reload", null, JsonNode.class);   // the files' rules in force again, everywhere
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
    void rulesThatReachTheSystemAre400NamingFileLineAndRuleAndNothingIsLoaded() throws IOException {
        String running = ruleBase.current().version();
        Files.writeString(extraRule, """
                package gigafibre.test;

                rule "Escape on reload"
                when
                    $s : String( this == "never" )
                then
                    Runtime.getRuntime().exec("id");
                end
                """);

        ResponseEntity<JsonNode> answer = as("analyst").postForEntity("/api/admin/rules/reload", null, JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType().toString()).contains("application/problem+json");
        JsonNode error = answer.getBody().path("errors").get(0);
        assertThat(error.path("file").asText()).isEqualTo("rules/zz-reload-test.drl");
        assertThat(error.path("line").asInt()).isEqualTo(7);
        assertThat(error.path("message").asText()).contains("Escape on reload").contains("Runtime");
        assertThat(answer.getBody().path("runningVersion").asText()).isEqualTo(running);
        assertThat(ruleBase.current().version()).isEqualTo(running);
    }

    @Test
    void aRuleSetPublishedByAnotherNodeIsGuardedToo() {
        java.util.List<ca.gigafibre.automation.workflow.AnalystResource> sources = new java.util.ArrayList<>(ruleBase.current().sources());
        sources.add(new ca.gigafibre.automation.workflow.AnalystResource("rules/zz-other-node.drl",
                "package gigafibre.test;\n\nglobal java.util.List leak;\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> compiler.compile(sources))
                .isInstanceOf(RefusedRulesException.class).hasMessageContaining("rules/zz-other-node.drl line 3");
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

    @Autowired
    RuleSetSync sync;

    @Autowired
    RuleSetCompiler compiler;

    @Test
    void aRuleSetPublishedByAnotherNodeIsPickedUpHereAndEachNodeSaysWhatItRuns() throws Exception {
        java.util.List<ca.gigafibre.automation.workflow.AnalystResource> sources = new java.util.ArrayList<>(ruleBase.current().sources());
        sources.add(new ca.gigafibre.automation.workflow.AnalystResource("rules/zz-other-node.drl",
                "package gigafibre.test;\n\nrule \"Published by the other node\"\nwhen\n    String( this == \"never\" )\nthen\nend\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String otherVersion = compiler.compile(sources).version();
        java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
        sources.forEach(f -> files.put(f.name(), f.text()));
        jdbc.sql("""
                INSERT INTO automation.rule_set (version, files, generation, published_by)
                VALUES (:version, CAST(:files AS jsonb), nextval('automation.rule_set_generation'), 'analyst@node-b')
                """).param("version", otherVersion).param("files", new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(files)).update();
        jdbc.sql("INSERT INTO automation.rule_set_node (node_id, version, seen_at) VALUES ('node-b', :v, now()) ON CONFLICT (node_id) DO UPDATE SET version = :v")
                .param("v", otherVersion).update();

        assertThat(sync.poll()).isTrue();   // what the sync thread does every few seconds
        assertThat(sync.poll()).isFalse();

        assertThat(ruleBase.current().version()).isEqualTo(otherVersion);
        assertThat(ruleBase.current().files()).contains("rules/zz-other-node.drl");
        JsonNode versions = as("analyst").getForObject("/api/admin/rules", JsonNode.class);
        assertThat(versions.path("inForce").asText()).isEqualTo(otherVersion);
        assertThat(versions.path("thisNodeRuns").asText()).isEqualTo(otherVersion);
        java.util.Map<String, String> nodes = new java.util.HashMap<>();
        versions.path("nodes").forEach(n -> nodes.put(n.path("nodeId").asText(), n.path("version").asText()));
        assertThat(nodes).containsEntry("node-b", otherVersion).containsEntry(sync.nodeId(), otherVersion);
    }

    @Test
    void opsMayNotReloadRules() {
        ResponseEntity<JsonNode> answer = as("ops").postForEntity("/api/admin/rules/reload", null, JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
