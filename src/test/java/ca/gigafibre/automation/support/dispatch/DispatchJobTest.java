package ca.gigafibre.automation.support.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gigafibre.automation.platform.time.BusinessCalendar;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.TestCustomers;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * {@code POST /api/dispatch-jobs}: a visit booked on a business day in a window, with the technician named or ranked by
 * {@code rules/technician-ranking.drl} among those free then; one booking per technician per half-day.
 */
class DispatchJobTest extends IntegrationTest {

    @Autowired
    TestCustomers customers;

    @Autowired
    BusinessCalendar calendar;

    private String skill;
    private String customer;
    private String location;
    private String expert;    // level 5, close by: ranked first
    private String junior;    // level 2: ranked second
    private LocalDate day;

    @BeforeEach
    void aCustomerAndTwoTechniciansWithASkillOfTheirOwn() {
        // a skill only this test's technicians have, so technicians made by other tests are never suggested
        skill = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        customer = customers.create("Visite", false, false, false);
        location = as("ops").getForObject("/api/customers/" + customer, JsonNode.class).path("locations").get(0).path("id").asText();
        jdbc.sql("UPDATE automation.service_location SET latitude = 45.4000, longitude = -72.7300 WHERE location_no = :no")
                .param("no", location).update();
        expert = technician("Experte " + skill, 5);
        junior = technician("Junior " + skill, 2);
        day = calendar.nextBusinessDay(BusinessTime.today().plusDays(1));
    }

    @Test
    void withoutATechnicianTheBestRankedFreeOneIsBookedAndWhyIsRecorded() {
        ResponseEntity<JsonNode> first = book(null, "am");
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getBody().path("technicianId").asText()).isEqualTo(expert);
        assertThat(first.getBody().path("chosenBy").asText()).isEqualTo("ranked");
        assertThat(first.getBody().path("kind").asText()).isEqualTo("visit");
        assertThat(first.getBody().path("from").asText()).startsWith(day + "T08:00");
        assertThat(first.getBody().path("to").asText()).startsWith(day + "T12:00");
        String job = first.getBody().path("id").asText();

        // the expert's morning is taken: the next booking in that window goes to the junior, the expert shown as booked
        ResponseEntity<JsonNode> second = book(null, "am");
        assertThat(second.getBody().path("technicianId").asText()).isEqualTo(junior);
        assertThat(second.getBody().path("whyEn").asText()).contains(expert + " (90, already booked)").contains(junior + " (40)");

        JsonNode read = as("analyst").getForObject("/api/dispatch-jobs/" + job, JsonNode.class);
        assertThat(read.path("technicianId").asText()).isEqualTo(expert);
        assertThat(read.path("whyFr").asText()).startsWith(expert + " (Experte " + skill + ") réservé le " + day + ", matin (8 h – 12 h)")
                .contains("niveau 5/5 en " + skill);

