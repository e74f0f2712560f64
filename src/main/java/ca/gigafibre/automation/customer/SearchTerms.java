package ca.gigafibre.automation.customer;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a search text can be: a customer id ({@code C-10234}), a legacy id, a phone in any format ("450 272-2408",
 * "(450) 272-2408", "4502722408", "+1 450 …"), or words of a name, company, e-mail or address.
 */
record SearchTerms(String text, String digits, boolean phoneLike, boolean legacyLike, boolean wordsLike, List<String> words) {

    /** More words than this add nothing to a customer search and only cost index work. */
    static final int MAX_WORDS = 5;
    private static final Pattern PHONE_CHARACTERS = Pattern.compile("^[0-9\\s().+-]+$");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    static SearchTerms of(String q) {
        String text = q.strip();
        String digits = text.replaceAll("\\D", "");
        if (digits.length() == 11 && digits.startsWith("1")) {
            digits = digits.substring(1);
        }
        boolean onlyPhoneCharacters = PHONE_CHARACTERS.matcher(text).matches();
        boolean phoneLike = onlyPhoneCharacters && digits.length() >= 7 && digits.length() <= 10;
        boolean legacyLike = text.matches("\\d{1,9}");
        List<String> words = Arrays.stream(text.split("[\\s,;]+")).filter(w -> !w.isBlank()).limit(MAX_WORDS).toList();
        return new SearchTerms(text, digits, phoneLike, legacyLike, !phoneLike, words);
    }

    /** Lower case without accents, as the database's {@code search_normal} makes the indexed text; for labels only. */
    static String normal(String value) {
        return value == null ? "" : MARKS.matcher(Normalizer.normalize(value, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** A LIKE pattern's literal part: the wildcards of LIKE are searched as characters. */
    static String literal(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    boolean allWordsIn(String value) {
        String normal = normal(value);
        return words.stream().allMatch(w -> normal.contains(normal(w)));
    }
}
