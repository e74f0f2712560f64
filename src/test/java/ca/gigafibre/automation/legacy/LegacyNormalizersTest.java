package ca.gigafibre.automation.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LegacyNormalizersTest {

    @Test
    void didsInEveryLegacyFormatBecomeTenDigitsAndCountAsRepaired() {
        for (String legacy : new String[] {"450-272-2408", "(450) 272-2408", "14502722408", "+1 450 272 2408", "450.272.2408"}) {
            Repairs repairs = new Repairs();
            assertThat(DidNormalizer.normalise("phone", legacy, repairs)).as(legacy).isEqualTo("4502722408");
            assertThat(repairs.any()).as(legacy).isTrue();
        }
        Repairs clean = new Repairs();
        assertThat(DidNormalizer.normalise("phone", "4502722408", clean)).isEqualTo("4502722408");
        assertThat(clean.any()).isFalse();
    }

    @Test
    void whatIsNotANorthAmericanNumberIsRejected() {
        for (String bad : new String[] {"272-2408", "24502722408", "0502722408", "4501722408", "abc", "450-272-240x", ""}) {
            assertThatThrownBy(() -> DidNormalizer.normalise("phone", bad, new Repairs())).as(bad).isInstanceOf(LegacyValueRejected.class)
                    .extracting(e -> ((LegacyValueRejected) e).field()).isEqualTo("phone");
        }
    }

    @Test
    void postalCodesAreSpacedAndNonCanadianOnesRejected() {
        Repairs repairs = new Repairs();
        assertThat(PostalCodeNormalizer.normalise("zip", "j2g4k7", repairs)).isEqualTo("J2G 4K7");
        assertThat(PostalCodeNormalizer.normalise("zip", "J2G-4K7", repairs)).isEqualTo("J2G 4K7");
        assertThat(repairs.any()).isTrue();
        Repairs none = new Repairs();
        assertThat(PostalCodeNormalizer.normalise("zip", "H3A 0G4", none)).isEqualTo("H3A 0G4");
        assertThat(none.any()).isFalse();
        for (String bad : new String[] {"90210", "12345-6789", "D2G 4K7", "J2G 4K", "SW1A 1AA"}) {
            assertThatThrownBy(() -> PostalCodeNormalizer.normalise("zip", bad, new Repairs())).as(bad)
                    .hasMessageContaining("is not a Canadian postal code");
        }
    }

    @Test
    void macsAreNormalisedAndInvalidOnesRejected() {
        Repairs repairs = new Repairs();
        assertThat(MacNormalizer.normalise("mac", "000b82123456", repairs)).isEqualTo("00:0B:82:12:34:56");
        assertThat(MacNormalizer.normalise("mac", "00-0b-82-12-34-56", repairs)).isEqualTo("00:0B:82:12:34:56");
        assertThat(MacNormalizer.normalise("mac", "000b.8212.3456", repairs)).isEqualTo("00:0B:82:12:34:56");
        assertThat(repairs.any()).isTrue();
        for (String bad : new String[] {"ZZ:00:11:22:33:44", "00:0B:82:12:34", "00:0B:82:12:34:56:78", "n/a"}) {
            assertThatThrownBy(() -> MacNormalizer.normalise("mac", bad, new Repairs())).as(bad).hasMessageContaining("is not a MAC address");
        }
    }

    @Test
    void streetLinesSplitTheCivicNumber() {
        assertThat(StreetLine.parse("123 Rue Principale")).isEqualTo(new StreetLine("123", "Rue Principale"));
        assertThat(StreetLine.parse("4-123 boul. Leclerc")).isEqualTo(new StreetLine("4-123", "boul. Leclerc"));
        assertThat(StreetLine.parse("123A, rang 4")).isEqualTo(new StreetLine("123A", "rang 4"));
        assertThat(StreetLine.parse("Rue sans numéro")).isNull();
    }

    @Test
    void provincesAreCodes() {
        Repairs repairs = new Repairs();
        assertThat(ProvinceNormalizer.normalise("state", "Québec", repairs)).isEqualTo("QC");
        assertThat(ProvinceNormalizer.normalise("state", null, repairs)).isEqualTo("QC");
        assertThat(ProvinceNormalizer.normalise("state", "on", repairs)).isEqualTo("ON");
        assertThatThrownBy(() -> ProvinceNormalizer.normalise("state", "NY", new Repairs())).hasMessageContaining("not a Canadian province");
    }
}
