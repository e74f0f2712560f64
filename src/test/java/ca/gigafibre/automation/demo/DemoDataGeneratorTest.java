package ca.gigafibre.automation.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.IntegrationTest;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The generator reproduces the legacy volumes at a scale, deterministically from its seed. */
class DemoDataGeneratorTest extends IntegrationTest {

    @Autowired
    DemoDataGenerator generator;

    @Test
    void smallScaleWritesTheScaledCounts() {
        DemoDataReport report = generator.generate(0.05, 7, true);

        assertThat(count("customer")).isEqualTo(765);
        assertThat(jdbc.sql("SELECT count(*) FROM automation.customer WHERE status = 'active'").query(Long.class).single()).isEqualTo(334);
        assertThat(count("subscription")).isEqualTo(1094);
        assertThat(count("voip_line")).isEqualTo(40);
        assertThat(count("e911_address")).isEqualTo(40 + 11);
        assertThat(count("payment_arrangement")).isEqualTo(1 + 110 + 253);
        assertThat(count("suspension")).isEqualTo(52);
        assertThat(count("ip_assignment")).isEqualTo(1050);
        assertThat(count("work_order")).isEqualTo(724);
        assertThat(count("quote")).isEqualTo(45);
        assertThat(report.rows().get("customer")).isEqualTo(765L);
    }

    @Test
    void sameSeedGivesTheSameData() {
        generator.generate(0.02, 42, true);
        String first = fingerprint();
        generator.generate(0.02, 42, true);
        assertThat(fingerprint()).isEqualTo(first);
        generator.generate(0.02, 43, true);
        assertThat(fingerprint()).isNotEqualTo(first);
    }

    @Test
    void scaleOneReproducesTheLegacyVolumesAndTheExactPaymentMethodBreakdown() {
        generator.generate(1.0, 20261123, true);

        assertThat(count("customer")).isEqualTo(15_303);
        assertThat(count("subscription")).isEqualTo(21_876);
        assertThat(count("plan")).isEqualTo(833);
        assertThat(jdbc.sql("SELECT count(*) FROM automation.equipment WHERE status = 'installed'").query(Long.class).single()).isEqualTo(7_241);
        assertThat(jdbc.sql("SELECT kind, count(*) FROM automation.equipment WHERE status = 'in-stock' GROUP BY kind ORDER BY kind")
                .query((rs, n) -> rs.getString(1) + " " + rs.getLong(2)).list()).containsExactly("ont 20", "router 10");
        assertThat(count("technician")).isEqualTo(8);
        Map<String, Long> profiles = jdbc.sql("SELECT profile, count(*) FROM automation.account_payment_profile GROUP BY profile")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(profiles).containsExactlyInAnyOrderEntriesOf(Map.of("none", 5_274L, "bank-ppa", 655L, "stripe-card", 564L,
                "stripe-ppa", 143L, "bank-ppa-and-stripe-card", 45L));
        assertThat(jdbc.sql("SELECT count(*) FROM automation.payment_method WHERE kind = 'paysafe-card'").query(Long.class).single()).isEqualTo(658);
        Map<String, Long> arrangements = jdbc.sql("SELECT status, count(*) FROM automation.payment_arrangement GROUP BY status")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(arrangements).containsExactlyInAnyOrderEntriesOf(Map.of("pending", 10L, "open", 2_205L, "completed", 5_068L));
        assertThat(distinct("payment_arrangement")).isEqualTo(1_687);
        assertThat(count("voip_line")).isEqualTo(790);
        assertThat(distinct("voip_line")).isEqualTo(745);
        assertThat(count("e911_address")).isEqualTo(1_014);
        assertThat(jdbc.sql("SELECT count(*) FROM automation.e911_address a WHERE NOT EXISTS "
                + "(SELECT 1 FROM automation.voip_line l WHERE l.did = a.did AND l.state <> 'cancelled')").query(Long.class).single()).isEqualTo(224);
        assertThat(distinct("e911_address")).isEqualTo(909);
        assertThat(count("ata_config")).isEqualTo(786);
        assertThat(jdbc.sql("SELECT count(DISTINCT did) FROM automation.ata_config").query(Long.class).single()).isEqualTo(779);
        assertThat(count("suspension")).isEqualTo(1_049);
        assertThat(count("ip_assignment")).isEqualTo(20_999);
        assertThat(distinct("ip_assignment")).isEqualTo(5_769);
        assertThat(count("work_order")).isEqualTo(14_486);
        assertThat(distinct("work_order")).isEqualTo(10_110);
        assertThat(count("quote")).isEqualTo(908);
        assertThat(distinct("quote")).isEqualTo(529);
        assertThat(count("ticket")).isEqualTo(98_524);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM automation.customer c WHERE c.status = 'active'
                AND (SELECT count(DISTINCT date_trunc('month', issue_date)) FROM automation.invoice i WHERE i.customer_id = c.id) < 12
                """).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM automation.voip_line WHERE did !~ '^[0-9]{10}$'").query(Long.class).single()).isZero();
    }

    private long distinct(String table) {
        return jdbc.sql("SELECT count(DISTINCT customer_id) FROM automation." + table).query(Long.class).single();
    }

    private String fingerprint() {
        return jdbc.sql("""
                SELECT md5(string_agg(c.first_name || c.last_name || c.status || coalesce(l.postal_code, ''), ',' ORDER BY c.id))
                    || md5((SELECT string_agg(total::text, ',' ORDER BY id) FROM automation.invoice))
                FROM automation.customer c JOIN automation.service_location l ON l.customer_id = c.id
                """).query(String.class).single();
    }
}
