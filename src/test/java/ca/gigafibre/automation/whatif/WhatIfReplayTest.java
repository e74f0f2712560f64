package ca.gigafibre.automation.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.rules.RuleBase;
import ca.gigafibre.automation.testing.EngineClockTest;
import ca.gigafibre.automation.workflow.AnalystResource;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code POST /api/rules/what-if} over a small history built on the engine clock: invoices that fell due so many days ago,
 * payments received on past days through {@code POST /api/payments}, cutoff notices sent on past days. Each test replays
 * only its own accounts ({@code customers}), so what other test classes left in the shared database does not count.
 */
class WhatIfReplayTest extends EngineClockTest {

    private static final String NEVER_SUSPEND_COMMERCIAL = """

            rule "What-if: a commercial account is never suspended"
                salience 95
            when
                $f : SuspensionFacts( commercial )
                $d : Decision( subject == $f.subject, open )
            then
                $d.decide("EXEMPT", "Compte commercial : jamais suspendu.", "Commercial account: never suspended.");
                update($d);
            end
            """;

    @Autowired
    private RuleBase ruleBase;

    @Test
    void aQuestionWithoutACandidateIs422NamingWhatIsMissing() {
        ResponseEntity<JsonNode> answer = whatIf("analyst", Map.of("months", 6));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getBody().path("errors").findValuesAsText("field")).containsExactly("parameters", "rules", "dmn");
    }

    @Test
    void theCurrentRulesAndTableAsCandidatesChangeNothing() throws IOException {
        Fixture fixture = graceFixture();
        Map<String, Object> body = new HashMap<>();
        body.put("rules", Map.of("suspension.drl", running("suspension.drl"), "ppa-charging.drl", running("ppa-charging.drl")));
        body.put("dmn", Map.of("overdue-reminders.dmn", Files.readString(Path.of("processes/overdue-reminders.dmn"))));
        body.put("customers", fixture.all());

        JsonNode report = whatIf("analyst", body).getBody();

        assertThat(report.path("decisionsReplayed").path("suspension").asInt()).isPositive();
        assertThat(report.path("accounts")).isEmpty();
        assertThat(report.path("candidateRulesetVersion").asText()).isEqualTo(report.path("rulesetVersion").asText());
    }

    @Test
    void lowerGraceChangesExactlyTheAccountsThatWereOverdueThatLongWithoutReachingTheOldGrace() {
        Fixture fixture = graceFixture();

        JsonNode report = whatIf("analyst", Map.of("parameters", Map.of(WhatIfParameters.GRACE_DAYS, 21), "customers", fixture.all())).getBody();

        assertThat(changed(report, "suspension")).containsExactlyInAnyOrder(fixture.residential25, fixture.commercial25, fixture.paidAfter28);
        assertThat(report.path("accounts")).allSatisfy(a -> assertThat(a.path("before").asText()).isEqualTo("NOT_DUE"));
        JsonNode paidLate = account(report, "suspension", fixture.paidAfter28);
        assertThat(paidLate.path("after").asText()).isEqualTo("NOTICE_REQUIRED");   // never noticed: the candidate would have sent one
        assertThat(paidLate.path("on").asText()).isEqualTo(fixture.today.minusDays(40 - 21).toString());
        // overdue 21 to 27 days, then paid on the 28th day at 10:00: the day it is paid it is no longer overdue
        assertThat(paidLate.path("decisionsChanged").asInt()).isEqualTo(27 - 21 + 1);
        assertThat(paidLate.path("rulesAfter").toString()).contains("No suspension without a notice sent long enough before");
        assertThat(report.path("changes").get(0).path("fr").asText()).isEqualTo("délai de grâce 30 → 21 jours");
        int residential = 0;
        int commercial = 0;
        for (JsonNode group : report.path("groups")) {
            assertThat(group.path("fr").asText()).startsWith("délai de grâce 30 → 21 jours : ");
            assertThat(group.path("en").asText()).startsWith("grace 30 → 21 days: ");
            residential += group.path("accounts").asInt() - group.path("commercial").asInt();
            commercial += group.path("commercial").asInt();
        }
        assertThat(residential).isEqualTo(2);
        assertThat(commercial).isEqualTo(1);
    }

    @Test
    void aCandidateThatNeverSuspendsCommercialAccountsChangesExactlyTheCommercialOnes() {
        Fixture fixture = graceFixture();

        JsonNode report = whatIf("analyst", Map.of("rules", Map.of("suspension.drl", running("suspension.drl") + NEVER_SUSPEND_COMMERCIAL),
                "customers", fixture.all())).getBody();

        assertThat(changed(report, "suspension")).containsExactlyInAnyOrder(fixture.commercial25, fixture.commercial10);
        assertThat(report.path("accounts")).allSatisfy(a -> {
            assertThat(a.path("commercial").asBoolean()).isTrue();
            assertThat(a.path("after").asText()).isEqualTo("EXEMPT");
            assertThat(a.path("rulesAfter").toString()).contains("What-if: a commercial account is never suspended");
        });
        assertThat(report.path("groups")).singleElement().satisfies(g -> {
            assertThat(g.path("accounts").asInt()).isEqualTo(2);
            assertThat(g.path("commercial").asInt()).isEqualTo(2);
            assertThat(g.path("fr").asText()).isEqualTo("suspension.drl candidat : 2 comptes passent de « NOT_DUE » à « EXEMPT » (suspension), dont 2 commerciaux");
        });
        assertThat(ruleBase.current().sources().stream().map(AnalystResource::text).collect(Collectors.joining()))
                .doesNotContain("What-if: a commercial account is never suspended");
    }

    @Test
    void aCandidateReminderTableChangesTheCommercialAccountsSchedule() throws IOException {
        Fixture fixture = graceFixture();
        String table = Files.readString(Path.of("processes/overdue-reminders.dmn"))
                .replace("<outputEntry id=\"OutputEntry_CommercialFollowUps\"><text>3</text>", "<outputEntry id=\"OutputEntry_CommercialFollowUps\"><text>1</text>");

        JsonNode report = whatIf("analyst", Map.of("dmn", Map.of("overdue-reminders.dmn", table), "customers", fixture.all())).getBody();

        assertThat(changed(report, "overdue-reminders")).containsExactlyInAnyOrder(fixture.commercial25, fixture.commercial10);
        assertThat(account(report, "overdue-reminders", fixture.commercial10).path("before").asText()).isEqualTo("3 × P5D");
        assertThat(account(report, "overdue-reminders", fixture.commercial10).path("after").asText()).isEqualTo("1 × P5D");
    }

    @Test
    void aLargerBufferChargesTheInvoiceAboveTheLimitAutomatically() {
        String ppa = customers.create("WhatIfTampon", false, false, false);
        jdbc.sql("INSERT INTO automation.account_ppa_settings (customer_id, ppa, ppa_amount, ppa_amount_buffer) "
                + "SELECT id, true, 50.00, 0 FROM automation.customer WHERE customer_no = :no").param("no", ppa).update();
        customers.overdueInvoice(ppa, new BigDecimal("55.00"), -11);   // issued 10 days ago, due in 11 days

        JsonNode report = whatIf("analyst", Map.of("parameters", Map.of(WhatIfParameters.PPA_AMOUNT_BUFFER, 10), "customers", List.of(ppa))).getBody();

        assertThat(changed(report, "ppa-charging")).containsExactly(ppa);
        assertThat(account(report, "ppa-charging", ppa).path("before").asText()).isEqualTo("REVIEW_ABOVE_LIMIT");
        assertThat(account(report, "ppa-charging", ppa).path("after").asText()).isEqualTo("CHARGE");
        assertThat(report.path("groups").get(0).path("en").asText())
                .isEqualTo("buffer above the PPA limit: $10.00 for all: 1 more accounts charged automatically, 0 of them commercial");
    }

    @Test
    void aDrlThatDoesNotCompileIsRefusedNamingTheFileAndTheLine() {
        String broken = "package gigafibre.suspension;\n\nrule \"broken\"\nwhen\n    $f : NoSuchFacts( )\nthen\nend\n";

        ResponseEntity<JsonNode> answer = whatIf("analyst", Map.of("rules", Map.of("suspension.drl", broken)));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().path("errors").get(0).path("field").asText()).isEqualTo("rules.suspension.drl");
        assertThat(answer.getBody().path("errors").get(0).path("message").asText()).containsPattern("line \\d+: ").contains("NoSuchFacts");
    }

    @Test
    void aCandidateThatReachesTheSystemIsRefusedNamingTheFileAndNeverRuns() {
        String escape = running("suspension.drl") + """

                rule "What-if: leave a mark"
                when
                    $f : SuspensionFacts( )
                then
                    System.setProperty("gigafibre.whatif.escaped", "yes");
                end
                """;

        ResponseEntity<JsonNode> answer = whatIf("analyst", Map.of("rules", Map.of("suspension.drl", escape)));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().path("errors").get(0).path("field").asText()).isEqualTo("rules.suspension.drl");
        assertThat(answer.getBody().path("errors").get(0).path("message").asText()).startsWith("refused: suspension.drl line ");
        assertThat(System.getProperty("gigafibre.whatif.escaped")).isNull();
    }

    @Test
    void anUnknownParameterOrRuleFileIsRefusedByName() {
        ResponseEntity<JsonNode> parameter = whatIf("analyst", Map.of("parameters", Map.of("automation.collections.sweep-page-size", 10)));
        ResponseEntity<JsonNode> file = whatIf("analyst", Map.of("rules", Map.of("technician-ranking.drl", "package x;")));

        assertThat(parameter.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(parameter.getBody().path("errors").get(0).path("field").asText()).isEqualTo("parameters.automation.collections.sweep-page-size");
        assertThat(parameter.getBody().path("errors").get(0).path("message").asText()).contains(WhatIfParameters.GRACE_DAYS);
        assertThat(file.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(file.getBody().path("errors").get(0).path("field").asText()).isEqualTo("rules.technician-ranking.drl");
    }

    @Test
    void opsMayNotAsk() {
        assertThat(whatIf("ops", Map.of()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aReplayWritesNothing() throws IOException {
        Fixture fixture = graceFixture();
        Map<String, String> before = fingerprints();
        String table = Files.readString(Path.of("processes/overdue-reminders.dmn")).replace("<text>\"P5D\"</text>", "<text>\"P3D\"</text>");

        ResponseEntity<JsonNode> answer = whatIf("analyst", Map.of("parameters", Map.of(WhatIfParameters.GRACE_DAYS, 21,
                        WhatIfParameters.NOTICE_DAYS, 3, WhatIfParameters.PPA_AMOUNT_BUFFER, 25),
                "rules", Map.of("suspension.drl", running("suspension.drl") + NEVER_SUSPEND_COMMERCIAL), "dmn", Map.of("overdue-reminders.dmn", table)));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(changed(answer.getBody(), "suspension")).contains(fixture.residential25, fixture.commercial25);
        assertThat(fingerprints()).isEqualTo(before);
    }

    @Test
    void theSameAnswerAsCsv() {
        Fixture fixture = graceFixture();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.parseMediaType("text/csv")));

        ResponseEntity<String> csv = as("analyst").exchange("/api/rules/what-if", HttpMethod.POST,
                new HttpEntity<>(Map.of("parameters", Map.of(WhatIfParameters.GRACE_DAYS, 21), "customers", fixture.all()), headers), String.class);

        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
        List<String> lines = csv.getBody().lines().toList();
        assertThat(lines.get(0)).isEqualTo("kind,customerId,name,commercial,on,subject,before,after,rulesBefore,rulesAfter,decisionsChanged");
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(1, 4)).allSatisfy(line -> assertThat(line).startsWith("suspension,"));
        assertThat(lines.subList(1, 4).stream().map(line -> line.split(",")[1]).toList())
                .containsExactlyInAnyOrder(fixture.residential25, fixture.commercial25, fixture.paidAfter28);
    }

    /** Accounts with known histories, as of the engine clock's today (a cut day, 10:00). */
    private record Fixture(java.time.LocalDate today, String residential25, String commercial25, String residential15, String neverSuspend25,
                           String paidAfter28, String paidAfter18, String commercial10, String commercialNeverLate) {

        List<String> all() {
            return List.of(residential25, commercial25, residential15, neverSuspend25, paidAfter28, paidAfter18, commercial10, commercialNeverLate);
        }
    }

    private Fixture graceFixture() {
        Fixture fixture = new Fixture(BusinessTime.today(), customers.create("WhatIfRes25", false, false, false),
                customers.create("WhatIfCom25", false, true, false), customers.create("WhatIfRes15", false, false, false),
                customers.create("WhatIfJamais25", false, false, true), customers.create("WhatIfPaye28", false, false, false),
                customers.create("WhatIfPaye18", false, false, false), customers.create("WhatIfCom10", false, true, false),
                customers.create("WhatIfComAJour", false, true, false));
        BigDecimal amount = new BigDecimal("80.00");
        customers.overdueInvoice(fixture.residential25, amount, 25);
        customers.noticeSent(fixture.residential25, 10);
        customers.overdueInvoice(fixture.commercial25, amount, 25);
        customers.noticeSent(fixture.commercial25, 10);
        customers.overdueInvoice(fixture.residential15, amount, 15);
        customers.overdueInvoice(fixture.neverSuspend25, amount, 25);
        customers.overdueInvoice(fixture.paidAfter28, amount, 40);
        pay(fixture.paidAfter28, amount, 12);      // 28 days overdue when paid
        customers.overdueInvoice(fixture.paidAfter18, amount, 40);
        pay(fixture.paidAfter18, amount, 22);      // 18 days overdue when paid
        customers.overdueInvoice(fixture.commercial10, amount, 10);
        return fixture;
    }

    private void pay(String customer, BigDecimal amount, int daysAgo) {
        ResponseEntity<JsonNode> paid = as("ops").postForEntity("/api/payments", Map.of("customerId", customer, "amount", amount.toString(),
                "method", "cheque", "receivedAt", BusinessTime.now().minusDays(daysAgo).toString()), JsonNode.class);
        assertThat(paid.getStatusCode().is2xxSuccessful()).as(String.valueOf(paid.getBody())).isTrue();
    }

    private String running(String file) {
        return ruleBase.current().sources().stream().filter(s -> s.name().endsWith("/" + file)).findFirst().orElseThrow().text();
    }

    private ResponseEntity<JsonNode> whatIf(String user, Map<String, ?> body) {
        return as(user).postForEntity("/api/rules/what-if", body, JsonNode.class);
    }

    private static Set<String> changed(JsonNode report, String kind) {
        Set<String> ids = new java.util.TreeSet<>();
        report.path("accounts").forEach(a -> {
            if (a.path("kind").asText().equals(kind)) {
                ids.add(a.path("customerId").asText());
            }
        });
        return ids;
    }

    private static JsonNode account(JsonNode report, String kind, String customer) {
        for (JsonNode a : report.path("accounts")) {
            if (a.path("kind").asText().equals(kind) && a.path("customerId").asText().equals(customer)) {
                return a;
            }
        }
        throw new AssertionError("no " + kind + " change for " + customer + " in " + report.path("accounts"));
    }

    /**
     * A hash of every row of the money and decision tables, and the engine's counts of evaluated decisions and deployments
     * (instance counts are left out: other classes' processes may still move in the shared engine meanwhile).
     */
    private Map<String, String> fingerprints() {
        Map<String, String> hashes = new LinkedHashMap<>();
        List<String> tables = new ArrayList<>(List.of("customer", "invoice", "payment", "payment_allocation", "payment_arrangement",
                "suspension", "collection_notice", "collections_case", "decision_log", "charge_attempt", "bank_debit_notice",
                "account_ppa_settings"));
        for (String table : tables) {
            hashes.put(table, jdbc.sql("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM automation."
                    + table + " t").query(String.class).single());
        }
        for (String table : List.of("act_hi_decinst", "act_re_deployment", "act_re_decision_def")) {
            hashes.put(table, String.valueOf(jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single()));
        }
        return hashes;
    }
}
