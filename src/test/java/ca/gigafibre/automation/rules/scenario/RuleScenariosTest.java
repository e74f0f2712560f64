package ca.gigafibre.automation.rules.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import ca.gigafibre.automation.testing.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The analysts' scenario tables (rules/scenarios/*.csv) against the rules the engine runs: one test per row, named
 * {@code file:line}, and per table one test that every rule of its file fires in some row and that the table reads.
 */
class RuleScenariosTest extends IntegrationTest {

    @Autowired
    ScenarioRunner runner;

    @TestFactory
    Stream<DynamicNode> everyTableAgainstTheRunningRules() {
        ScenarioReport report = runner.runCurrent();
        // a rule file without a table, or a table without a rule file, shows below as a table that does not read
        assertThat(report.files()).as("rules/scenarios").isNotEmpty();
        return report.files().stream().map(file -> {
            List<DynamicNode> tests = new ArrayList<>();
            tests.add(dynamicTest(file.file() + " : lisible / readable",
                    () -> assertThat(file.problems()).as(file.file()).isEmpty()));
            tests.add(dynamicTest(file.file() + " : chaque règle se déclenche / every rule fires",
                    () -> assertThat(file.neverFired()).as("rules of %s no row of %s makes fire", file.ruleFile(), file.file()).isEmpty()));
            for (RowResult row : file.results()) {
                tests.add(dynamicTest(file.file() + ":" + row.line(),
                        () -> assertThat(row.passed()).as(row.message(file.file())).isTrue()));
            }
            return dynamicContainer(file.file(), tests);
        });
    }
}
