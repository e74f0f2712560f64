package ca.gigafibre.automation.legacy;

import java.util.List;
import java.util.Map;

/**
 * An import report as CSV: one {@code table} row per legacy table with its counts, then one {@code reject} row per
 * reject. A cell starting with {@code = + - @} (or a tab or carriage return) is prefixed with {@code '} so a
 * spreadsheet never runs it as a formula.
 */
final class ImportReportCsv {

    private ImportReportCsv() {
    }

    static String of(ImportReport report) {
        StringBuilder csv = new StringBuilder("record,table,status,read,imported,unchanged,rejected,repaired,legacy_id,field,reason\n");
        for (Map.Entry<String, TableReport> entry : report.tables().entrySet()) {
            TableReport t = entry.getValue();
            line(csv, List.of("table", entry.getKey(), t.status(), String.valueOf(t.read()), String.valueOf(t.imported()),
                    String.valueOf(t.unchanged()), String.valueOf(t.rejected()), String.valueOf(t.repaired()), "", "",
                    t.message() == null ? "" : t.message()));
        }
        for (RejectRow r : report.rejects()) {
            line(csv, List.of("reject", r.table(), "", "", "", "", "", "", nullToEmpty(r.legacyId()), nullToEmpty(r.field()), nullToEmpty(r.reason())));
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append('\n');
    }

    static String cell(String value) {
        String safe = ca.gigafibre.automation.platform.web.CsvCells.safe(value);
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
