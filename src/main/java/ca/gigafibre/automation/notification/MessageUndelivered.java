package ca.gigafibre.automation.notification;

/**
 * Twilio reported a text of the notification ledger {@code undelivered} or {@code failed}: published once, when the status
 * first becomes so, for whoever waits on that message (the suspension's notice period listens for cutoff notices).
 */
public record MessageUndelivered(long customerId, String kind, String naturalKey, String status) {
}
