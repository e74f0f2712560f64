package ca.gigafibre.automation.customer;

import java.time.OffsetDateTime;

/** A customer as stored. */
public record CustomerRow(long id, String customerNo, Integer legacyAccountId, String firstName, String lastName,
                          String companyName, String email, String phone, String cellPhone, String language,
                          boolean commercial, boolean vip, boolean neverSuspend, String status, OffsetDateTime createdAt) {

    /** The number to text: the cell phone when there is one. */
    public String textablePhone() {
        return cellPhone != null ? cellPhone : phone;
    }
}
