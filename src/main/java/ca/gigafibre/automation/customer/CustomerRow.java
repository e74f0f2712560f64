package ca.gigafibre.automation.customer;

import java.time.OffsetDateTime;

/** A customer as stored. */
public record CustomerRow(long id, String customerNo, Integer legacyAccountId, String firstName, String lastName,
                          String companyName, String email, String phone, String cellPhone, String language,
                          boolean commercial, boolean vip, boolean neverSuspend, String status, OffsetDateTime createdAt,
                          String preferredChannel) {

    /** The number to text: the cell phone. {@code phone} is the home line (a landline), which cannot receive texts. */
    public String textablePhone() {
        return cellPhone;
    }

    /** Where a message goes: the channel the customer prefers when we can reach them there, else the other one, else none. */
    public String reachableChannel() {
        boolean email = this.email != null && !this.email.isBlank();
        boolean sms = textablePhone() != null;
        if ("email".equals(preferredChannel) && email) {
            return "email";
        }
        return sms ? "sms" : email ? "email" : "none";
    }
}
