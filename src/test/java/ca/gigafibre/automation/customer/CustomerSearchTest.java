package ca.gigafibre.automation.customer;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/customers?q=}: accents and case ignored; phones in any format; address fragments; ids; why each hit matched. */
class CustomerSearchTest extends IntegrationTest {

    private final Random random = new Random();
    private String suffix;
    private String phone;
    private int legacy;
    private String id;

    @BeforeEach
    void oneCustomerOfItsOwn() {
        suffix = letters(7);
        phone = "819" + (2000000 + random.nextInt(7_999_999));
        legacy = 900_000_000 + random.nextInt(99_999_999);
        Map<String, Object> location = new HashMap<>(Map.of("streetNumber", "1455", "streetName", "Chemin des Érables" + suffix,
                "city", "Saint-Hyacinthe", "postalCode", "J2S 8B3"));
        Map<String, Object> body = new HashMap<>(Map.of("firstName", "Éloïse", "lastName", "Côté-Bérubé" + suffix,
                "email", "eloise@example.com", "phone", "(" + phone.substring(0, 3) + ") " + phone.substring(3, 6) + "-" + phone.substring(6),
                "language", "fr", "legacyAccountId", legacy, "location", location));
        id = as("ops").postForObject("/api/customers", body, JsonNode.class).path("id").asText();
    }

    @Test
    void findsANameWithOrWithoutItsAccentsInAnyCase() {
        for (String q : new String[] {"Éloïse Côté-Bérubé" + suffix, "eloise cote-berube" + suffix, "ELOISE COTE-BERUBE" + suffix.toUpperCase(),
                "côté-bérubé" + suffix, "berube" + suffix + " eloise"}) {
            assertThat(hit(q).path("matchedOn").asText()).as(q).isEqualTo("name");
        }
        JsonNode hit = hit("cote-berube" + suffix);
        assertThat(hit.path("name").asText()).isEqualTo("Éloïse Côté-Bérubé" + suffix);
        assertThat(hit.path("phone").asText()).isEqualTo(phone);
        assertThat(hit.path("address").asText()).isEqualTo("1455 Chemin des Érables" + suffix + ", Saint-Hyacinthe");
    }

    @Test
    void findsAPhoneInEveryFormatPeopleType() {
        String area = phone.substring(0, 3), exchange = phone.substring(3, 6), line = phone.substring(6);
        for (String q : new String[] {area + " " + exchange + "-" + line, "(" + area + ") " + exchange + "-" + line, phone,
                area + "-" + exchange + "-" + line, area + "." + exchange + "." + line, "+1 " + area + " " + exchange + " " + line,
                "1" + phone}) {
            assertThat(hit(q).path("matchedOn").asText()).as(q).isEqualTo("phone");
        }
    }

    @Test
    void findsAnAddressFragmentWithoutItsAccents() {
        assertThat(hit("chemin des erables" + suffix).path("matchedOn").asText()).isEqualTo("address");
        assertThat(hit("1455 erables" + suffix + " saint-hyacinthe").path("matchedOn").asText()).isEqualTo("address");
    }

    @Test
    void findsTheIdAloneAndTheLegacyId() {
        JsonNode byId = as("analyst").getForObject("/api/customers?q={q}", JsonNode.class, id.toLowerCase());
        assertThat(byId).hasSize(1);
        assertThat(byId.get(0).path("id").asText()).isEqualTo(id);
        assertThat(byId.get(0).path("matchedOn").asText()).isEqualTo("id");
        assertThat(hit(String.valueOf(legacy)).path("matchedOn").asText()).isEqualTo("legacyId");
    }

    @Test
    void likeWildcardsAreSearchedAsCharacters() {
        JsonNode hits = as("ops").getForObject("/api/customers?q={q}", JsonNode.class, "%" + suffix + "_");
        assertThat(hits).isEmpty();
    }

    private JsonNode hit(String q) {
        JsonNode hits = as("ops").getForObject("/api/customers?q={q}", JsonNode.class, q);
        return StreamSupport.stream(hits.spliterator(), false).filter(h -> h.path("id").asText().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("'" + q + "' does not find " + id + ": " + hits));
    }

    private String letters(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }
}
