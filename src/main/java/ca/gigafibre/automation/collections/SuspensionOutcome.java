package ca.gigafibre.automation.collections;

/** Outcomes of {@code rules/suspension.drl}; the BPMN gateway of {@code suspension} routes on their names. */
public enum SuspensionOutcome {
    SUSPEND,
    APPROVAL_REQUIRED,
    ADMIN_APPROVAL_REQUIRED,
    CALL_REQUIRED,
    NOTICE_REQUIRED,
    WAIT_CUT_WINDOW,
    WAIT,
    EXEMPT,
    NOT_DUE,
    ALREADY_SUSPENDED
}
