package ca.gigafibre.automation.customer;

import java.time.OffsetDateTime;

/** A staff note on a customer: who wrote it (the authenticated user), when, the text as typed. */
public record NoteView(long id, String author, String text, OffsetDateTime createdAt) {
}
