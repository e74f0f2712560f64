package ca.gigafibre.automation.rules.scenario;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scenario table as analysts write it: a header line, then one case a line; blank lines and lines starting with
 * {@code #} are skipped, so a row keeps the line number an editor shows. Comma or semicolon separated (the header says
 * which: French spreadsheets save with {@code ;}).
 */
public final class ScenarioTable {

    public static final ScenarioColumn CASE = ScenarioColumn.of("cas", "case", "ce que la ligne vérifie / what the row checks");
    public static final ScenarioColumn EXPECTED_OUTCOME = ScenarioColumn.of("resultat_attendu", "expected_outcome",
            "la décision attendue / the outcome expected (CHARGE, SUSPEND …)");
    public static final ScenarioColumn EXPECTED_RULES = ScenarioColumn.of("regles_attendues", "expected_rules",
            "les noms des règles qui doivent se déclencher, séparés par | (dans n'importe quel ordre) / the names of the rules "
                    + "expected to fire, separated by | (any order)");

    private static final CsvMapper CSV = new CsvMapper();

    private final List<ScenarioRow> rows;
    private final List<String> problems;

    private ScenarioTable(List<ScenarioRow> rows, List<String> problems) {
        this.rows = rows;
        this.problems = problems;
    }

    public List<ScenarioRow> rows() {
        return rows;
    }

    /** What keeps the whole table from being read (unknown or missing columns, a line that is not CSV). */
    public List<String> problems() {
        return problems;
    }

    public static ScenarioTable parse(String text, List<ScenarioColumn> inputs, List<ScenarioColumn> outputs) {
        List<ScenarioColumn> known = new ArrayList<>(List.of(CASE, EXPECTED_OUTCOME, EXPECTED_RULES));
        known.addAll(inputs);
        known.addAll(outputs);
        String[] lines = text.replace("\uFEFF", "").split("\\R", -1);
        List<ScenarioRow> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<ScenarioColumn> header = null;
        ObjectReader reader = null;
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            if (header == null) {
                char separator = count(line, ';') > count(line, ',') ? ';' : ',';
                reader = CSV.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                        .with(CsvSchema.emptySchema().withColumnSeparator(separator));
                header = new ArrayList<>();
                for (String name : cells(reader, line, lineNo, problems)) {
                    Optional<ScenarioColumn> column = known.stream().filter(c -> c.matches(name)).findFirst();
                    if (column.isEmpty()) {
                        problems.add("ligne/line " + lineNo + " : colonne inconnue/unknown column « " + name + " »");
                    }
                    header.add(column.orElse(null));
                }
                for (ScenarioColumn required : List.of(EXPECTED_OUTCOME, EXPECTED_RULES)) {
                    if (!header.contains(required)) {
                        problems.add("ligne/line " + lineNo + " : colonne manquante/missing column " + required.label());
                    }
                }
                continue;
            }
            List<String> values = cells(reader, line, lineNo, problems);
            Map<ScenarioColumn, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < Math.min(values.size(), header.size()); c++) {
                if (header.get(c) != null) {
                    cells.put(header.get(c), values.get(c));
                }
            }
            if (values.size() > header.size()) {
                problems.add("ligne/line " + lineNo + " : " + values.size() + " cellules pour/cells for " + header.size() + " colonnes/columns");
            }
            rows.add(new ScenarioRow(lineNo, cells));
        }
        if (header == null) {
            problems.add("table vide/empty table");
        }
        return new ScenarioTable(List.copyOf(rows), List.copyOf(problems));
    }

    private static List<String> cells(ObjectReader reader, String line, int lineNo, List<String> problems) {
        try (MappingIterator<String[]> row = reader.readValues(line)) {
            return row.hasNext() ? List.of(row.next()) : List.of();
        } catch (IOException | RuntimeException e) {
            problems.add("ligne/line " + lineNo + " : " + e.getMessage().lines().findFirst().orElse(""));
            return List.of();
        }
    }

    private static long count(String line, char c) {
        return line.chars().filter(ch -> ch == c).count();
    }
}
