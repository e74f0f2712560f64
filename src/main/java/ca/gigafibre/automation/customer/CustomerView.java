package ca.gigafibre.automation.customer;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Customer 360: the customer, header badges ({@link Customer360Badge}), locations with what is installed there
 * ({@link Customer360LocationPart}) and what the other capabilities add ({@link Customer360Part}).
 */
public record CustomerView(String id, Integer legacyAccountId, String firstName, String lastName, String companyName,
                           String email, String phone, String cellPhone, String language, boolean commercial, boolean vip,
                           boolean neverSuspend, String status, OffsetDateTime createdAt, Map<String, Object> badges,
                           List<Location360> locations, Map<String, Object> related) {
}
