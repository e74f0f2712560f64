package ca.gigafibre.automation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.support.TechnicianCandidate;
import ca.gigafibre.automation.workflow.AnalystResources;
import ca.gigafibre.automation.workflow.ResourcesSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** rules/technician-ranking.drl over a table of candidates. */
class TechnicianRankingRulesTest {

    private static RuleDecisions decisions;

    @BeforeAll
    static void compileTheProjectRules() {
        decisions = new RuleDecisions(new RuleBase(new AnalystResources(new ResourcesSettings(".")), new RuleSetCompiler()));
    }

    @ParameterizedTest(name = "level {0}, {1} jobs, {2} km → {3} ({4})")
    @CsvSource(delimiter = '|', value = {
            "5 | 0 | 0.0   | SUGGESTED     | 100   | A skilled technician is ranked by level, then load that day, then distance",
            "5 | 2 | 0.0   | SUGGESTED     | 80    | A skilled technician is ranked by level, then load that day, then distance",
            "3 | 0 | 24.0  | SUGGESTED     | 55    | A skilled technician is ranked by level, then load that day, then distance",
            "1 | 0 | -1    | SUGGESTED     | 20    | A skilled technician is ranked by level, then load that day, then distance",
            "4 | 1 | 100.0 | SUGGESTED     | 50    | A skilled technician is ranked by level, then load that day, then distance",
            "0 | 0 | 0.0   | NOT_SUGGESTED | -1000 | A technician without the required skill is not suggested"})
    void scores(int level, int jobs, double km, String outcome, int score, String rule) {
        DecisionResult result = decisions.decide("technician-ranking", new TechnicianCandidate("TECH-001", "Gen", "fibre", level, jobs, km));

        assertThat(result.outcome()).isEqualTo(outcome);
        assertThat(result.values()).containsEntry("score", score);
        assertThat(result.rulesFired()).containsExactly(rule);
        assertThat(result.explanationFr()).isNotBlank();
        assertThat(result.explanationEn()).isNotBlank();
    }

    @Test
    void skillOutweighsADrivePlusAnAppointment() {
        List<TechnicianCandidate> candidates = List.of(
                new TechnicianCandidate("TECH-A", "Near, level 3", "fibre", 3, 0, 1.0),
                new TechnicianCandidate("TECH-B", "Busy, level 5", "fibre", 5, 1, 30.0),
                new TechnicianCandidate("TECH-C", "Free, level 4", "fibre", 4, 0, 40.0));

        Map<String, DecisionResult> results = decisions.decideAll("technician-ranking", candidates);

        // B: 100 - 10 - 6 = 84; C: 80 - 8 = 72; A: 60 - 0 = 60
        assertThat(results.entrySet().stream().sorted((a, b) -> Integer.compare((int) b.getValue().values().get("score"),
                (int) a.getValue().values().get("score"))).map(e -> e.getKey() + " " + e.getValue().values().get("score")).toList())
                .containsExactly("TECH-B 84", "TECH-C 72", "TECH-A 60");
    }
}
