package ca.gigafibre.automation.erpnext.sync;

import ca.gigafibre.automation.erpnext.sync.DoctypeSync.PageResult;
import ca.gigafibre.automation.erpnext.sync.DoctypeSync.SyncReject;
import ca.gigafibre.automation.erpnext.sync.RowUpsert.Outcome;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a page document by document, each inside a savepoint of the page's transaction: a document that cannot be
 * mapped, or that the database refuses (a serial already on another device …), is a reject and the page goes on.
 */
@Component
public class DocumentWriter {

    private final TransactionTemplate savepoint;
    private final JdbcClient jdbc;

    public DocumentWriter(PlatformTransactionManager transactions, JdbcClient jdbc) {
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.jdbc = jdbc;
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    PageResult write(String doctype, List<ObjectNode> page, Function<ObjectNode, Outcome> one) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<SyncReject> rejects = new ArrayList<>();
        for (ObjectNode doc : page) {
            String name = doc.path("name").asText();
            try {
                Outcome outcome = savepoint.execute(status -> one.apply(doc));
                switch (outcome) {
                    case CREATED -> created++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                }
            } catch (Unmappable e) {
                rejects.add(new SyncReject(doctype, name, e.field(), e.getMessage()));
            } catch (org.springframework.dao.DuplicateKeyException e) {
                rejects.add(new SyncReject(doctype, name, null, "already taken by another row: " + detail(e)));
            } catch (DataAccessException e) {
                rejects.add(new SyncReject(doctype, name, null, "refused by the database: " + firstLine(e.getMostSpecificCause().getMessage())));
            }
        }
        return new PageResult(created, updated, unchanged, rejects);
    }

    /** PostgreSQL's "Key (serial)=(X) already exists." when it says so. */
    private static String detail(DataAccessException e) {
        String message = e.getMostSpecificCause().getMessage();
        int key = message == null ? -1 : message.indexOf("Key (");
        return key < 0 ? firstLine(message) : firstLine(message.substring(key));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).replace("ERROR: ", "");
    }
}
