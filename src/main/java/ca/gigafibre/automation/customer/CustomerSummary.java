package ca.gigafibre.automation.customer;

/**
 * One search hit: who, how to reach them, where, and why it matched ({@code matchedOn}: {@code id}, {@code legacyId},
 * {@code phone}, {@code name}, {@code company}, {@code email} or {@code address}). {@code address} is the location that
 * matched, else the first one.
 */
public record CustomerSummary(String id, String name, String companyName, String email, String phone, String status,
                              String address, Integer legacyAccountId, String cellPhone, String matchedOn) {
}
