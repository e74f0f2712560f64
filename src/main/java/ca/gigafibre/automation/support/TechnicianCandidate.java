package ca.gigafibre.automation.support;

import ca.gigafibre.automation.rules.DecisionFacts;

/**
 * What {@code rules/technician-ranking.drl} sees about one technician for one visit: their level (0–5) in the skill the
 * ticket needs, how many appointments they already have that day, and how far their base is from the location
 * ({@code -1} when a position is unknown).
 */
public class TechnicianCandidate implements DecisionFacts {

    private final String technicianId;
    private final String name;
    private final String requiredSkill;
    private final int skillLevel;
    private final int jobsThatDay;
    private final double distanceKm;

    public TechnicianCandidate(String technicianId, String name, String requiredSkill, int skillLevel, int jobsThatDay, double distanceKm) {
        this.technicianId = technicianId;
        this.name = name;
        this.requiredSkill = requiredSkill;
        this.skillLevel = skillLevel;
        this.jobsThatDay = jobsThatDay;
        this.distanceKm = distanceKm;
    }

    @Override
    public String getSubject() {
        return technicianId;
    }

    public String getName() {
        return name;
    }

    public String getRequiredSkill() {
        return requiredSkill;
    }

    public int getSkillLevel() {
        return skillLevel;
    }

    public int getJobsThatDay() {
        return jobsThatDay;
    }

    public double getDistanceKm() {
        return distanceKm;
    }

    public boolean isDistanceKnown() {
        return distanceKm >= 0;
    }

    /** "12.4", for explanations. */
    public String getDistanceText() {
        return String.format(java.util.Locale.ROOT, "%.1f", distanceKm);
    }
}
