package ca.gigafibre.automation.customer;

import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.platform.web.Paged;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff notes on a customer (the seed's internal memos), newest first; also Customer 360's "notes" (the latest few). */
@Service
public class CustomerNotes implements Customer360Part {

    static final int MAX_LENGTH = 4000;

    private final JdbcClient jdbc;
    private final CustomerRepository customers;
    private final AuditLog audit;
    private final int recentItems;

    public CustomerNotes(JdbcClient jdbc, CustomerRepository customers, AuditLog audit, Customer360Settings customer360) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.audit = audit;
        this.recentItems = customer360.recentItems();
    }

    @Transactional
    public NoteView add(CustomerNo customerNo, NewNote note) {
        long customerId = customers.idOf(customerNo, "id");
        String author = AuditLog.currentActor();
        NoteView written = jdbc.sql("""
                INSERT INTO automation.customer_note (customer_id, author, text) VALUES (:customer, :author, :text)
                RETURNING id, author, text, created_at
                """).param("customer", customerId).param("author", author).param("text", note.text())
                .query(CustomerNotes::note).single();
        audit.record("customer.note-added", "customer", customerNo.value(), null, Map.of("note", written.id()));
        return written;
    }

    @Transactional(readOnly = true)
    public Paged<NoteView> page(CustomerNo customerNo, int page, int size) {
        long customerId = customers.idOf(customerNo, "id");
        long total = jdbc.sql("SELECT count(*) FROM automation.customer_note WHERE customer_id = :id").param("id", customerId)
                .query(Long.class).single();
        return new Paged<>(latest(customerId, size, Paged.offset(page, size)), page, size, total);
    }

    @Override
    public String key() {
        return "notes";
    }

    @Override
    public Object describe(long customerId) {
        return latest(customerId, recentItems, 0);
    }

    private List<NoteView> latest(long customerId, int limit, long offset) {
        return jdbc.sql("""
                SELECT id, author, text, created_at FROM automation.customer_note WHERE customer_id = :id
                ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset
                """).param("id", customerId).param("limit", limit).param("offset", offset)
                .query(CustomerNotes::note).list();
    }

    private static NoteView note(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new NoteView(rs.getLong("id"), rs.getString("author"), rs.getString("text"), BusinessTime.read(rs, "created_at"));
    }
}
