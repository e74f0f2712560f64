package ca.gigafibre.automation.demo;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Rows for one table, written with PostgreSQL COPY (CSV): the fast path for synthetic data at scale.
 * Values: null, String, Number, Boolean, LocalDate/OffsetDateTime (ISO text), byte[] (bytea), List (text[]).
 */
final class CopyTable {

    private static final HexFormat HEX = HexFormat.of();

    private final String table;
    private final String columns;
    private final int width;
    private final StringBuilder csv = new StringBuilder(1 << 16);
    private int rows;

    CopyTable(String table, String... columns) {
        this.table = table;
        this.columns = String.join(", ", columns);
        this.width = columns.length;
    }

    CopyTable row(Object... values) {
        if (values.length != width) {
            throw new IllegalArgumentException(table + " has " + width + " columns, got " + values.length + " values");
        }
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            append(values[i]);
        }
        csv.append('\n');
        rows++;
        return this;
    }

    int rows() {
        return rows;
    }

    long copyInto(Connection connection) throws SQLException, IOException {
        if (rows == 0) {
            return 0;
        }
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        return copy.copyIn("COPY automation." + table + " (" + columns + ") FROM STDIN WITH (FORMAT csv)",
                new StringReader(csv.toString()));
    }

    private void append(Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Number || value instanceof Boolean) {
            csv.append(value);
        } else if (value instanceof byte[] bytes) {
            csv.append("\\x").append(HEX.formatHex(bytes));
        } else if (value instanceof List<?> list) {
            quoted("{" + String.join(",", list.stream().map(String::valueOf).toList()) + "}");
        } else {
            quoted(value.toString());
        }
    }

    private void quoted(String text) {
        csv.append('"').append(text.replace("\"", "\"\"")).append('"');
    }
}
