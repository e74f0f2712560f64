package ca.gigafibre.automation.voip;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Compares civic addresses the way a 911 dispatcher would: case, accents, punctuation, street-type and saint
 * abbreviations ({@code Rue}/{@code R.}, {@code Boulevard}/{@code Boul.}, {@code Saint}/{@code St-}/{@code St}),
 * cardinal points, apartment forms ({@code app. 4}, {@code #4}, {@code 4-123}) and postal-code spacing do not
 * make two addresses different; anything else does.
 */
@Component
public class AddressNormalizer {

    private static final Map<String, String> WORDS = new LinkedHashMap<>();
    private static final Pattern UNIT_PREFIX = Pattern.compile("^\\s*([0-9a-z]+)\\s*-\\s*([0-9]+[a-z]?)\\s*$");
    private static final Pattern APT_WORDS = Pattern.compile("\\b(app|appt|apt|apartment|appartement|unit|unite|suite|bureau|local|logement|no)\\b\\.?");

    static {
        for (String[] pair : new String[][] {
                {"r", "rue"}, {"av", "avenue"}, {"ave", "avenue"}, {"boul", "boulevard"}, {"bd", "boulevard"}, {"blvd", "boulevard"},
                {"ch", "chemin"}, {"rte", "route"}, {"mtee", "montee"}, {"rg", "rang"}, {"pl", "place"}, {"terr", "terrasse"},
                {"crois", "croissant"}, {"cr", "croissant"}, {"imp", "impasse"}, {"prom", "promenade"},
                {"st", "saint"}, {"ste", "sainte"},
                {"n", "nord"}, {"s", "sud"}, {"e", "est"}, {"o", "ouest"}, {"w", "ouest"}, {"west", "ouest"}, {"east", "est"},
                {"north", "nord"}, {"south", "sud"}}) {
            WORDS.put(pair[0], pair[1]);
        }
    }

    /** The comparable form of each field. */
    public CivicAddress normalise(CivicAddress a) {
        String number = text(a.streetNumber());
        String apt = apartment(a.apt());
        Matcher unit = UNIT_PREFIX.matcher(number);
        if (unit.matches() && apt.isEmpty()) {
            apt = unit.group(1);
            number = unit.group(2);
        }
        return new CivicAddress(number, apt, words(a.streetName()), words(a.city()), text(a.province()),
                text(a.postalCode()).replace(" ", ""));
    }

    /** The names of the fields that really differ (streetNumber, apt, streetName, city, province, postalCode). */
    public List<String> differences(CivicAddress left, CivicAddress right) {
        CivicAddress a = normalise(left);
        CivicAddress b = normalise(right);
        List<String> fields = new ArrayList<>();
        compare("streetNumber", a.streetNumber(), b.streetNumber(), fields);
        compare("apt", a.apt(), b.apt(), fields);
        compare("streetName", a.streetName(), b.streetName(), fields);
        compare("city", a.city(), b.city(), fields);
        compare("province", a.province(), b.province(), fields);
        compare("postalCode", a.postalCode(), b.postalCode(), fields);
        return fields;
    }

    public boolean same(CivicAddress left, CivicAddress right) {
        return differences(left, right).isEmpty();
    }

    private static void compare(String field, String a, String b, List<String> fields) {
        if (!a.equals(b)) {
            fields.add(field);
        }
    }

    private static String apartment(String apt) {
        String plain = text(apt).replace("#", " ");
        return APT_WORDS.matcher(plain).replaceAll(" ").replaceAll("[^0-9a-z]", "");
    }

    private static String words(String value) {
        String plain = text(value).replaceAll("[.,'’\\-/]", " ");
        StringBuilder out = new StringBuilder();
        for (String word : plain.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(WORDS.getOrDefault(word, word));
        }
        return out.toString();
    }

    private static String text(String value) {
        if (value == null) {
            return "";
        }
        String stripped = Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
    }
}
