package ca.gigafibre.automation.platform.secret;

import ca.gigafibre.automation.platform.audit.AuditLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-encrypts every stored secret that is not under the primary key, column after column, in batches of
 * {@code automation.secret-rotation.batch-size} rows that each commit. What it looks for is "not under the primary key"
 * (the ciphertext's first bytes), so a stopped run is simply run again: it continues with what is left, and a finished one
 * finds nothing. Rows are locked while re-encrypted, so the engine may keep running; a cell that cannot be decrypted
 * is named in the report and left as it is.
 */
@Service
public class SecretRotation {

    private static final Logger log = LoggerFactory.getLogger(SecretRotation.class);

    private final JdbcClient jdbc;
    private final SecretCipher engineCipher;
    private final SecretInventory inventory;
    private final AuditLog audit;
    private final TransactionTemplate batchTransaction;
    private final int batchSize;

    public SecretRotation(JdbcClient jdbc, SecretCipher engineCipher, SecretInventory inventory, AuditLog audit,
                          PlatformTransactionManager transactions, SecretSettings settings) {
        this.jdbc = jdbc;
        this.engineCipher = engineCipher;
        this.inventory = inventory;
        this.audit = audit;
        this.batchTransaction = new TransactionTemplate(transactions);
        this.batchSize = settings.secretRotation().batchSize();
    }

    /** Re-encrypts under the engine's primary key. */
    public SecretRotationReport rotate() {
        return rotate(engineCipher);
    }

    /** Re-encrypts under {@code cipher}'s primary key (tests rotate with keysets of their own). */
    public SecretRotationReport rotate(SecretCipher cipher) {
        long started = System.nanoTime();
        Map<String, Long> rotated = new LinkedHashMap<>();
        List<String> unreadable = new ArrayList<>();
        for (SecretColumn column : SecretColumn.values()) {
            long done = 0;
            long after = Long.MIN_VALUE;
            while (true) {
                long from = after;
                Batch batch = batchTransaction.execute(tx -> batch(cipher, column, from, unreadable));
                done += batch.rotated();
                if (batch.lastId() == null) {
                    break;
                }
                after = batch.lastId();
            }
            rotated.put(column.table() + "." + column.column(), done);
        }
        String primary = SecretKeysets.id(cipher.primaryKeyId());
        long total = rotated.values().stream().mapToLong(Long::longValue).sum();
        SecretRotationReport report = new SecretRotationReport(primary, rotated, unreadable, inventory.secretsByKey());
        audit.record("secrets.rotated", "secret-key", primary, null, Map.of("rotated", total, "unreadable", unreadable.size()));
        log.info("Secret rotation to key {}: {} secrets re-encrypted, {} unreadable, in {} ms; secrets by key: {}", primary, total,
                unreadable.size(), (System.nanoTime() - started) / 1_000_000, report.secretsByKey());
        return report;
    }

    private record Cell(long id, byte[] stored) {
    }

    /** @param lastId the last row id looked at, null when there was nothing left */
    private record Batch(Long lastId, long rotated) {
    }

    private Batch batch(SecretCipher cipher, SecretColumn column, long after, List<String> unreadable) {
        String c = column.column();
        List<Cell> cells = jdbc.sql("SELECT id, " + c + " FROM automation." + column.table() + " WHERE id > :after AND " + c + " IS NOT NULL"
                        + " AND substring(" + c + " from 1 for 6) <> :primary ORDER BY id LIMIT :limit FOR UPDATE")
                .param("after", after).param("primary", cipher.primaryPrefix()).param("limit", batchSize)
                .query((rs, n) -> new Cell(rs.getLong(1), rs.getBytes(2))).list();
        long rotated = 0;
        for (Cell cell : cells) {
            String clear;
            try {
                clear = cipher.decrypt(cell.stored(), column, cell.id());
            } catch (RuntimeException e) {
                unreadable.add(column.cell(cell.id()));
                continue;
            }
            jdbc.sql("UPDATE automation." + column.table() + " SET " + c + " = :sealed WHERE id = :id")
                    .param("sealed", cipher.encrypt(clear, column, cell.id())).param("id", cell.id()).update();
            rotated++;
        }
        return new Batch(cells.isEmpty() ? null : cells.get(cells.size() - 1).id(), rotated);
    }
}
