package ca.gigafibre.automation.voip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressNormalizerTest {

    private final AddressNormalizer normalizer = new AddressNormalizer();

    @ParameterizedTest(name = "same: {0} {1} {2} | {3} {4} {5}")
    @CsvSource(delimiter = '|', value = {
            "123 | | Rue Principale | 123 | | R. Principale",
            "123 | | rue principale | 123 | | RUE PRINCIPALE",
            "45 | | Rue Saint-Charles Sud | 45 | | R. St-Charles S.",
            "45 | | Rue Saint-Charles Sud | 45 | | rue St Charles Sud",
            "8 | | Boulevard Leclerc Ouest | 8 | | Boul. Leclerc O.",
            "12 | | Chemin de la Rivière | 12 | | Ch. de la Riviere",
            "301 | app. 4 | Rue Dufferin | 301 | #4 | Rue Dufferin",
            "301 | Apt 4 | Rue Dufferin | 301 | 4 | Rue Dufferin",
            "4-301 | | Rue Dufferin | 301 | app 4 | Rue Dufferin",
            "9 | | Rue Sainte-Anne | 9 | | R. Ste-Anne",
            "77 | | Montée Lapierre | 77 | | Mtée Lapierre"})
    void sameAddressWrittenDifferently(String n1, String apt1, String street1, String n2, String apt2, String street2) {
        assertThat(normalizer.differences(address(n1, apt1, street1, "Granby", "J2G 1A1"), address(n2, apt2, street2, "granby", "j2g1a1")))
                .isEmpty();
    }

    @ParameterizedTest(name = "different {6}: {0} {1} {2} | {3} {4} {5}")
    @CsvSource(delimiter = '|', value = {
            "123 | | Rue Principale | 124 | | Rue Principale | streetNumber",
            "123 | | Rue Principale | 123 | | Rue Principale Est | streetName",
            "45 | | Rue Saint-Charles | 45 | | Rue Sainte-Charles | streetName",
            "301 | 4 | Rue Dufferin | 301 | 5 | Rue Dufferin | apt",
            "301 | | Rue Dufferin | 301 | 5 | Rue Dufferin | apt",
            "12 | | Avenue du Parc | 12 | | Rue du Parc | streetName"})
    void realDifferencesAreReported(String n1, String apt1, String street1, String n2, String apt2, String street2, String field) {
        assertThat(normalizer.differences(address(n1, apt1, street1, "Granby", "J2G 1A1"), address(n2, apt2, street2, "Granby", "J2G 1A1")))
                .containsExactly(field);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Granby | J2G 1A1 | Granby | J2G1A1 | ",
            "Saint-Alphonse-de-Granby | J0E 2A0 | St-Alphonse-de-Granby | j0e 2a0 | ",
            "Granby | J2G 1A1 | Bromont | J2G 1A1 | city",
            "Granby | J2G 1A1 | Granby | J2H 1A1 | postalCode"})
    void townsAndPostalCodes(String city1, String postal1, String city2, String postal2, String field) {
        List<String> differences = normalizer.differences(address("1", null, "Rue Principale", city1, postal1),
                address("1", null, "Rue Principale", city2, postal2));
        assertThat(differences).isEqualTo(field == null ? List.of() : List.of(field));
    }

    private static CivicAddress address(String number, String apt, String street, String city, String postal) {
        return new CivicAddress(number, apt, street, city, "QC", postal);
    }
}
