package ca.gigafibre.automation.customer;

import java.time.OffsetDateTime;
import java.util.List;

/** Customer 360: the customer with locations and what the other capabilities add ({@link Customer360Part}). */
public record CustomerView(String id, Integer legacyAccountId, String firstName, String lastName, String companyName,
                           String email, String phone, String cellPhone, String language, boolean commercial, boolean vip,
                           boolean neverSuspend, String status, OffsetDateTime createdAt, List<LocationView> locations,
                           java.util.Map<String, Object> related) {
}
