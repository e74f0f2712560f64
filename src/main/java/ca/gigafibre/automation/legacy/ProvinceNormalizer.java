package ca.gigafibre.automation.legacy;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/** Canadian province codes ({@code QC}); blank means Quebec, names ({@code Québec}, {@code Ontario}) are repaired, others rejected. */
public final class ProvinceNormalizer {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("QUEBEC", "QC"), Map.entry("PQ", "QC"), Map.entry("ONTARIO", "ON"), Map.entry("NOUVEAU-BRUNSWICK", "NB"),
            Map.entry("NEW BRUNSWICK", "NB"), Map.entry("NEW-BRUNSWICK", "NB"), Map.entry("NOVA SCOTIA", "NS"),
            Map.entry("NOUVELLE-ECOSSE", "NS"), Map.entry("MANITOBA", "MB"), Map.entry("ALBERTA", "AB"),
            Map.entry("SASKATCHEWAN", "SK"), Map.entry("BRITISH COLUMBIA", "BC"), Map.entry("COLOMBIE-BRITANNIQUE", "BC"));
    private static final java.util.Set<String> CODES = java.util.Set.of("QC", "ON", "NB", "NS", "PE", "NL", "MB", "SK", "AB", "BC",
            "YT", "NT", "NU");

    private ProvinceNormalizer() {
    }

    public static String normalise(String field, String value, Repairs repairs) {
        if (value == null || value.isBlank()) {
            return "QC";
        }
        String plain = Normalizer.normalize(value.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT);
        if (CODES.contains(plain)) {
            if (!plain.equals(value)) {
                repairs.note(field);
            }
            return plain;
        }
        String code = NAMES.get(plain);
        if (code == null) {
            throw new LegacyValueRejected(field, "'" + value.strip() + "' is not a Canadian province");
        }
        repairs.note(field);
        return code;
    }
}
