package ca.gigafibre.automation.whatif;

import ca.gigafibre.automation.billing.BillingSettings;
import ca.gigafibre.automation.collections.CollectionsSettings;
import ca.gigafibre.automation.collections.suspension.SuspensionHistory;
import ca.gigafibre.automation.platform.error.MalformedRequestException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The parameters a what-if may change: only those the replayed rules read, each with its value in force. Any other name is
 * refused (400 naming it), so an analyst never believes a change was replayed when it was not.
 */
@Component
public class WhatIfParameters {

    public static final String GRACE_DAYS = "automation.collections.suspension-grace-days";
    public static final String NOTICE_DAYS = "automation.collections.suspension-notice-days";
    public static final String NOTICE_VALID_DAYS = "automation.collections.notice-valid-days";
    public static final String BANK_NOTICE_DAYS = "automation.billing.bank-notice-days";
    /** Not a property: every PPA account's buffer above its limit (account_ppa_settings.ppa_amount_buffer) set to one amount. */
    public static final String PPA_AMOUNT_BUFFER = "account.ppa-amount-buffer";

    /** What a replay runs with, on each side. */
    public record Scenario(SuspensionHistory.Parameters currentSuspension, SuspensionHistory.Parameters candidateSuspension,
                           int currentBankNoticeDays, int candidateBankNoticeDays, BigDecimal bufferForAll, List<Bilingual> changes) {
    }

    private final Map<String, Integer> inForce = new LinkedHashMap<>();

    public WhatIfParameters(CollectionsSettings collections, BillingSettings billing) {
        inForce.put(GRACE_DAYS, collections.suspensionGraceDays());
        inForce.put(NOTICE_DAYS, collections.suspensionNoticeDays());
        inForce.put(NOTICE_VALID_DAYS, collections.noticeValidDays());
        inForce.put(BANK_NOTICE_DAYS, billing.bankNoticeDays());
    }

    /** The names a what-if accepts, with today's value (the buffer has none: it is each account's). */
    public Map<String, Object> allowed() {
        Map<String, Object> allowed = new LinkedHashMap<>(inForce);
        allowed.put(PPA_AMOUNT_BUFFER, null);
        return allowed;
    }

    public Scenario scenario(Map<String, Object> asked) {
        Map<String, Integer> candidate = new LinkedHashMap<>(inForce);
        BigDecimal buffer = null;
        List<Bilingual> changes = new ArrayList<>();
        for (Map.Entry<String, Object> entry : asked.entrySet()) {
            String name = entry.getKey();
            String field = "parameters." + name;
            if (name.equals(PPA_AMOUNT_BUFFER)) {
                buffer = amount(field, entry.getValue());
                changes.add(new Bilingual("marge au-dessus de la limite de prélèvement : " + buffer + " $ pour tous",
                        "buffer above the PPA limit: $" + buffer + " for all"));
            } else if (inForce.containsKey(name)) {
                int value = days(field, entry.getValue(), name.equals(NOTICE_VALID_DAYS) ? 1 : 0);
                candidate.put(name, value);
                changes.add(describe(name, inForce.get(name), value));
            } else {
                throw new MalformedRequestException(field, "unknown parameter; a what-if changes only what the replayed rules read: "
                        + String.join(", ", allowed().keySet()));
            }
        }
        return new Scenario(suspension(inForce), suspension(candidate), inForce.get(BANK_NOTICE_DAYS), candidate.get(BANK_NOTICE_DAYS),
                buffer, changes);
    }

    private static SuspensionHistory.Parameters suspension(Map<String, Integer> values) {
        return new SuspensionHistory.Parameters(values.get(GRACE_DAYS), values.get(NOTICE_DAYS), values.get(NOTICE_VALID_DAYS));
    }

    private static Bilingual describe(String name, int from, int to) {
        return switch (name) {
            case GRACE_DAYS -> new Bilingual("délai de grâce " + from + " → " + to + " jours", "grace " + from + " → " + to + " days");
            case NOTICE_DAYS -> new Bilingual("préavis de coupure " + from + " → " + to + " jours", "cutoff notice " + from + " → " + to + " days");
            case NOTICE_VALID_DAYS -> new Bilingual("validité d'un avis de coupure " + from + " → " + to + " jours",
                    "cutoff notice validity " + from + " → " + to + " days");
            default -> new Bilingual("préavis de prélèvement bancaire " + from + " → " + to + " jours",
                    "bank debit pre-notification " + from + " → " + to + " days");
        };
    }

    private static int days(String field, Object value, int min) {
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                && number.doubleValue() >= min && number.doubleValue() <= 365) {
            return number.intValue();
        }
        throw new MalformedRequestException(field, "must be a whole number of days from " + min + " to 365");
    }

    private static BigDecimal amount(String field, Object value) {
        if (value instanceof Number number) {
            BigDecimal amount = new BigDecimal(number.toString());
            if (amount.signum() >= 0 && amount.scale() <= 2 && amount.compareTo(new BigDecimal("10000")) <= 0) {
                return amount.setScale(2);
            }
        }
        throw new MalformedRequestException(field, "must be an amount in dollars from 0 to 10000, at most two decimals");
    }
}
