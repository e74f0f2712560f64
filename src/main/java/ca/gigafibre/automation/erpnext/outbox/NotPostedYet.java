package ca.gigafibre.automation.erpnext.outbox;

/** A document links to one the outbox has not posted yet (an invoice's customer, a payment's invoice): it waits its turn. */
public class NotPostedYet extends RuntimeException {

    public NotPostedYet(String doctype, String engineId) {
        super(doctype + " " + engineId + " is not in ERPNext yet");
    }
}
