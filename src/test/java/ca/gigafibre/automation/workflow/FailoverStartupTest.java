package ca.gigafibre.automation.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;

import ca.gigafibre.automation.AutomationApplication;
import ca.gigafibre.automation.adapter.fake.FakeExternalSystems;
import ca.gigafibre.automation.customer.CustomerService;
import ca.gigafibre.automation.customer.CustomerView;
import ca.gigafibre.automation.customer.NewCustomer;
import ca.gigafibre.automation.customer.NewLocation;
import ca.gigafibre.automation.platform.time.BusinessCalendar;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.testing.AnalystFolders;
import ca.gigafibre.automation.testing.ClusterNode;
import ca.gigafibre.automation.testing.HeldCall;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.Metrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.mockserver.configuration.ConfigurationProperties;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;
import org.quartz.Scheduler;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes on one database, one of them a JVM of its own that the test kills with SIGKILL ({@code kill -9}). The test JVM
 * holds the database, the fake external systems, the mail server and the surviving node; the other node joins them
 * ({@code --automation.join=true}) with adapter tokens of its own, so the fakes can tell its calls apart and hold the
 * answer to one of them ({@link HeldCall}): the external system has acted, the node has not committed. Both nodes run
 * with a 20 s job lock time, so the surviving node takes the dead one's jobs over within tens of seconds. The engine clock of
 * both JVMs is moved by the same offset to 10:00 on a business day early in a month (texts go out at once, charge dates
 * are due, due dates are not).
 *
 * <p>The tests run in order on the same two nodes: the first leaves the other node alive, the second kills it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailoverStartupTest {

    private static final int LOCK_MILLIS = 20_000;
    private static final String OTHER_NODE_AUTH = "Bearer other-node";
    private static final long HOLD_KEY = 4_711_001L;
    private static final int CHUNK = 10;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ConfigurableApplicationContext survivor;
    private ClusterNode other;
    private ClientAndServer fakes;
    private JdbcClient jdbc;
    private int pgPort;
    private LocalDate day;
    private final List<HeldCall> holds = new ArrayList<>();

    @BeforeAll
    void twoNodesOnOneDatabase() throws Exception {
        ConfigurationProperties.actionHandlerThreadCount(24);   // held answers each keep a fake's thread
        day = businessDayEarlyInAMonth();
        long offset = day.atTime(10, 0).atZone(BusinessTime.ZONE).toInstant().toEpochMilli() - System.currentTimeMillis();
        ClockUtil.offset(offset);
        pgPort = ClusterNode.freePort();
        int fakesPort = ClusterNode.freePort();
        int smtpPort = ClusterNode.freePort();
        String folders = AnalystFolders.freshCopy().toString();
        List<String> common = List.of("--automation.resources-dir=" + folders, "--automation.embedded-postgres.port=" + pgPort,
                "--automation.fakes.port=" + fakesPort, "--automation.fakes.smtp-port=" + smtpPort,
                "--camunda.bpm.job-execution.enabled=true", "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_MILLIS,
                "--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=2000",
                "--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=2000",
                // one worker takes the chunks in order, so the held 15th start is the second chunk's (the arithmetic below)
                "--automation.billing.start-chunk=" + CHUNK, "--automation.billing.start-workers=1");
        List<String> survivorArgs = new ArrayList<>(common);
        survivorArgs.addAll(node("survivor", false));
        survivorArgs.add("--server.port=0");
        survivor = new SpringApplicationBuilder(AutomationApplication.class).profiles("demo", "test").run(survivorArgs.toArray(String[]::new));
        jobExecutor().shutdown();   // on again once the other node holds what the tests need it to hold
        fakes = survivor.getBean(FakeExternalSystems.class).server();
        jdbc = survivor.getBean(JdbcClient.class);
        jdbc.sql("""
                INSERT INTO automation.plan (sku, name_fr, name_en, price, billing_frequency, category, download_mbps, upload_mbps)
                VALUES ('TEST-FIB-500', 'Fibre 500', 'Fibre 500', 84.95, 'monthly', 'internet', 500, 500)
                """).update();

        List<String> otherArgs = new ArrayList<>(common);
        otherArgs.addAll(node("other", true));
        otherArgs.add("--spring.quartz.auto-startup=true");
        for (String system : List.of("olt", "stripe", "paysafe", "twilio")) {
            otherArgs.add("--automation.adapters." + system + ".token=other-node");
            otherArgs.add("--automation.adapters." + system + ".read-timeout=10m");   // a held answer is not a timeout
        }
        other = ClusterNode.start("failover-other-node", offset, otherArgs);
    }

    @AfterAll
    void stopEverything() {
        holds.forEach(HeldCall::release);
        try {
            if (other != null) {
                other.close();
            }
        } finally {
            if (survivor != null) {
                survivor.close();
            }
            ClockUtil.reset();
        }
    }

    /**
     * The other node is in the middle of an OLT call; the surviving node looks for jobs three times meanwhile and leaves the
     * job alone, since its lock holds (the next test shows the same node taking a dead node's jobs once their lock expired).
     */
    @Test
    @Order(1)
    void aLongJobOnALiveNodeIsNotTakenByTheOtherNodeWhileItsLockHolds() throws Exception {
        String serial = "TPLGF0000001";
        CustomerView customer = customer("Verrou", "4505550101");
        HeldCall olt = hold(HeldCall.first(fakes, "PUT", "/olt/v1/onts/" + serial, OTHER_NODE_AUTH));
        String subscription = orderService(other.port(), customer, serial);

        await("the other node's OLT call reached the OLT").until(olt::received);
        JobEntity job = registerOntJob(subscription);
        assertThat(job.getLockOwner()).isNotNull().isNotEqualTo(jobExecutor().getLockOwner());

        Meter attempts = engineConfiguration().getMetricsRegistry().getDbMeterByName(Metrics.JOB_ACQUISITION_ATTEMPT);
        long before = attempts.get();
        jobExecutor().start();
        try {
            // the surviving node looks for jobs three times while the other node is still in the middle of this one
            await("three acquisitions by the surviving node").until(() -> attempts.get() >= before + 3);
            JobEntity stillHeld = registerOntJob(subscription);
            assertThat(stillHeld.getLockOwner()).isEqualTo(job.getLockOwner());
            assertThat(stillHeld.getLockExpirationTime()).isAfter(ClockUtil.getCurrentTime());   // the lock was valid all along
            assertThat(HeldCall.fromNodes(fakes, request().withMethod("PUT").withPath("/olt/v1/onts/" + serial))).hasSize(1);

            olt.release();
            await("provisioning completed").until(() -> "active".equals(subscriptionStatus(subscription)));

            assertThat(HeldCall.fromNodes(fakes, request().withMethod("PUT").withPath("/olt/v1/onts/" + serial)))
                    .singleElement().satisfies(put -> assertThat(put.getFirstHeader("Authorization")).isEqualTo(OTHER_NODE_AUTH));
            assertThat(jdbc.sql("""
                    SELECT hostname_ FROM act_hi_job_log WHERE job_id_ = :job AND job_state_ = 2
                    """).param("job", job.getId()).query(String.class).list()).containsExactly("other");
            assertThat(jdbc.sql("SELECT count(*) FROM act_hi_job_log WHERE job_id_ = :job AND job_state_ = 1").param("job", job.getId())
                    .query(Long.class).single()).isZero();   // no failed try either
        } finally {
            jobExecutor().shutdown();
        }
    }

    @Test
    @Order(2)
    void aNodeKilledInTheMiddleOfABillingRunLeavesItToTheOtherNodeAndNothingIsBilledChargedOrCalledTwice() throws Exception {
        YearMonth period = YearMonth.from(day);
        Map<String, String> kindOf = new HashMap<>();   // customer → stripe, paysafe or text
        for (int i = 0; i < 30; i++) {
            String kind = List.of("stripe", "paysafe", "text").get(i % 3);
            CustomerView customer = customer("Facture" + i, String.format("45055520%02d", i));
            post(survivorPort(), "/api/customers/" + customer.id() + "/subscriptions", Map.of("sku", "TEST-FIB-500",
                    "startDate", period.atDay(1).toString()));
            if (kind.equals("stripe")) {
                jdbc.sql("""
                        INSERT INTO automation.account_ppa_settings (customer_id, stripe_ppa, stripe_customer_id)
                        SELECT id, true, :cus FROM automation.customer WHERE customer_no = :no
                        """).param("cus", "cus_failover" + i).param("no", customer.id()).update();
                post(survivorPort(), "/api/customers/" + customer.id() + "/payment-methods", Map.of("kind", "stripe-card",
                        "stripeCustomerId", "cus_failover" + i, "stripePaymentMethodId", "pm_failover" + i, "cardBrand", "visa",
                        "cardLast4", "4242", "cardExpMonth", 12, "cardExpYear", 2030));
            } else if (kind.equals("paysafe")) {
                jdbc.sql("""
                        INSERT INTO automation.account_ppa_settings (customer_id, ppa_cc) SELECT id, true FROM automation.customer WHERE customer_no = :no
                        """).param("no", customer.id()).update();
                post(survivorPort(), "/api/customers/" + customer.id() + "/payment-methods", Map.of("kind", "paysafe-card",
                        "paysafeProfileId", "prof_failover" + i, "token", "tok_failover" + i, "cardBrand", "visa", "cardLast4", "1111",
                        "cardExpMonth", 12, "cardExpYear", 2030));
            }
            kindOf.put(customer.id(), kind);
        }
        long accounts = jdbc.sql("""
                SELECT count(DISTINCT s.customer_id) FROM automation.subscription s WHERE s.status = 'active'
                """).query(Long.class).single();   // the 30, and the customer provisioned by the first test
        String serial = "TPLGF0000002";
        CustomerView provisioned = customer("Provision", "4505550102");

        HeldCall stripe = hold(HeldCall.first(fakes, "POST", "/stripe/v1/payment_intents", OTHER_NODE_AUTH));
        HeldCall paysafe = hold(HeldCall.first(fakes, "POST", "/paysafe/cardpayments/v1/accounts/[^/]+/auths", OTHER_NODE_AUTH));
        HeldCall text = hold(HeldCall.first(fakes, "POST", "/twilio/.*", OTHER_NODE_AUTH));
        HeldCall olt = hold(HeldCall.first(fakes, "PUT", "/olt/v1/onts/" + serial, OTHER_NODE_AUTH));
        try (Connection holder = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/postgres", "postgres", "")) {
            holdTheRunAtItsFifteenthStart(holder);
            try {
                JsonNode run = post(other.port(), "/api/billing/runs", Map.of("period", period.toString()));
                long runId = run.path("id").asLong();
                String subscription = orderService(other.port(), provisioned, serial);

                // the other node: the first chunk of processes started, the second one in the middle; a charge by each processor,
                // a text and an OLT call done by the external systems, their answers on the way
                await("the other node in the middle of everything").until(() -> stripe.received() && paysafe.received() && text.received()
                        && olt.received() && runBlocked());
                long startedBeforeKill = jdbc.sql("SELECT started FROM automation.billing_run WHERE id = :id").param("id", runId)
                        .query(Long.class).single();
                assertThat(startedBeforeKill).isEqualTo(CHUNK);

                jobExecutor().start();
                survivor.getBean(Scheduler.class).start();
                other.kill();
                java.util.Date killedAt = ClockUtil.getCurrentTime();
                long killedNanos = System.nanoTime();
                List<String> deadNodesJobs = jdbc.sql("SELECT id_ FROM act_ru_job WHERE lock_owner_ IS NOT NULL AND lock_owner_ <> :me")
                        .param("me", jobExecutor().getLockOwner()).query(String.class).list();
                releaseTheRun(holder);
                holds.forEach(HeldCall::release);   // the answers go nowhere: their node is gone

                String stripeKey = stripe.call().getFirstHeader("Idempotency-Key");
                ManagementService management = survivor.getBean(ManagementService.class);
                Map<String, Double> moments = new java.util.LinkedHashMap<>();   // printed, not asserted
                await("the surviving node finished everything").until(() -> {
                    double now = (System.nanoTime() - killedNanos) / 1e9;
                    if ("completed".equals(jdbc.sql("SELECT status FROM automation.billing_run WHERE id = :id").param("id", runId)
                            .query(String.class).single())) {
                        moments.putIfAbsent("billing run completed", now);
                    }
                    if (!HeldCall.fromNodes(fakes, request().withMethod("GET").withPath("/stripe/v1/payment_intents/search")).isEmpty()) {
                        moments.putIfAbsent("held Stripe charge asked again", now);
                    }
                    boolean done = moments.containsKey("billing run completed") && management.createJobQuery().executable().count() == 0
                            && "active".equals(subscriptionStatus(subscription));
                    if (done) {
                        moments.put("all done", now);
                    }
                    return done;
                });
                System.out.printf("FAILOVER after kill -9 (lock time %d s, %d jobs locked by the dead node): %s%n", LOCK_MILLIS / 1000,
                        deadNodesJobs.size(), moments.entrySet().stream().map(e -> String.format("%s %.1f s", e.getKey(), e.getValue()))
                                .collect(Collectors.joining(", ")));

                assertThat(management.createJobQuery().withException().count()).as("jobs that failed").isZero();
                assertBilledOnce(runId, accounts);
                assertChargedOnce(runId, kindOf, stripeKey, paysafe);
                assertTextedOnce(runId, kindOf, text);
                assertOntConfiguredOnce(serial, subscription);
                assertThat(deadNodesJobs).isNotEmpty();
                for (String job : deadNodesJobs) {   // each job the dead node held ran once, on the surviving node, after its lock expired
                    assertThat(jdbc.sql("SELECT hostname_, timestamp_ FROM act_hi_job_log WHERE job_id_ = :job AND job_state_ = 2")
                            .param("job", job).query((rs, n) -> rs.getString(1) + "@" + !rs.getTimestamp(2).before(killedAt)).list())
                            .as("job %s", job).containsExactly("survivor@true");
                }
            } finally {
                releaseTheRun(holder);   // first, or dropping the trigger would wait for the run that waits for the test
                dropTheHold();
            }
        }
    }

    private void assertBilledOnce(long runId, long accounts) {
        assertThat(jdbc.sql("SELECT invoices FROM automation.billing_run WHERE id = :id").param("id", runId).query(Long.class).single())
                .isEqualTo(accounts);
        assertThat(jdbc.sql("SELECT started FROM automation.billing_run WHERE id = :id").param("id", runId).query(Long.class).single())
                .isEqualTo(accounts);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM (SELECT customer_id FROM automation.invoice WHERE billing_run_id = :run GROUP BY customer_id) c
                """).param("run", runId).query(Long.class).single()).isEqualTo(accounts);
        assertThat(jdbc.sql("SELECT count(*) FROM automation.invoice WHERE billing_run_id = :run").param("run", runId).query(Long.class).single())
                .isEqualTo(accounts);
        // one billing-collections per invoice, ever (history counts the ones that already ended)
        assertThat(jdbc.sql("""
                SELECT count(*) FROM act_hi_procinst p JOIN automation.invoice i ON i.invoice_no = p.business_key_
                WHERE p.proc_def_key_ = 'billing-collections' AND i.billing_run_id = :run
                """).param("run", runId).query(Long.class).single()).isEqualTo(accounts);
        assertThat(jdbc.sql("""
                SELECT count(DISTINCT p.business_key_) FROM act_hi_procinst p JOIN automation.invoice i ON i.invoice_no = p.business_key_
                WHERE p.proc_def_key_ = 'billing-collections' AND i.billing_run_id = :run
                """).param("run", runId).query(Long.class).single()).isEqualTo(accounts);
    }

    private void assertChargedOnce(long runId, Map<String, String> kindOf, String heldStripeKey, HeldCall paysafe) throws Exception {
        Map<String, String> invoiceOf = invoicesOf(runId);
        List<String> stripeKeys = keys(invoiceOf, kindOf, "stripe");
        List<String> paysafeKeys = keys(invoiceOf, kindOf, "paysafe");
        assertThat(stripeKeys).hasSize(10);
        assertThat(paysafeKeys).hasSize(10);

        List<String> stripeCharges = HeldCall.fromNodes(fakes, request().withMethod("POST").withPath("/stripe/v1/payment_intents")).stream()
                .map(r -> r.getFirstHeader("Idempotency-Key")).toList();
        assertThat(stripeCharges).containsExactlyInAnyOrderElementsOf(stripeKeys);   // each invoice's charge sent once
        List<String> paysafeCharges = new ArrayList<>();
        for (HttpRequest r : HeldCall.fromNodes(fakes, request().withMethod("POST").withPath("/paysafe/cardpayments/v1/accounts/[^/]+/auths"))) {
            paysafeCharges.add(JSON.readTree(r.getBodyAsString()).path("merchantRefNum").asText());
        }
        assertThat(paysafeCharges).containsExactlyInAnyOrderElementsOf(paysafeKeys);
        String heldPaysafeRef = JSON.readTree(paysafe.call().getBodyAsString()).path("merchantRefNum").asText();

        // the jobs whose answer never came back asked the processor first, and found the charge
        assertThat(HeldCall.fromNodes(fakes, request().withMethod("GET").withPath("/stripe/v1/payment_intents/search")))
                .extracting(r -> r.getFirstQueryStringParameter("query")).contains("metadata['idempotency_key']:'" + heldStripeKey + "'");
        assertThat(HeldCall.fromNodes(fakes, request().withMethod("GET").withPath("/paysafe/cardpayments/v1/accounts/[^/]+/auths")))
                .extracting(r -> r.getFirstQueryStringParameter("merchantRefNum")).contains(heldPaysafeRef);

        List<String> charged = new ArrayList<>(stripeKeys);
        charged.addAll(paysafeKeys);
        for (String key : charged) {
            assertThat(jdbc.sql("SELECT state FROM automation.charge_attempt WHERE idempotency_key = :key").param("key", key)
                    .query(String.class).list()).as(key).containsExactly("succeeded");
            assertThat(jdbc.sql("SELECT count(*) FROM automation.payment WHERE idempotency_key = :key").param("key", key)
                    .query(Long.class).single()).as(key).isEqualTo(1);
            assertThat(jdbc.sql("SELECT status FROM automation.invoice WHERE invoice_no = :no").param("no", key.replace("-ppa-1", ""))
                    .query(String.class).single()).as(key).isEqualTo("paid");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM automation.charge_attempt").query(Long.class).single()).isEqualTo(20);
    }

    private void assertTextedOnce(long runId, Map<String, String> kindOf, HeldCall heldText) {
        List<String> invoiceTexts = HeldCall.fromNodes(fakes, request().withMethod("POST").withPath("/twilio/.*")).stream()
                .map(r -> URLDecoder.decode(r.getBodyAsString(), StandardCharsets.UTF_8)).filter(t -> t.contains("INV-")).toList();
        Map<String, Long> textsByInvoice = invoiceTexts.stream().map(FailoverStartupTest::invoiceIn)
                .collect(Collectors.groupingBy(no -> no, Collectors.counting()));
        assertThat(textsByInvoice.values()).allMatch(n -> n == 1);   // nobody texted twice
        Map<String, String> invoiceOf = invoicesOf(runId);
        List<String> notCharged = invoiceOf.entrySet().stream().filter(e -> !"stripe".equals(kindOf.get(e.getKey()))
                && !"paysafe".equals(kindOf.get(e.getKey()))).map(Map.Entry::getValue).toList();
        // an auto-pay customer receives the invoice as paid by pre-authorized payment, never as due
        java.util.Set<String> autoPay = invoiceTexts.stream().filter(t -> t.contains("paiement préautorisé"))
                .map(FailoverStartupTest::invoiceIn).collect(Collectors.toSet());
        assertThat(autoPay).doesNotContainAnyElementsOf(notCharged);
        assertThat(textsByInvoice.keySet().stream().filter(no -> !autoPay.contains(no)).toList()).isSubsetOf(notCharged);
        Map<String, String> stateOf = new HashMap<>();
        jdbc.sql("SELECT natural_key, state FROM automation.notification WHERE kind = 'invoice-issued'")
                .query((rs, n) -> stateOf.put(rs.getString(1).replaceFirst("^[a-z-]+:", ""), rs.getString(2))).list();   // invoice-issued: or invoice-ppa:
        String heldInvoice = invoiceIn(URLDecoder.decode(heldText.call().getBodyAsString(), StandardCharsets.UTF_8));
        assertThat(textsByInvoice).containsEntry(heldInvoice, 1L);
        // the dead node claimed this text and never heard back: it is not sent again (a text goes out at most once)
        assertThat(stateOf).containsEntry(heldInvoice, "requested");
        for (String invoice : notCharged) {
            String state = stateOf.get(invoice);
            long texts = textsByInvoice.getOrDefault(invoice, 0L);
            assertThat(state).as(invoice).isIn("sent", "requested");
            if ("sent".equals(state)) {
                assertThat(texts).as(invoice).isEqualTo(1);
            }
        }
        System.out.printf("FAILOVER texts: %d invoices to text, %d texted once, %d claimed by the dead node (not sent again)%n",
                notCharged.size(), textsByInvoice.size(), stateOf.values().stream().filter("requested"::equals).count());
    }

    private void assertOntConfiguredOnce(String serial, String subscription) {
        List<HttpRequest> puts = HeldCall.fromNodes(fakes, request().withMethod("PUT").withPath("/olt/v1/onts/" + serial));
        // the dead node's PUT, then the surviving node's retry of the same PUT: the OLT keeps one ONT, configured as asked
        assertThat(puts).hasSize(2);
        assertThat(puts.get(0).getFirstHeader("Authorization")).isEqualTo(OTHER_NODE_AUTH);
        assertThat(puts.get(1).containsHeader("Authorization")).isFalse();
        assertThat(puts.get(1).getBodyAsString()).isEqualTo(puts.get(0).getBodyAsString());
        assertThat(HeldCall.fromNodes(fakes, request().withMethod("DELETE").withPath("/olt/v1/onts/.*"))).isEmpty();
        assertThat(subscriptionStatus(subscription)).isEqualTo("active");
        assertThat(jdbc.sql("""
                SELECT l.hostname_ FROM act_hi_job_log l JOIN act_hi_procinst p ON p.id_ = l.process_instance_id_
                WHERE p.business_key_ = :sub AND l.act_id_ = 'Task_RegisterOnt' AND l.job_state_ = 2
                """).param("sub", subscription).query(String.class).list()).containsExactly("survivor");
    }

    private Map<String, String> invoicesOf(long runId) {
        Map<String, String> invoiceOf = new HashMap<>();
        jdbc.sql("""
                SELECT c.customer_no, i.invoice_no FROM automation.invoice i JOIN automation.customer c ON c.id = i.customer_id
                WHERE i.billing_run_id = :run
                """).param("run", runId).query((rs, n) -> invoiceOf.put(rs.getString(1), rs.getString(2))).list();
        return invoiceOf;
    }

    private static List<String> keys(Map<String, String> invoiceOf, Map<String, String> kindOf, String kind) {
        return invoiceOf.entrySet().stream().filter(e -> kind.equals(kindOf.get(e.getKey()))).map(e -> e.getValue() + "-ppa-1").toList();
    }

    private static String invoiceIn(String text) {
        Matcher m = Pattern.compile("INV-\\d+").matcher(text);
        assertThat(m.find()).as("an invoice number in %s", text).isTrue();
        return m.group();
    }

    /** The other node's 15th process start (the 5th of its second chunk) waits for a lock the test holds. */
    private void holdTheRunAtItsFifteenthStart(Connection holder) throws Exception {
        try (Statement s = holder.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + HOLD_KEY + ")");
        }
        jdbc.sql("CREATE SEQUENCE automation.test_hold_seq").update();
        jdbc.sql("""
                CREATE FUNCTION automation.test_hold_run() RETURNS trigger AS $$
                BEGIN
                  IF NEW.collections_started_at IS NOT NULL AND OLD.collections_started_at IS NULL THEN
                    IF nextval('automation.test_hold_seq') = %d THEN
                      PERFORM pg_advisory_xact_lock_shared(%d);
                    END IF;
                  END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql
                """.formatted(CHUNK + 5, HOLD_KEY)).update();
        jdbc.sql("CREATE TRIGGER test_hold_run BEFORE UPDATE ON automation.invoice FOR EACH ROW EXECUTE FUNCTION automation.test_hold_run()")
                .update();
    }

    private boolean runBlocked() {
        return jdbc.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").query(Long.class).single() == 1;
    }

    private static void releaseTheRun(Connection holder) throws Exception {
        try (Statement s = holder.createStatement()) {
            s.execute("SELECT pg_advisory_unlock(" + HOLD_KEY + ")");
        }
    }

    private void dropTheHold() {
        jdbc.sql("DROP TRIGGER IF EXISTS test_hold_run ON automation.invoice").update();
        jdbc.sql("DROP FUNCTION IF EXISTS automation.test_hold_run()").update();
        jdbc.sql("DROP SEQUENCE IF EXISTS automation.test_hold_seq").update();
    }

    private HeldCall hold(HeldCall call) {
        holds.add(call);
        return call;
    }

    private CustomerView customer(String lastName, String phone) {
        return survivor.getBean(CustomerService.class).create(new NewCustomer("Test", lastName, null, null, null, phone, "fr",
                false, false, false, null, new NewLocation("12", null, "Rue du Cluster", "Granby", "QC", "J2G 1A1", null, null,
                "OLT-EAST", "1/2/3"), null));
    }

    private String orderService(int port, CustomerView customer, String serial) throws Exception {
        return post(port, "/api/locations/" + customer.locations().get(0).id() + "/services", Map.of("sku", "TEST-FIB-500",
                "ontSerial", serial, "wifiSsid", "Maison-Test", "wifiKey", "WifiSecret-998877", "phoneLines", List.of()))
                .path("subscriptionId").asText();
    }

    private JobEntity registerOntJob(String subscription) {
        String instance = survivor.getBean(RuntimeService.class).createProcessInstanceQuery().processInstanceBusinessKey(subscription)
                .processDefinitionKey("provisioning").singleResult().getId();
        return (JobEntity) survivor.getBean(ManagementService.class).createJobQuery().processInstanceId(instance)
                .activityId("Task_RegisterOnt").singleResult();
    }

    private String subscriptionStatus(String subscription) {
        return jdbc.sql("SELECT status FROM automation.subscription WHERE subscription_no = :no").param("no", subscription)
                .query(String.class).single();
    }

    private int survivorPort() {
        return Integer.parseInt(survivor.getEnvironment().getProperty("local.server.port"));
    }

    private static JsonNode post(int port, String path, Object body) throws Exception {
        java.net.http.HttpResponse<String> answer = HTTP.send(java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("ops:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("POST %s: %s", path, answer.body()).isBetween(200, 299);
        return JSON.readTree(answer.body());
    }

    private static List<String> node(String name, boolean join) {
        return List.of("--automation.node-id=" + name, "--camunda.bpm.process-engine-name=" + name, "--automation.join=" + join,
                "--camunda.bpm.generic-properties.properties.hostname=" + name);
    }

    /** 10:00 on a business day between the 2nd and the 20th: this month's invoices are due to charge, not yet overdue. */
    private static LocalDate businessDayEarlyInAMonth() {
        BusinessCalendar calendar = new BusinessCalendar(new ca.gigafibre.automation.platform.time.CalendarSettings(List.of()));
        LocalDate day = LocalDate.now(BusinessTime.ZONE);
        while (!calendar.isBusinessDay(day) || day.getDayOfMonth() < 2 || day.getDayOfMonth() > 20) {
            day = day.plusDays(1);
        }
        return day;
    }

    private ProcessEngineConfigurationImpl engineConfiguration() {
        return (ProcessEngineConfigurationImpl) survivor.getBean(ProcessEngine.class).getProcessEngineConfiguration();
    }

    private JobExecutor jobExecutor() {
        return engineConfiguration().getJobExecutor();
    }

    private static org.awaitility.core.ConditionFactory await(String what) {
        return Awaitility.await(what).atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200));
    }
}
