package ca.gigafibre.automation.assistant.interpret;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads slots from a sentence: phone numbers, amounts, ids, a civic address, the customer named, the plans asked for. */
final class SlotReader {

    private static final Pattern PHONE = Pattern.compile("(?<![\\d-])(?:\\+?1[ .-]?)?\\(?(\\d{3})\\)?[ .-]?(\\d{3})[ .-]?(\\d{4})(?!\\d)");
    private static final Pattern AMOUNT = Pattern.compile(
            "(?<![\\d.,])(\\d{1,7}(?:[.,]\\d{1,2})?)\\s*(?:\\$|dollars?\\b|piasses?\\b)|\\$\\s*(\\d{1,7}(?:[.,]\\d{1,2})?)");
    private static final Pattern CUSTOMER_ID = Pattern.compile("\\b[cC]-\\d{3,}\\b");
    private static final Pattern LEGACY_ID = Pattern.compile("\\b(?:compte|account|legacy|ancien(?:\\s+no|\\s+numero)?|#)\\s*#?\\s*(\\d{3,9})\\b");
    private static final Pattern QUOTE_ID = Pattern.compile("\\b(?:soq|SOQ)-?(\\d{1,9})\\b");
    private static final Pattern QUOTE_NUMBER = Pattern.compile("\\b(?:soumission|quote|devis)\\s+(?:no\\.?\\s*|#\\s*|numero\\s+)?(\\d{1,9})\\b");
    private static final Pattern TECHNICIAN_ID = Pattern.compile("\\btech-(\\d{1,6})\\b");
    private static final Pattern LOCATION_ID = Pattern.compile("\\bloc-(\\d{3,})\\b");
    private static final Pattern POSTAL = Pattern.compile("\\b([a-z]\\d[a-z])\\s?(\\d[a-z]\\d)\\b");
    private static final Pattern STREET = Pattern.compile("(?<![\\d-])(\\d{1,6}[a-z]?)(?:-(\\d{1,5}))?,?\\s+((?:rue|chemin|ch\\.|boulevard|boul\\.?|avenue|av\\.|rang|route|"
            + "place|montee|croissant|impasse|allee|terrasse)\\s+[^,]+?|[^,]+?\\s+(?:street|st\\.?|road|rd\\.?|avenue|ave\\.?|boulevard|blvd\\.?|drive|dr\\.?|lane))"
            + "(?=\\s*(?:,|$|\\.$|\\s+(?:a|à|in|dans|qc|quebec)\\s|\\s+[a-z]\\d[a-z]|\\s+(?:demain|tomorrow|le\\s+\\d|next|mardi|lundi|mercredi|jeudi|vendredi|on\\s)))");
    private static final Pattern CITY_AFTER = Pattern.compile("^\\s*(?:,\\s*|\\s+(?:a|à|in|dans)\\s+)([^,\\d]+?)(?=\\s*(?:,|$|\\.|\\s+qc\\b|\\s+quebec\\b|\\s+[a-z]\\d[a-z]))");
    private static final Pattern NAME = Pattern.compile("(?<![\\p{L}-])((?:[A-ZÀ-Ý][\\p{L}'’-]+|Mme|M\\.)(?:\\s+(?:[A-ZÀ-Ý][\\p{L}'’-]+|de|du|des|la|le|van|von|d')?\\s*[A-ZÀ-Ý][\\p{L}'’-]+){0,3})");
    private static final Pattern TECH_NAME = Pattern.compile("\\b(?:tech|technicien|technicienne|technician)\\s+([A-ZÀ-Ý][\\p{L}'-]+(?:\\s+[A-ZÀ-Ý][\\p{L}'-]+)?)");

    /** Capitalised words that are no one's name. */
    private static final Set<String> NOT_NAMES = Set.copyOf(List.of("rue", "chemin", "boulevard", "avenue", "rang", "route", "montee", "street", "road",
            "stripe", "paysafe", "fibre", "fiber", "internet", "wi-fi", "wifi", "olt", "pbx", "ont", "ip", "did", "dids", "soq", "tech", "voip",
            "ppa", "genieacs", "erpnext", "qc", "quebec", "granby", "montreal", "sherbrooke", "mbps", "gbps", "mbit", "gbit", "tv", "ata",
            "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre",
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday", "i", "mme", "m.", "mr", "mrs", "ms", "client", "cliente", "customer", "le", "la", "les", "it",
            "him", "her", "them", "what", "how", "is", "are", "does", "did", "show", "list", "quel", "quelle", "quels", "combien",
            "est-ce", "fais", "cree", "crée", "ajoute", "suspends", "suspend", "reactive", "réactive", "rebranche", "rebranche-le",
            "reboot", "redemarre", "redémarre", "envoie", "send", "planifie", "schedule", "convert", "convertis", "create", "add",
            "update", "mets", "met", "change", "switch", "passe", "check", "verifie", "vérifie", "set", "what's", "c'est", "montre",
            "affiche", "donne", "can", "please", "svp", "stp", "peux-tu", "pourrais-tu", "bonjour", "hello", "hi", "allo", "salut", "zone", "gig", "giga", "gigs", "meg", "megs", "wi-fi", "router", "routeur"));

