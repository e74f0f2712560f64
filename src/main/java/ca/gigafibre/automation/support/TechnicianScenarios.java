package ca.gigafibre.automation.support;

import ca.gigafibre.automation.rules.DecisionFacts;
import ca.gigafibre.automation.rules.scenario.ScenarioAdapter;
import ca.gigafibre.automation.rules.scenario.ScenarioColumn;
import ca.gigafibre.automation.rules.scenario.ScenarioOutput;
import ca.gigafibre.automation.rules.scenario.ScenarioRow;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Component;

/** The columns of {@code rules/scenarios/technician-ranking.csv}: one technician for one visit. */
@Component
public class TechnicianScenarios implements ScenarioAdapter {

    private static final ScenarioColumn SKILL = ScenarioColumn.of("competence", "skill", "compétence requise / required skill (fibre)");
    private static final ScenarioColumn LEVEL = ScenarioColumn.of("niveau", "skill_level", "niveau 0–5 dans cette compétence / level 0–5 in it (0)");
    private static final ScenarioColumn JOBS = ScenarioColumn.of("rendez_vous", "jobs_that_day", "rendez-vous déjà pris ce jour-là / appointments that day (0)");
    private static final ScenarioColumn DISTANCE = ScenarioColumn.of("distance_km", "distance_km", "distance de sa base, vide = inconnue / km from their base, blank = unknown");

    @Override
    public String ruleFile() {
        return "technician-ranking.drl";
    }

    @Override
    public List<ScenarioColumn> inputs() {
        return List.of(SKILL, LEVEL, JOBS, DISTANCE);
    }

    @Override
    public List<ScenarioOutput> outputs() {
        return List.of(ScenarioOutput.of("pointage", "score", "score", "pointage du technicien / the technician's score"));
    }

    @Override
    public DecisionFacts facts(String subject, ScenarioRow row) {
        return new TechnicianCandidate(subject, "Technicien " + row.line(), row.text(SKILL, "fibre"), row.integer(LEVEL, 0),
                row.integer(JOBS, 0), row.decimal(DISTANCE, BigDecimal.ONE.negate()).doubleValue());
    }
}
