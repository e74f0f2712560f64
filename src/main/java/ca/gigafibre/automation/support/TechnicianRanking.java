package ca.gigafibre.automation.support;

import ca.gigafibre.automation.rules.DecisionResult;
import ca.gigafibre.automation.rules.RuleDecisions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Suggests technicians for a visit: the facts (skill level, appointments that day, distance from their base) come from
 * the database, the ranking from {@code rules/technician-ranking.drl}, so analysts tune it without code.
 */
@Service
public class TechnicianRanking {

    public static final String AREA = "technician-ranking";

    private final JdbcClient jdbc;
    private final RuleDecisions rules;

    public TechnicianRanking(JdbcClient jdbc, RuleDecisions rules) {
        this.jdbc = jdbc;
        this.rules = rules;
    }

    /** One suggestion: the technician, the score and why (French, English). */
    public record Suggestion(String technicianId, String name, int score, boolean suggested, String whyFr, String whyEn,
                             List<String> rulesFired, String rulesetVersion) {
    }

    /** Every active technician, best first, for a visit needing {@code skill} at the location on {@code day}. */
    public List<Suggestion> rank(String skill, long locationId, LocalDate day) {
        Map<String, Object> location = jdbc.sql("SELECT latitude, longitude FROM automation.service_location WHERE id = :id")
                .param("id", locationId).query().singleRow();
        List<TechnicianCandidate> candidates = jdbc.sql("""
                SELECT t.technician_no, t.name, coalesce((t.skills ->> :skill)::int, 0) AS level, t.base_latitude, t.base_longitude,
                       (SELECT count(*) FROM automation.dispatch_job j WHERE j.technician_id = t.id AND j.status <> 'cancelled'
                          AND (j.scheduled_start AT TIME ZONE 'America/Montreal')::date = :day) AS jobs
                FROM automation.technician t WHERE t.active ORDER BY t.technician_no
                """).param("skill", skill).param("day", day)
                .query((rs, n) -> new TechnicianCandidate(rs.getString(1), rs.getString(2), skill, rs.getInt(3), rs.getInt(6),
                        distanceKm(rs.getBigDecimal(4), rs.getBigDecimal(5), (BigDecimal) location.get("latitude"),
                                (BigDecimal) location.get("longitude"))))
                .list();
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<String, DecisionResult> decided = rules.decideAll(AREA, candidates);
        return candidates.stream()
                .map(c -> {
                    DecisionResult d = decided.get(c.getSubject());
                    return new Suggestion(c.getSubject(), c.getName(), ((Number) d.values().get("score")).intValue(),
                            "SUGGESTED".equals(d.outcome()), d.explanationFr(), d.explanationEn(), d.rulesFired(), d.rulesetVersion());
                })
                .sorted(Comparator.comparingInt(Suggestion::score).reversed().thenComparing(Suggestion::technicianId))
                .toList();
    }

    /** Great-circle distance; -1 when either position is unknown. */
    static double distanceKm(BigDecimal lat1, BigDecimal lon1, BigDecimal lat2, BigDecimal lon2) {
        if (lat1 == null || lon1 == null || lat2 == null || lon2 == null) {
            return -1;
        }
        double p1 = Math.toRadians(lat1.doubleValue());
        double p2 = Math.toRadians(lat2.doubleValue());
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2.doubleValue() - lon1.doubleValue());
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }
}