    private SlotReader() {
    }

    static Optional<String> phone(String folded) {
        Matcher m = PHONE.matcher(folded);
        return m.find() ? Optional.of(m.group(1) + m.group(2) + m.group(3)) : Optional.empty();
    }

    static Optional<int[]> phoneSpan(String folded) {
        Matcher m = PHONE.matcher(folded);
        return m.find() ? Optional.of(new int[] {m.start(), m.end()}) : Optional.empty();
    }

    static Optional<BigDecimal> amount(String folded) {
        Matcher m = AMOUNT.matcher(folded);
        if (!m.find()) {
            return Optional.empty();
        }
        String number = (m.group(1) != null ? m.group(1) : m.group(2)).replace(',', '.');
        return Optional.of(new BigDecimal(number).setScale(2, java.math.RoundingMode.UNNECESSARY));
    }

    static Optional<String> customerId(String folded) {
        Matcher m = CUSTOMER_ID.matcher(folded);
        return m.find() ? Optional.of(m.group().toUpperCase()) : Optional.empty();
    }

    static Optional<String> legacyId(String folded) {
        Matcher m = LEGACY_ID.matcher(folded);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static Optional<String> quoteId(String folded) {
        Matcher m = QUOTE_ID.matcher(folded);
        if (m.find()) {
            return Optional.of(quoteNo(m.group(1)));
        }
        m = QUOTE_NUMBER.matcher(folded);
        return m.find() ? Optional.of(quoteNo(m.group(1))) : Optional.empty();
    }

    private static String quoteNo(String digits) {
        String trimmed = digits.replaceFirst("^0+(?=\\d)", "");
        return "SOQ-" + "0".repeat(Math.max(0, 5 - trimmed.length())) + trimmed;
    }

    static Optional<String> technicianId(String folded) {
        Matcher m = TECHNICIAN_ID.matcher(folded);
        return m.find() ? Optional.of("TECH-" + "0".repeat(Math.max(0, 3 - m.group(1).length())) + m.group(1)) : Optional.empty();
    }

    static Optional<String> technicianName(String original) {
        Matcher m = TECH_NAME.matcher(original);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static Optional<String> locationId(String folded) {
        Matcher m = LOCATION_ID.matcher(folded);
        return m.find() ? Optional.of("LOC-" + m.group(1)) : Optional.empty();
    }

    /** A civic address in the sentence: number, street, and the city and postal code when given; keys as {@link Slots}. */
    static Map<String, Object> address(String original, String folded) {
        Map<String, Object> address = new LinkedHashMap<>();
        Matcher m = STREET.matcher(folded);
        if (!m.find()) {
            return address;
        }
        address.put(Slots.STREET_NUMBER, original.substring(m.start(1), m.end(1)).toUpperCase());
        if (m.group(2) != null) {
            address.put(Slots.APT, m.group(2));
        }
        address.put(Slots.STREET_NAME, capitalise(original.substring(m.start(3), m.end(3)).strip()));
        Matcher city = CITY_AFTER.matcher(folded.substring(m.end()));
        if (city.find() && !city.group(1).isBlank()) {
            String name = original.substring(m.end() + city.start(1), m.end() + city.end(1)).strip();
            if (!name.isBlank() && !name.matches("(?i)qc|quebec|québec")) {
                address.put(Slots.CITY, capitalise(name));
            }
        }
        Matcher postal = POSTAL.matcher(folded);
        if (postal.find(m.end(3))) {
            address.put(Slots.POSTAL_CODE, (postal.group(1) + " " + postal.group(2)).toUpperCase());
        }
        return address;
    }

    /** Where the address sits in the folded text, to keep its words out of a customer's name. */
    static Optional<int[]> addressSpan(String folded) {
        Matcher m = STREET.matcher(folded);
        return m.find() ? Optional.of(new int[] {m.start(), m.end()}) : Optional.empty();
    }

    /**
     * A person's or company's name: capitalised words, not the sentence's first word, not words that are no one's name
     * (months, streets, systems), outside the spans already read as something else.
     */
    static Optional<String> name(String original, List<int[]> taken) {
        Matcher m = NAME.matcher(original);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            if (m.start() == firstWordStart(original) || overlaps(m.start(), m.end(), taken)) {
                String rest = dropFirstWord(original, m);
                if (rest != null && !overlaps(m.start(), m.end(), taken)) {
                    names.add(rest);
                }
                continue;
            }
            String cleaned = clean(m.group(1));
            if (cleaned != null) {
                names.add(cleaned);
            }
        }
        return names.stream().findFirst();
    }

    private static String dropFirstWord(String original, Matcher m) {
        String[] words = m.group(1).split("\\s+");
        if (words.length < 2) {
            return null;
        }
        return clean(String.join(" ", java.util.Arrays.copyOfRange(words, 1, words.length)));
    }

    private static String clean(String candidate) {
        List<String> kept = new ArrayList<>();
        for (String word : candidate.split("\\s+")) {
            String folded = Text.fold(word).replaceAll("[,.;:!?]+$", "");
            if (NOT_NAMES.contains(folded) || folded.matches("(c|soq|tech|loc)-\\d*")) {
                if (!kept.isEmpty()) {
                    break;
                }
                continue;
            }
            kept.add(word.replaceAll("[,.;:!?]+$", "").replaceAll("['’]s$", ""));
        }
        return kept.isEmpty() ? null : String.join(" ", kept);
    }

    private static int firstWordStart(String original) {
        for (int i = 0; i < original.length(); i++) {
            if (Character.isLetterOrDigit(original.charAt(i))) {
                return i;
            }
        }
        return 0;
    }

    static boolean overlaps(int start, int end, List<int[]> spans) {
        for (int[] span : spans) {
            if (start < span[1] && span[0] < end) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern SPEED = Pattern.compile("(\\d+(?:[.,]5)?)\\s*(g|gb|gbps|gig|giga|gbit|gbit/s|m|mb|mbps|meg|megs|mbit|mbit/s|mo)\\b");
    private static final Pattern COMMERCIAL = Pattern.compile("\\b(affaires|business|commercial)\\b");
    private static final Pattern FIBRE = Pattern.compile("\\b(fibre|fiber)\\b");
    private static final Pattern ROUTER = Pattern.compile("\\b(routeur|router|wi-?fi)\\b");
    private static final Pattern PHONE_LINE = Pattern.compile("\\b(ligne telephonique|phone line|telephone|voip)\\b");
    private static final Pattern BUSINESS_LINE = Pattern.compile("\\b(affaires|business)\\b");
    private static final Pattern TV = Pattern.compile("\\b(tele|tv|television)\\b");

    /** Plans asked for in a quote: "fibre 100M", "1 Gig", "routeur", "ligne téléphonique", "télé". */
    static List<String> skus(String folded) {
        List<String> skus = new ArrayList<>();
        Matcher speed = SPEED.matcher(folded);
        if (speed.find()) {
            String number = speed.group(1).replace(',', '.');
            boolean giga = speed.group(2).startsWith("g");
            int mbps = (int) Math.round(Double.parseDouble(number) * (giga ? 1000 : 1));
            skus.add("FIB-" + mbps + (COMMERCIAL.matcher(folded).find() ? "-COM" : ""));
        } else if (FIBRE.matcher(folded).find()) {
            skus.add("FIB-100");
        }
        if (ROUTER.matcher(folded).find()) {
            skus.add("RTR-RENT");
        }
        if (PHONE_LINE.matcher(folded).find()) {
            skus.add(BUSINESS_LINE.matcher(folded).find() ? "VOIP-BUS" : "VOIP-RES");
        }
        if (TV.matcher(folded).find()) {
            skus.add("TV-BASE");
        }
        return skus;
    }

    private static String capitalise(String text) {
        StringBuilder out = new StringBuilder();
        for (String word : text.split("\\s+")) {
            boolean particle = !out.isEmpty() && word.matches("(?i)de|des|du|la|le|les|l'.*|d'.*|of|the");
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(word.isEmpty() || particle ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return out.toString();
    }
}
