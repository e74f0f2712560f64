package ca.gigafibre.automation.legacy;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Why PostgreSQL refused a mapped row (a DID that already has a line in the engine, a second open suspension ...), in
 * the words of the constraint, never with the row's values (PostgreSQL's detail would show them).
 */
final class DatabaseRejects {

    private DatabaseRejects() {
    }

    static RejectRow of(String table, long legacyId, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                ServerErrorMessage server = psql.getServerErrorMessage();
                String constraint = server.getConstraint();
                String field = server.getColumn() != null ? server.getColumn() : fieldOf(server.getTable(), constraint);
                String reason = switch (String.valueOf(psql.getSQLState())) {
                    case "23505" -> "already in the engine (" + constraint + ")";
                    case "23514" -> "breaks the engine's rule " + constraint;
                    case "23503" -> "refers to something the engine does not have (" + constraint + ")";
                    case "23502" -> "missing";
                    default -> "refused by the database: " + server.getMessage();
                };
                return new RejectRow(table, String.valueOf(legacyId), field, reason);
            }
            if (t instanceof SQLException sql && t.getCause() == null) {
                return new RejectRow(table, String.valueOf(legacyId), null, "refused by the database (SQL state " + sql.getSQLState() + ")");
            }
        }
        return new RejectRow(table, String.valueOf(legacyId), null, "refused by the database: " + failure.getClass().getSimpleName());
    }

    /** {@code voip_line_did_key} → {@code did}; {@code suspension_one_open_idx} → {@code one_open}. */
    private static String fieldOf(String table, String constraint) {
        if (constraint == null) {
            return null;
        }
        String field = constraint;
        if (table != null && field.startsWith(table + "_")) {
            field = field.substring(table.length() + 1);
        }
        return field.replaceAll("_(key|check|fkey|idx|pkey)$", "");
    }
}
