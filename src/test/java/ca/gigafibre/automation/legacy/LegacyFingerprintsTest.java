package ca.gigafibre.automation.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.platform.secret.Fingerprinter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class LegacyFingerprintsTest {

    private static Fingerprinter fingerprinter(int fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) fill);
        return new Fingerprinter(key);
    }

    @Test
    void sameValuesSameFingerprintUnderOneKeyOnly() {
        Fingerprints one = new Fingerprints(fingerprinter(1));
        Fingerprints other = new Fingerprints(fingerprinter(2));

        byte[] a = one.of("Côté", new BigDecimal("150.00"), null, "12345678");

        assertThat(a).hasSize(32).isEqualTo(one.of("Côté", new BigDecimal("150.0"), null, "12345678"));
        assertThat(a).isNotEqualTo(one.of("Côté", new BigDecimal("150.00"), null, "12345679"));
        assertThat(a).isNotEqualTo(one.of("Côté", new BigDecimal("150.00"), "", "12345678"));
        assertThat(a).isNotEqualTo(other.of("Côté", new BigDecimal("150.00"), null, "12345678"));
        assertThat(HexFormat.of().formatHex(a)).doesNotContain(HexFormat.of().formatHex("12345678".getBytes(StandardCharsets.UTF_8)));
    }
}
