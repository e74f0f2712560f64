package ca.gigafibre.automation.whatif;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a what-if replay found: the window replayed, what changed in the question, how many decisions were replayed per kind
 * (on each side), the groups of accounts whose decision changes, and each account.
 */
public record WhatIfReport(LocalDate from, LocalDate to, List<Bilingual> changes, String rulesetVersion, String candidateRulesetVersion,
                           Map<String, Integer> decisionsReplayed, List<ChangeGroup> groups, List<AccountChange> accounts,
                           Map<String, Object> parametersAllowed, long millis) {
}
