package ca.gigafibre.automation.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.AutomationApplication;
import ca.gigafibre.automation.adapter.AdapterEndpoints;
import ca.gigafibre.automation.platform.secret.SecretCipher;
import ca.gigafibre.automation.platform.secret.SecretKeysets;
import ca.gigafibre.automation.platform.time.BusinessHours;
import ca.gigafibre.automation.sales.SalesSettings;
import ca.gigafibre.automation.support.SupportTimers;
import ca.gigafibre.automation.testing.AnalystFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every property README's Configuration table documents can really be set, as a new user would on the command line
 * ({@code --automation.adapters.retry-cycle=R4/PT20S} used to stop the start-up): the engine starts with all of them set to
 * non-default values, and a few are checked to take effect. The list below must name exactly what README documents.
 */
class DocumentedPropertiesStartupTest {

    private static final Map<String, String> VALUES = new LinkedHashMap<>();
    private static final String KEYSET = SecretKeysets.toJson(SecretKeysets.generate());

    static {
        VALUES.put("automation.security.oidc.issuer-uri", "http://localhost:9/application/o/automation/");
        VALUES.put("automation.security.oidc.client-id", "automation-of-the-test");
        VALUES.put("automation.security.oidc.client-secret", "client-secret-of-the-test");
        VALUES.put("automation.security.oidc.audience", "automation-of-the-test");
        VALUES.put("automation.security.oidc.username-claim", "email");
        VALUES.put("automation.security.oidc.groups-claim", "roles");
        VALUES.put("automation.security.oidc.ops-groups", "Soutien,Facturation");
        VALUES.put("automation.security.oidc.analysts-groups", "Analystes");
        VALUES.put("automation.security.oidc.admins-groups", "TI");
        VALUES.put("automation.security.lockout-duration", "PT20M");
        VALUES.put("automation.security.client-max-failures", "30");
        VALUES.put("automation.security.max-webhook-body", "128KB");
        VALUES.put("automation.security.max-request-body", "4MB");
        VALUES.put("automation.sales.docuseal-secret-header", "X-Docuseal-Key");
        VALUES.put("automation.resources-dir", AnalystFolders.freshCopy().toString());
        VALUES.put("automation.adapters.retry-cycle", "R4/PT20S");
        VALUES.put("automation.collections.suspension-grace-days", "35");
        VALUES.put("automation.collections.suspension-notice-days", "6");
        VALUES.put("automation.collections.suspension-review-after", "P20D");
        VALUES.put("automation.collections.notice-valid-days", "25");
        VALUES.put("automation.collections.write-off-review-after", "P100D");
        VALUES.put("automation.collections.cut-days", "MONDAY,TUESDAY,WEDNESDAY");
        VALUES.put("automation.collections.cut-window-start", "09:00");
        VALUES.put("automation.collections.cut-window-end", "14:00");
        VALUES.put("automation.notify.sms-from", "+14505550199");
        VALUES.put("automation.billing.run-cron", "0 0 7 1 * ?");
        VALUES.put("automation.collections.sweep-cron", "0 45 1 * * ?");
        VALUES.put("automation.e911.audit-cron", "0 45 2 * * ?");
        VALUES.put("automation.network.reconciliation-cron", "0 15 3 * * ?");
        VALUES.put("automation.notify.window-start", "08:30");
        VALUES.put("automation.notify.window-end", "19:30");
        VALUES.put("automation.collections.sweep-page-size", "250");
        VALUES.put("automation.calendar.extra-days", "2026-12-24,2026-12-31");
        VALUES.put("automation.billing.start-chunk", "200");
        VALUES.put("automation.billing.start-workers", "3");
        VALUES.put("automation.billing.due-days", "20");
        VALUES.put("automation.billing.bank-notice-days", "11");
        VALUES.put("automation.billing.returned-payment-fee", "30.00");
        VALUES.put("automation.billing.charge-reconcile-interval", "PT7M");
        VALUES.put("automation.billing.charge-reconcile-after", "PT15M");
        VALUES.put("automation.billing.charge-reconcile-window", "P60D");
        VALUES.put("automation.billing.stripe-switch.link-valid", "PT12H");
        VALUES.put("automation.billing.stripe-switch.return-url", "https://portail.example.ca/carte");
        VALUES.put("automation.billing.stripe-switch.interval", "PT7M");
        VALUES.put("automation.adapters.docuseal.token", "docuseal-token-of-the-test");
        VALUES.put("automation.adapters.docuseal.webhook-secret", "docuseal-secret-of-the-test");
        VALUES.put("automation.support.inform-wait", "PT3M");
        VALUES.put("automation.support.inform-checks", "4");
        VALUES.put("automation.support.cpe-online-within", "PT20M");
        VALUES.put("automation.support.warranty-days", "60");
        VALUES.put("automation.customer360.recent-items", "7");
        VALUES.put("automation.voip.sip-registrar", "sip.example.ca");
        VALUES.put("automation.sales.quote-valid-days", "45");
        VALUES.put("automation.sales.docuseal-template-id", "7");
        VALUES.put("automation.sales.installation-confirm-within", "PT12H");
        VALUES.put("automation.sales.default-terms", "Prix valides 45 jours.");
        VALUES.put("automation.adapters.stripe.webhook-secret", "whsec_of_the_test");
        VALUES.put("automation.adapters.twilio.auth-token", "twilio-token-of-the-test");
        VALUES.put("automation.adapters.twilio.status-callback-url", "https://engine.example.ca/api/webhooks/twilio");
        VALUES.put("spring.mail.host", "localhost");
        VALUES.put("spring.mail.port", "2525");
        VALUES.put("automation.notify.email-from", "facturation@example.ca");
        VALUES.put("automation.e911.escalate-after", "PT6H");
        VALUES.put("automation.provisioning.cpe-poll-interval", "PT2M");
        VALUES.put("automation.provisioning.cpe-max-checks", "8");
        VALUES.put("automation.provisioning.ip-pool", "100.64.0.0/20");
        VALUES.put("automation.provisioning.deactivation-grace", "P14D");
        VALUES.put("automation.rules.sync-interval", "PT7S");
        VALUES.put("automation.node-id", "documented-node");
        VALUES.put("automation.legacy-import.batch-size", "500");
        VALUES.put("automation.secret-keyset", KEYSET);
        VALUES.put("automation.secret-rotation.batch-size", "200");
        VALUES.put("automation.adapters.erpnext.api-key", "erp-key-of-the-test");
        VALUES.put("automation.adapters.erpnext.api-secret", "erp-secret-of-the-test");
        VALUES.put("automation.erpnext.enabled", "true");
        VALUES.put("automation.erpnext.sync-interval", "PT20M");
        VALUES.put("automation.erpnext.outbox-interval", "PT45S");
        VALUES.put("automation.erpnext.cutover-period", "2026-11");
        VALUES.put("automation.erpnext.drift-days", "5");
        VALUES.put("automation.erpnext.reconciliation-cron", "0 45 3 * * ?");
        VALUES.put("automation.erpnext.booking.company", "TARGO Test");
        VALUES.put("automation.erpnext.booking.tps-account", "2310 - TPS - TT");
        VALUES.put("automation.erpnext.booking.tvq-account", "2320 - TVQ - TT");
        VALUES.put("automation.erpnext.booking.receivable-account", "1200 - Clients - TT");
        VALUES.put("automation.erpnext.booking.default-price-list", "Standard Selling");
        VALUES.put("automation.assistant.proposal-ttl", "PT15M");
        VALUES.put("automation.assistant.interpreter", "llm");
        VALUES.put("automation.assistant.llm.base-url", "http://localhost:9/v1");
        VALUES.put("automation.assistant.llm.model", "gpt-of-the-test");
        VALUES.put("automation.assistant.llm.api-key", "sk-of-the-test");
        VALUES.put("automation.assistant.llm.timeout", "PT2S");
    }

