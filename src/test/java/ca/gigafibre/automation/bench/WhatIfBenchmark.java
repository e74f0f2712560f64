package ca.gigafibre.automation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.rules.RuleBase;
import ca.gigafibre.automation.whatif.WhatIfParameters;
import ca.gigafibre.automation.testing.BusinessDayClock;
import ca.gigafibre.automation.testing.IntegrationTest;
import ca.gigafibre.automation.testing.ScaleOneData;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The what-if replay at scale 1.0 over 12 months ({@code mvn -Pbench verify}; target: an answer in under 30 s), through
 * {@code POST /api/rules/what-if} as an analyst: without a change, with the grace period lowered, with a candidate
 * suspension.drl. Prints the figures; asserts only that each answered.
 */
@Tag("bench")
class WhatIfBenchmark extends IntegrationTest {

    @Autowired
    ScaleOneData data;

    @Autowired
    BusinessDayClock clock;

    @Autowired
    RuleBase ruleBase;

    @AfterEach
    void realClock() {
        clock.reset();
    }

    @Test
    void replayTwelveMonthsAtScaleOne() {
        data.ensure();
        clock.businessDay();
        long invoices = jdbc.sql("SELECT count(*) FROM automation.invoice WHERE issue_date > CAST(:today AS date) - interval '12 months'")
                .param("today", ca.gigafibre.automation.platform.time.BusinessTime.today()).query(Long.class).single();
        String suspension = ruleBase.current().sources().stream().filter(s -> s.name().endsWith("/suspension.drl")).findFirst().orElseThrow().text();
        // the running rule file as the candidate: everything replayed, nothing changes
        measure("no change (cold)", Map.of("rules", Map.of("suspension.drl", suspension)), invoices);
        measure("no change", Map.of("rules", Map.of("suspension.drl", suspension)), invoices);
        measure("grace 30 → 21 days", Map.of("parameters", Map.of(WhatIfParameters.GRACE_DAYS, 21)), invoices);
        measure("candidate suspension.drl (commercial never suspended)", Map.of("rules", Map.of("suspension.drl", suspension + """

                rule "What-if: a commercial account is never suspended"
                    salience 95
                when
                    $f : SuspensionFacts( commercial )
                    $d : Decision( subject == $f.subject, open )
                then
                    $d.decide("EXEMPT", "Compte commercial : jamais suspendu.", "Commercial account: never suspended.");
                    update($d);
                end
                """)), invoices);
    }

    private void measure(String what, Map<String, ?> body, long invoices) {
        long started = System.nanoTime();
        ResponseEntity<JsonNode> answer = as("analyst").postForEntity("/api/rules/what-if", body, JsonNode.class);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
        JsonNode report = answer.getBody();
        System.out.printf("BENCH what-if %s, 12 months (%,d invoices issued): answered in %.2f s (replay %.2f s); decisions replayed %s;"
                        + " %,d accounts change%s%n", what, invoices, millis / 1000.0, report.path("millis").asLong() / 1000.0,
                report.path("decisionsReplayed"), report.path("accounts").size(),
                report.path("groups").size() == 0 ? "" : " — " + report.path("groups").get(0).path("en").asText());
    }
}
