package ca.gigafibre.automation.whatif;

import java.util.List;
import java.util.Map;

/**
 * A what-if question: parameter changes ({@link WhatIfParameters} lists the names), candidate rule files by name
 * ({@code "suspension.drl": "<DRL text>"}), candidate DMN tables by name ({@code "overdue-reminders.dmn": "<XML>"}), how many
 * months back to replay (default 12), and optionally the only accounts to replay (customer numbers).
 */
public record WhatIfRequest(Map<String, Object> parameters, Map<String, String> rules, Map<String, String> dmn, Integer months,
                            List<String> customers) {

    public Map<String, Object> parametersOrNone() {
        return parameters == null ? Map.of() : parameters;
    }

    public Map<String, String> rulesOrNone() {
        return rules == null ? Map.of() : rules;
    }

    public Map<String, String> dmnOrNone() {
        return dmn == null ? Map.of() : dmn;
    }

    public List<String> customersOrAll() {
        return customers == null ? List.of() : customers;
    }
}
