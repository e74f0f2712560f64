package ca.gigafibre.automation.customer;

import java.time.OffsetDateTime;

/**
 * One line of a customer's activity timeline. {@code source}: {@code decision} (why-record), {@code audit},
 * {@code message} (notification ledger), {@code process} (Camunda history: started, ended, task completed).
 */
public record TimelineEntry(OffsetDateTime at, String source, String kind, String summary, String actor, String ref) {
}
