package ca.gigafibre.automation.voip;

import java.util.List;

/** What one nightly 911 audit found, and whether ops were asked to review it. */
public record E911AuditRun(long id, int lines, int mismatches, int missing, int orphans, List<String> newProblemDids,
                           String reviewProcessInstanceId) {
}
