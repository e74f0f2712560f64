package ca.gigafibre.automation.whatif;

import java.time.LocalDate;

/** {@link AccountChange} as one CSV line (rule names joined with " | "). */
public record AccountChangeRow(String kind, String customerId, String name, boolean commercial, LocalDate on, String subject,
                               String before, String after, String rulesBefore, String rulesAfter, int decisionsChanged) {

    static AccountChangeRow of(AccountChange change) {
        return new AccountChangeRow(change.kind(), change.customerId(), change.name(), change.commercial(), change.on(), change.subject(),
                change.before(), change.after(), String.join(" | ", change.rulesBefore()), String.join(" | ", change.rulesAfter()),
                change.decisionsChanged());
    }
}
