package ca.gigafibre.automation.support.dispatch;

import ca.gigafibre.automation.rules.DecisionLog;
import ca.gigafibre.automation.support.TechnicianRanking;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Why a visit went to its technician, in the account's decision log (area {@value #AREA}, subject = the job): the
 * ranking {@code rules/technician-ranking.drl} gave (the best {@value #SHOWN}, each with its score, why and whether it
 * was free in the window) and the technician booked — the best free one, or the one the person named.
 */
class DispatchDecisionRecord {

    static final String AREA = "dispatch-job";
    static final int SHOWN = 10;

    private DispatchDecisionRecord() {
    }

    /** One ranked technician as the record shows them. */
    record Ranked(TechnicianRanking.Suggestion suggestion, boolean free) {
    }

    static DecisionLog.Entry entry(long customerId, String jobNo, DispatchJobRequest request, DispatchWindow window, List<Ranked> ranking,
                                   TechnicianRanking.Suggestion chosen, boolean named, String bookedBy) {
        List<Ranked> shown = ranking.stream().limit(SHOWN).toList();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("requiredSkill", request.skill());
        facts.put("visitDay", request.date().toString());
        facts.put("window", window.code());
        facts.put("namedTechnician", named ? chosen.technicianId() : null);
        facts.put("ranked", ranking.size());
        facts.put("ranking", shown.stream().map(r -> Map.of("technicianId", r.suggestion().technicianId(), "score", r.suggestion().score(),
                "suggested", r.suggestion().suggested(), "free", r.free())).toList());
        LocalDate day = request.date();
        String fr = chosen.technicianId() + " (" + chosen.name() + ") réservé le " + day + ", " + window.french() + (named
                ? ", nommé par " + bookedBy + ". "
                : " : le mieux classé des techniciens libres dans cette plage. ")
                + "Classement (" + request.skill() + ") : " + shown.stream().map(r -> r.suggestion().technicianId() + " (" + r.suggestion().score()
                        + (r.free() ? "" : ", déjà réservé") + ") : " + r.suggestion().whyFr()).collect(Collectors.joining(" ; "));
        String en = chosen.technicianId() + " (" + chosen.name() + ") booked on " + day + ", " + window.english() + (named
                ? ", named by " + bookedBy + ". "
                : ": the best ranked technician free in that window. ")
                + "Ranking (" + request.skill() + "): " + shown.stream().map(r -> r.suggestion().technicianId() + " (" + r.suggestion().score()
                        + (r.free() ? "" : ", already booked") + "): " + r.suggestion().whyEn()).collect(Collectors.joining("; "));
        List<String> rulesFired = ranking.stream().flatMap(r -> r.suggestion().rulesFired().stream()).distinct().toList();
        String version = ranking.isEmpty() ? "none" : ranking.get(0).suggestion().rulesetVersion();
        return new DecisionLog.Entry(AREA, customerId, jobNo, (named ? "NAMED " : "RANKED ") + chosen.technicianId(), facts, rulesFired,
                version, fr, en, null, named ? bookedBy : null);
    }
}