    @Test
    void theListNamesEveryPropertyReadmeDocuments() throws IOException {
        assertThat(VALUES.keySet()).containsExactlyInAnyOrderElementsOf(documentedInReadme());
    }

    @Test
    void theEngineStartsWithEveryDocumentedPropertySet() {
        String[] args = VALUES.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of(
                "--automation.adapters.olt.base-url=http://localhost:9", "--server.port=0",
                "--camunda.bpm.process-engine-name=documented-properties-test")).toArray(String[]::new);
        try (ConfigurableApplicationContext engine = new SpringApplicationBuilder(AutomationApplication.class).profiles("demo", "test").run(all)) {
            assertThat(engine.getBean(RetryPolicy.class).getCycle()).isEqualTo("R4/PT20S");
            // SSO on, though its provider is not reachable: it is asked at the first login, not at start-up
            assertThat(engine.getBean(ca.gigafibre.automation.platform.security.OidcProperties.class).opsGroups())
                    .containsExactly("Soutien", "Facturation");
            assertThat(engine.getBeansOfType(ca.gigafibre.automation.platform.security.SingleSignOn.class)).hasSize(1);
            assertThat(engine.getBean(ca.gigafibre.automation.rules.RuleSetSync.class).nodeId()).isEqualTo("documented-node");
            assertThat(engine.getBean(AdapterEndpoints.class).baseUrl("olt")).isEqualTo("http://localhost:9");
            assertThat(engine.getBean(AdapterEndpoints.class).endpoint("docuseal").orElseThrow().webhookSecret()).isEqualTo("docuseal-secret-of-the-test");
            assertThat(engine.getBean(SalesSettings.class).quoteValidDays()).isEqualTo(45);
            assertThat(engine.getBean(ca.gigafibre.automation.erpnext.ErpNextSettings.class).cutoverPeriod())
                    .isEqualTo(java.time.YearMonth.of(2026, 11));
            assertThat(engine.getBean(SecretCipher.class).primaryKeyId()).isEqualTo(SecretKeysets.parse(KEYSET, "test").getPrimary().getId());
            assertThat(engine.getBean(SupportTimers.class).getInformWait()).isEqualTo("PT3M");
            assertThat(engine.getBean(ca.gigafibre.automation.assistant.AssistantSettings.class).proposalTtl())
                    .isEqualTo(java.time.Duration.ofMinutes(15));
            assertThat(engine.getBean(ca.gigafibre.automation.assistant.interpret.Interpreter.class))
                    .isInstanceOf(ca.gigafibre.automation.assistant.interpret.LlmInterpreter.class);
            assertThat(engine.getBean(ca.gigafibre.automation.provisioning.deactivation.DeactivationSettings.class).grace())
                    .isEqualTo(java.time.Period.ofDays(14));
            BusinessHours hours = engine.getBean(BusinessHours.class);
            assertThat(hours.isNotificationTime(OffsetDateTime.parse("2027-03-09T19:45:00-05:00"))).isFalse();   // window ends 19:30
            assertThat(hours.isCutDay(java.time.LocalDate.of(2027, 3, 11))).isFalse();                          // Thursday is no cut day
        }
    }

    @Test
    void theProductionConfigurationSetsEveryDocumentedProperty() throws IOException {
        Map<String, Object> prod = new LinkedHashMap<>();
        flatten("", new org.yaml.snakeyaml.Yaml().load(Files.readString(Path.of("deploy/application-prod.yaml"))), prod);
        assertThat(prod.keySet()).containsAll(documentedInReadme());
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, Map<String, Object> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, into));
        } else {
            into.put(prefix, node);
        }
    }

    /** The property names in the first column of README's Configuration table; "`a.b.c`, `d`" documents a.b.c and a.b.d. */
    private static Set<String> documentedInReadme() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("## Configuration"));
        table = table.substring(0, table.indexOf("\n\n", table.indexOf("| property")));
        Set<String> names = new LinkedHashSet<>();
        Pattern token = Pattern.compile("`([a-z][a-z0-9.-]*)`");
        for (String row : table.split("\n")) {
            if (!row.startsWith("| `")) {
                continue;
            }
            String firstCell = row.substring(2, row.indexOf(" |", 2));
            String prefix = null;
            Matcher m = token.matcher(firstCell);
            while (m.find()) {
                String name = m.group(1);
                if (name.contains(".")) {
                    names.add(name);
                    prefix = name.substring(0, name.lastIndexOf('.') + 1);
                } else if (prefix != null) {
                    names.add(prefix + name);
                }
            }
        }
        return names;
    }
}