        List<Map<String, Object>> logged = jdbc.sql("""
                SELECT outcome, rules_fired FROM automation.decision_log WHERE area = 'dispatch-job' AND subject_ref = :job
                """).param("job", job).query().listOfRows();
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0)).containsEntry("outcome", "RANKED " + expert);
        JsonNode decisions = as("ops").getForObject("/api/customers/" + customer + "/decisions", JsonNode.class);
        assertThat(decisions.toString()).contains("RANKED " + expert).contains("RANKED " + junior);
    }

    @Test
    void aWindowWithEveryoneBookedIsAConflictAndBooksNothing() {
        book(null, "pm");
        book(null, "pm");
        long jobs = jobsOfCustomer();

        ResponseEntity<JsonNode> third = book(null, "pm");

        assertThat(third.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(third.getBody().path("detail").asText()).startsWith("window: no technician with the skill " + skill + " is free");
        assertThat(jobsOfCustomer()).isEqualTo(jobs);
        // the morning is another window
        assertThat(book(null, "am").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aNamedTechnicianIsBookedAsNamedAndOnlyOncePerWindow() {
        ResponseEntity<JsonNode> named = book(junior, "am");
        assertThat(named.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(named.getBody().path("technicianId").asText()).isEqualTo(junior);
        assertThat(named.getBody().path("chosenBy").asText()).isEqualTo("named");
        assertThat(named.getBody().path("bookedBy").asText()).isEqualTo("ops");
        assertThat(jdbc.sql("SELECT decided_by FROM automation.decision_log WHERE area = 'dispatch-job' AND subject_ref = :job")
                .param("job", named.getBody().path("id").asText()).query(String.class).single()).isEqualTo("ops");

        ResponseEntity<JsonNode> again = book(junior, "am");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().path("detail").asText()).startsWith("technicianId: " + junior + " is already booked on " + day);
        // a whole day holds the morning too
        assertThat(book(junior, "day").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(book(junior, "pm").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(book(expert, "day").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(book(expert, "pm").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aRepairAppointmentBookedByTheSupportProcessKeepsTheTechnicianBusy() {
        jdbc.sql("""
                INSERT INTO automation.dispatch_job (kind, skill, technician_id, scheduled_start, scheduled_end, status)
                SELECT 'repair', :skill, t.id, :start, :end, 'scheduled' FROM automation.technician t WHERE t.technician_no = :no
                """).param("skill", skill).param("start", day.atTime(9, 0).atZone(BusinessTime.ZONE).toOffsetDateTime())
                .param("end", day.atTime(11, 0).atZone(BusinessTime.ZONE).toOffsetDateTime()).param("no", expert).update();

        assertThat(book(expert, "am").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(book(null, "am").getBody().path("technicianId").asText()).isEqualTo(junior);
    }

    @Test
    void theDatabaseHoldsOneBookingPerTechnicianPerHalfDayAndACancelledJobGivesItBack() {
        String job = book(expert, "am").getBody().path("id").asText();
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO automation.technician_booking (technician_id, day, half, dispatch_job_id)
                SELECT t.id, :day, 'am', j.id FROM automation.technician t, automation.dispatch_job j
                WHERE t.technician_no = :tech AND j.job_no = :job
                """).param("day", day).param("tech", expert).param("job", job).update()).isInstanceOf(DuplicateKeyException.class);

        jdbc.sql("UPDATE automation.dispatch_job SET status = 'cancelled' WHERE job_no = :job").param("job", job).update();

        assertThat(book(expert, "am").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void theVisitCountsAmongTheLocationsVisits() {
        int before = as("ops").getForObject("/api/locations/" + location + "/visits", JsonNode.class).path("count").asInt();
        String job = book(null, "day").getBody().path("id").asText();

        JsonNode visits = as("ops").getForObject("/api/locations/" + location + "/visits", JsonNode.class);

        assertThat(visits.path("count").asInt()).isEqualTo(before + 1);
        assertThat(visits.path("visits").findValuesAsText("dispatchJobId")).contains(job);
    }

    @Test
    void aDayThatIsNotABusinessDayOrIsPastIsRefusedNamingTheDate() {
        LocalDate saturday = BusinessTime.today().with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        ResponseEntity<JsonNode> weekend = book(null, "am", saturday);
        assertThat(weekend.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(weekend.getBody().path("errors").get(0).path("field").asText()).isEqualTo("date");
        assertThat(weekend.getBody().path("errors").get(0).path("message").asText()).contains("not a business day");

        LocalDate christmas = LocalDate.of(BusinessTime.today().getYear() + 1, 12, 25);
        assertThat(book(null, "am", christmas).getBody().path("errors").get(0).path("field").asText()).isEqualTo("date");

        ResponseEntity<JsonNode> past = book(null, "am", BusinessTime.today().minusDays(1));
        assertThat(past.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(past.getBody().path("errors").get(0).path("message").asText()).isEqualTo("must not be in the past");
        assertThat(jobsOfCustomer()).isZero();
    }

    @Test
    void badFieldsAreNamedEachOne() {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customer);
        body.put("locationId", "42");
        body.put("window", "evening");
        body.put("skill", "");
        ResponseEntity<JsonNode> malformed = as("ops").postForEntity("/api/dispatch-jobs", body, JsonNode.class);
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getBody().path("errors").findValuesAsText("field")).contains("locationId", "window", "skill", "date");

        ResponseEntity<JsonNode> unknown = as("ops").postForEntity("/api/dispatch-jobs", Map.of("customerId", "C-99999999", "locationId", location,
                "date", day.toString(), "window", "am", "skill", skill, "technicianId", "TECH-99999"), JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(unknown.getBody().path("errors").findValuesAsText("field")).containsExactly("customerId", "technicianId");

        String stranger = customers.create("Autre", false, false, false);
        ResponseEntity<JsonNode> notTheirs = as("ops").postForEntity("/api/dispatch-jobs", Map.of("customerId", stranger, "locationId", location,
                "date", day.toString(), "window", "am", "skill", skill), JsonNode.class);
        assertThat(notTheirs.getBody().path("errors").findValuesAsText("field")).containsExactly("locationId");
    }

    @Test
    void aNamedTechnicianWithoutTheSkillIsRefusedWithTheRulesReason() {
        String other = technician("Sans compétence " + skill, 0);

        ResponseEntity<JsonNode> refused = book(other, "am");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().path("errors").get(0).path("field").asText()).isEqualTo("technicianId");
        assertThat(refused.getBody().path("errors").get(0).path("message").asText()).contains("lacks the skill '" + skill + "'");
    }

    @Test
    void analystsReadButDoNotBook() {
        assertThat(as("analyst").postForEntity("/api/dispatch-jobs", Map.of("customerId", customer, "locationId", location,
                "date", day.toString(), "window", "am", "skill", skill), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("analyst").getForEntity("/api/dispatch-jobs/DJ-99999999", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private ResponseEntity<JsonNode> book(String technician, String window) {
        return book(technician, window, day);
    }

    private ResponseEntity<JsonNode> book(String technician, String window, LocalDate date) {
        Map<String, Object> body = new HashMap<>(Map.of("customerId", customer, "locationId", location, "date", date.toString(),
                "window", window, "skill", skill));
        if (technician != null) {
            body.put("technicianId", technician);
        }
        return as("ops").postForEntity("/api/dispatch-jobs", body, JsonNode.class);
    }

    private long jobsOfCustomer() {
        return jdbc.sql("SELECT count(*) FROM automation.dispatch_job j JOIN automation.customer c ON c.id = j.customer_id WHERE c.customer_no = :c")
                .param("c", customer).query(Long.class).single();
    }

    private String technician(String name, int level) {
        Map<String, Integer> skills = level == 0 ? Map.of("cuivre", 3) : Map.of(skill, level);
        return as("ops").postForObject("/api/technicians", Map.of("name", name, "skills", skills, "baseLatitude", "45.4000",
                "baseLongitude", "-72.7300"), JsonNode.class).path("id").asText();
    }
}
