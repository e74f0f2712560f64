package ca.gigafibre.automation.whatif;

import java.time.LocalDate;
import java.util.List;

/**
 * One account whose decision changes: the first replayed decision that differs ({@code on}, about {@code subject}: the
 * account for suspensions and reminders, the invoice for charges), what the rules in force and the candidate decided, the
 * rules that fired on each side, and how many of its replayed decisions differ in all.
 */
public record AccountChange(String kind, String customerId, String name, boolean commercial, LocalDate on, String subject,
                            String before, String after, List<String> rulesBefore, List<String> rulesAfter,
                            String explanationBefore, String explanationAfter, int decisionsChanged) {
}
