package ca.gigafibre.automation.support;

import ca.gigafibre.automation.rules.DecisionLog;
import ca.gigafibre.automation.rules.decision.ProcessCustomer;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The ranking {@code rules/technician-ranking.drl} gave a dispatcher, in the decision log of the ticket's account: who
 * was suggested first, each technician's score and why (the best {@value #SHOWN}), the rules that fired.
 */
@Component
public class TechnicianRankingRecord {

    static final int SHOWN = 10;

    private final DecisionLog log;
    private final ProcessCustomer customers;

    public TechnicianRankingRecord(DecisionLog log, ProcessCustomer customers) {
        this.log = log;
        this.customers = customers;
    }

    public void record(DelegateExecution execution, String requiredSkill, LocalDate visitDay, List<TechnicianRanking.Suggestion> ranked) {
        List<TechnicianRanking.Suggestion> shown = ranked.stream().limit(SHOWN).toList();
        String best = ranked.stream().filter(TechnicianRanking.Suggestion::suggested).map(TechnicianRanking.Suggestion::technicianId)
                .findFirst().orElse(null);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("requiredSkill", requiredSkill);
        facts.put("visitDay", visitDay.toString());
        facts.put("ranked", ranked.size());
        facts.put("ranking", shown.stream().map(s -> Map.of("technicianId", s.technicianId(), "name", s.name(), "score", s.score(),
                "suggested", s.suggested())).toList());
        String fr = IntStream.range(0, shown.size()).mapToObj(i -> (i + 1) + ". " + shown.get(i).technicianId() + " (" + shown.get(i).score()
                + ") : " + shown.get(i).whyFr()).collect(Collectors.joining(" ; "));
        String en = IntStream.range(0, shown.size()).mapToObj(i -> (i + 1) + ". " + shown.get(i).technicianId() + " (" + shown.get(i).score()
                + "): " + shown.get(i).whyEn()).collect(Collectors.joining("; "));
        List<String> rulesFired = ranked.stream().flatMap(s -> s.rulesFired().stream()).distinct().toList();
        String version = ranked.isEmpty() ? "none" : ranked.get(0).rulesetVersion();
        log.record(new DecisionLog.Entry(TechnicianRanking.AREA, customers.of(execution), execution.getProcessBusinessKey(),
                best == null ? "NO_TECHNICIAN" : "SUGGESTED " + best, facts, rulesFired, version,
                "Techniciens classés pour le " + visitDay + " (compétence " + requiredSkill + ") : " + (fr.isEmpty() ? "aucun" : fr),
                "Technicians ranked for " + visitDay + " (skill " + requiredSkill + "): " + (en.isEmpty() ? "none" : en),
                execution.getProcessInstanceId(), null));
    }
}
