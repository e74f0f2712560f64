package ca.gigafibre.automation.rules.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.rules.RuleBase;
import ca.gigafibre.automation.testing.AnalystFolders;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.workflow.AnalystResource;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** What a scenario run reports when a row, a table or a rule file is wrong, and who may run it. */
class ScenarioRunnerTest extends IntegrationTest {

    private static final String TABLE = "rules/scenarios/collections-case.csv";
    private static final String HEADER = "cas,solde_en_souffrance,dossier_ouvert,resultat_attendu,regles_attendues\n";
    private static final String OPEN_CASE = "Overdue balance and no collections case: open one";

    private final Path extraRule = AnalystFolders.sharedCopy().resolve("rules/zz-scenario-test.drl");

    @Autowired
    ScenarioRunner runner;

    @Autowired
    RuleBase ruleBase;

    @AfterEach
    void removeExtraRule() throws IOException {
        if (Files.deleteIfExists(extraRule)) {
            as("analyst").postForEntity("/api/admin/rules/reload", null, JsonNode.class);
        }
    }

    @Test
    void aWrongRowFailsNamingTheFileTheLineTheExpectedAndTheActualOutcomeAndRules() {
        FileReport report = collectionsCase(HEADER
                + "# a comment line keeps the numbering\n"
                + "right,0.01,non,OPEN_CASE," + OPEN_CASE + "\n"
                + "wrong,0.01,non,NOTHING,Nothing overdue and no case: nothing to do\n");

        assertThat(report.rows()).isEqualTo(2);
        assertThat(report.passed()).isEqualTo(1);
        assertThat(report.failed()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(4);
            assertThat(row.expected()).isEqualTo("NOTHING");
            assertThat(row.actual()).isEqualTo("OPEN_CASE");
            assertThat(row.expectedRules()).containsExactly("Nothing overdue and no case: nothing to do");
            assertThat(row.firedRules()).containsExactly(OPEN_CASE);
            assertThat(row.message(report.file())).isEqualTo("rules/scenarios/collections-case.csv:4 (wrong) : attendu/expected NOTHING "
                    + "[Nothing overdue and no case: nothing to do] mais/but OPEN_CASE [" + OPEN_CASE + "]");
        });
    }

    @Test
    void theRightOutcomeWithTheWrongRulesFails() {
        FileReport report = collectionsCase(HEADER + "right outcome,0.01,non,OPEN_CASE,Nothing overdue and no case: nothing to do\n");

        assertThat(report.failed()).singleElement().satisfies(row -> {
            assertThat(row.actual()).isEqualTo("OPEN_CASE");
            assertThat(row.firedRules()).containsExactly(OPEN_CASE);
        });
    }

    @Test
    void aRuleNoRowMakesFireIsReported() {
        FileReport report = collectionsCase(HEADER + "only this one,0.01,non,OPEN_CASE," + OPEN_CASE + "\n");

        assertThat(report.failed()).isEmpty();
        assertThat(report.neverFired()).containsExactly(
                "Collections case open and nothing overdue left: the case is cleared",
                "Collections case open and balance still overdue: the case goes on",
                "Nothing overdue and no case: nothing to do");
        assertThat(report.isClean()).isFalse();
    }

    @Test
    void aCellThatCannotBeReadFailsItsRowNamingTheColumn() {
        FileReport report = collectionsCase(HEADER + "bad amount,douze,non,OPEN_CASE," + OPEN_CASE + "\n");

        assertThat(report.failed()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(2);
            assertThat(row.actual()).contains("solde_en_souffrance/overdue_balance").contains("douze");
        });
    }

    @Test
    void englishHeadersSemicolonsAndAnUnknownColumn() {
        FileReport report = collectionsCase("case;overdue_balance;case_open;colour;expected_outcome;expected_rules\n"
                + "english;0,01;yes;blue;CONTINUE;Collections case open and balance still overdue: the case goes on\n");

        assertThat(report.passed()).isEqualTo(1);
        assertThat(report.problems()).containsExactly("ligne/line 1 : colonne inconnue/unknown column « colour »");
    }

    @Test
    void aRuleFileWithoutATableIsReportedAfterAReload() throws IOException {
        Files.writeString(extraRule, """
                package gigafibre.scenariotest;
                import ca.gigafibre.automation.rules.Decision;
                rule "Never fires in a scenario"
                when
                    $d : Decision( subject == "no such subject", open )
                then
                end
                """);
        assertThat(as("analyst").postForEntity("/api/admin/rules/reload", null, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        ScenarioReport report = runner.runCurrent();

        assertThat(report.rulesetVersion()).isEqualTo(ruleBase.current().version());
        assertThat(report.files()).filteredOn(f -> f.ruleFile().equals("rules/zz-scenario-test.drl")).singleElement().satisfies(file -> {
            assertThat(file.file()).isEqualTo("rules/scenarios/zz-scenario-test.csv");
            assertThat(file.problems()).containsExactly("aucune table de scénarios / no scenario table");
            assertThat(file.neverFired()).containsExactly("Never fires in a scenario");
        });
        assertThat(report.allPassed()).isFalse();
    }

    @Test
    void analystsRunEveryTableOnDemand() {
        ResponseEntity<JsonNode> answer = as("analyst").postForEntity("/api/rules/scenarios/run", null, JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode files = answer.getBody().path("files");
        assertThat(files).hasSize(9);
        JsonNode ppa = byFile(files, "rules/scenarios/ppa-charging.csv");
        assertThat(ppa.path("rows").asInt()).isEqualTo(34);
        assertThat(ppa.path("passed").asInt()).isEqualTo(34);
        assertThat(ppa.path("failed")).isEmpty();
        assertThat(ppa.path("neverFired")).isEmpty();
        assertThat(byFile(files, "rules/scenarios/suspension.csv").path("rows").asInt()).isEqualTo(59);
        assertThat(answer.getBody().path("allPassed").asBoolean()).isTrue();
        assertThat(answer.getBody().path("candidate").asBoolean()).isFalse();
    }

    @Test
    void aBodyThatNamesNoCandidateFileIs422OnRules() {
        ResponseEntity<JsonNode> answer = as("analyst").postForEntity("/api/rules/scenarios/run", Map.of(), JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getBody().path("errors").get(0).path("field").asText()).isEqualTo("rules");
    }

    @Test
    void opsMayNotRunScenarios() {
        assertThat(as("ops").postForEntity("/api/rules/scenarios/run", null, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void candidateRulesAreRunWithoutBeingDeployed() throws IOException {
        String running = ruleBase.current().version();
        String drl = Files.readString(Path.of("rules/collections-case.drl"), StandardCharsets.UTF_8)
                .replace("!caseOpen, overdueBalance > 0", "!caseOpen, overdueBalance > 1");   // a dollar of tolerance

        ResponseEntity<JsonNode> answer = as("analyst").postForEntity("/api/rules/scenarios/run",
                Map.of("rules", Map.of("collections-case.drl", drl)), JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().path("candidate").asBoolean()).isTrue();
        assertThat(answer.getBody().path("rulesetVersion").asText()).isNotEqualTo(running);
        JsonNode failed = byFile(answer.getBody().path("files"), TABLE).path("failed");
        assertThat(failed).hasSize(1);   // the row of a cent overdue without a case; $250 still opens one
        assertThat(failed.get(0).path("line").asInt()).isEqualTo(4);
        assertThat(failed.get(0).path("expected").asText()).isEqualTo("OPEN_CASE");
        assertThat(failed.get(0).path("actual").asText()).isEqualTo("NOTHING");
        assertThat(ruleBase.current().version()).isEqualTo(running);
        assertThat(jdbc.sql("SELECT actor FROM automation.audit_log WHERE action = 'rules.candidate-scenarios-run' AND entity_ref = :v")
                .param("v", answer.getBody().path("rulesetVersion").asText()).query(String.class).list()).containsExactly("analyst");
    }

    @Test
    void candidateTextThatDoesNotCompileIs422NamingTheFile() {
        ResponseEntity<JsonNode> answer = as("analyst").postForEntity("/api/rules/scenarios/run",
                Map.of("rules", Map.of("collections-case.drl", "package x;\nrule \"Broken\"\nwhen\n  Nothing( x > )\nthen\nend\n")), JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getBody().path("errors").get(0).path("field").asText()).isEqualTo("rules.collections-case.drl");
    }

    /** Without the guard this rule fires on the first row of the table and runs in the engine as whoever asked. */
    private static final String ESCAPE_RULE = """

            rule "Escape through a candidate"
            when
                $f : CollectionsCaseFacts( )
            then
                %s
            end
            """;

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "System.setProperty(\"gigafibre.drl-escape\", \"ran\");",
            "java.lang.System.setProperty(\"gigafibre.drl-escape\", \"ran\");",
            "Runtime.getRuntime().exec(\"touch /tmp/gigafibre-drl-escape\");",
            "new java.io.File(\"/tmp/gigafibre-drl-escape\").createNewFile();",
            "$f.getClass().getClassLoader();",
            "drools.getKieRuntime().halt();"})
    void candidateRulesThatReachTheSystemAre400NamingTheFileLineAndRuleAndNeverRun(String consequence) throws IOException {
        String running = ruleBase.current().version();
        String drl = Files.readString(Path.of("rules/collections-case.drl"), StandardCharsets.UTF_8) + ESCAPE_RULE.formatted(consequence);

        ResponseEntity<JsonNode> answer = as("analyst").postForEntity("/api/rules/scenarios/run",
                Map.of("rules", Map.of("collections-case.drl", drl)), JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode error = answer.getBody().path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo("rules.collections-case.drl");
        assertThat(error.path("message").asText()).contains("Escape through a candidate").contains("ligne/line ");
        assertThat(System.getProperty("gigafibre.drl-escape")).isNull();
        assertThat(Path.of("/tmp/gigafibre-drl-escape")).doesNotExist();
        assertThat(ruleBase.current().version()).isEqualTo(running);
    }

    @Test
    void aCandidateFunctionIsRefusedBeforeAnythingIsCompiled() {
        String drl = "package x;\nimport ca.gigafibre.automation.collections.CollectionsCaseFacts;\n"
                + "function String boom() { return System.getenv(\"DB_PASSWORD\"); }\n";

        ResponseEntity<JsonNode> answer = as("analyst").postForEntity("/api/rules/scenarios/run",
                Map.of("rules", Map.of("collections-case.drl", drl)), JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().path("errors").get(0).path("message").asText()).contains("ligne/line 3").contains("function");
    }

    private FileReport collectionsCase(String table) {
        ScenarioReport report = runner.run(ruleBase.current(), List.of(new AnalystResource(TABLE, table.getBytes(StandardCharsets.UTF_8))), false);
        return report.files().stream().filter(f -> f.file().equals(TABLE)).findFirst().orElseThrow();
    }

    private static JsonNode byFile(JsonNode files, String name) {
        for (JsonNode file : files) {
            if (file.path("file").asText().equals(name)) {
                return file;
            }
        }
        throw new AssertionError("no " + name + " in " + files);
    }
}
