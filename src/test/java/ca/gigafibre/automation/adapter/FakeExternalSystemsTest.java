package ca.gigafibre.automation.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo fakes answer as the contracts in shared/contracts/ say, and adapters are pointed at them. */
class FakeExternalSystemsTest extends IntegrationTest {

    @Autowired
    AdapterEndpoints endpoints;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void oltRegistersThenUpdatesAndRefusesConflicts() throws Exception {
        String olt = endpoints.baseUrl("olt");
        String body = "{\"oltId\":\"OLT-EAST\",\"port\":\"1/2/3\",\"customerId\":\"C-10001\",\"locationId\":\"LOC-00001\","
                + "\"downloadMbps\":100,\"uploadMbps\":100,\"state\":\"enabled\"}";
        assertThat(send("PUT", olt + "/v1/onts/TPLGTEST0001", body).statusCode()).isEqualTo(201);
        assertThat(send("PUT", olt + "/v1/onts/TPLGTEST0001", body).statusCode()).isEqualTo(200);
        assertThat(send("PUT", olt + "/v1/onts/TPLGTEST0001", body.replace("1/2/3", "1/2/4")).statusCode()).isEqualTo(409);
        assertThat(send("PUT", olt + "/v1/onts/TPLGTEST0002", body.replace("OLT-EAST", "OLT-MOON")).statusCode()).isEqualTo(422);
        HttpResponse<String> disabled = send("PATCH", olt + "/v1/onts/TPLGTEST0001", "{\"state\":\"disabled\",\"reason\":\"non-payment\"}");
        assertThat(json.readTree(disabled.body()).path("state").asText()).isEqualTo("disabled");
        assertThat(send("PATCH", olt + "/v1/onts/UNKNOWN", "{\"state\":\"disabled\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void pbxNeverShowsThePasswordBack() throws Exception {
        String pbx = endpoints.baseUrl("pbx");
        HttpResponse<String> created = send("PUT", pbx + "/v1/lines/4505550123",
                "{\"callerIdName\":\"TREMBLAY MARIE\",\"sipPassword\":\"s3cr3t-sip\",\"state\":\"active\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("s3cr3t-sip");
        assertThat(send("GET", pbx + "/v1/lines/4505550123", null).body()).doesNotContain("s3cr3t-sip");
        assertThat(send("PATCH", pbx + "/v1/lines/4505550123", "{\"state\":\"emergency-only\"}").body()).contains("emergency-only");
    }

    @Test
    void e911RejectsAnInvalidAddressNamingTheFieldsAndListsRegistrations() throws Exception {
        String e911 = endpoints.baseUrl("e911");
        HttpResponse<String> rejected = send("PUT", e911 + "/v1/subscribers/4505550124", "{\"firstName\":\"Marie\",\"lastName\":\"Roy\","
                + "\"streetNumber\":\"12\",\"streetName\":\"Rue Principale\",\"city\":\"Granby\",\"province\":\"QC\",\"postalCode\":\"12345\",\"serviceClass\":\"RES\"}");
        assertThat(rejected.statusCode()).isEqualTo(422);
        assertThat(json.readTree(rejected.body()).path("invalidFields").toString()).contains("postalCode");
        assertThat(send("PUT", e911 + "/v1/subscribers/4505550124", "{\"firstName\":\"Marie\",\"lastName\":\"Roy\",\"streetNumber\":\"12\","
                + "\"streetName\":\"Rue Principale\",\"city\":\"Granby\",\"province\":\"QC\",\"postalCode\":\"J2G 1A1\",\"serviceClass\":\"RES\"}")
                .statusCode()).isEqualTo(200);
        JsonNode page = json.readTree(send("GET", e911 + "/v1/subscribers?page=0&size=10", null).body());
        assertThat(page.path("items").findValuesAsText("did")).contains("4505550124");
    }

    @Test
    void stripeAnswersTheSameIdempotencyKeyWithTheSamePaymentIntent() throws Exception {
        String stripe = endpoints.baseUrl("stripe");
        HttpRequest charge = HttpRequest.newBuilder(URI.create(stripe + "/v1/payment_intents"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Idempotency-Key", "INV-0000001-attempt-1")
                .POST(HttpRequest.BodyPublishers.ofString("amount=9762&currency=cad&customer=cus_test&confirm=true&off_session=true")).build();
        JsonNode first = json.readTree(http.send(charge, HttpResponse.BodyHandlers.ofString()).body());
        JsonNode again = json.readTree(http.send(charge, HttpResponse.BodyHandlers.ofString()).body());
        assertThat(first.path("status").asText()).isEqualTo("succeeded");
        assertThat(first.path("amount").asInt()).isEqualTo(9762);
        assertThat(again.path("id").asText()).isEqualTo(first.path("id").asText());
    }

    @Test
    void anExplicitBaseUrlWinsOverTheFake() {
        AdapterEndpoints custom = new AdapterEndpoints(new AdapterProperties(
                new AdapterProperties.Endpoint("http://staging-olt:9001", null, null, null, null, null, null, null, null, null, null, null),
                null, null, null, null, null, null, null, null, null),
                new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(
                        FallbackEndpoints.class));
        assertThat(custom.baseUrl("olt")).isEqualTo("http://staging-olt:9001");
        assertThat(endpoints.baseUrl("olt")).startsWith("http://localhost:").endsWith("/olt");
    }

    private HttpResponse<String> send(String method, String url, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
