package ca.gigafibre.automation.customer;

/** One search hit. */
public record CustomerSummary(String id, String name, String companyName, String email, String phone, String status,
                              String address, Integer legacyAccountId) {
}
