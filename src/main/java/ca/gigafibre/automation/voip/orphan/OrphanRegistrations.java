package ca.gigafibre.automation.voip.orphan;

import ca.gigafibre.automation.adapter.ExternalSystemUnavailable;
import ca.gigafibre.automation.adapter.e911.E911Client;
import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.error.NotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orphan 911 registrations — a DID registered at the provider (or on our books) that no live line has — and their
 * removal. Only a true orphan is removed: a DID with a line in service is a 409 naming it, a DID nobody holds a 404.
 */
@Service
public class OrphanRegistrations {

    public static final String AUDIT_ACTION = "e911.orphan-deregistered";

    private final JdbcClient jdbc;
    private final E911Client provider;
    private final AuditLog audit;

    public OrphanRegistrations(JdbcClient jdbc, E911Client provider, AuditLog audit) {
        this.jdbc = jdbc;
        this.provider = provider;
        this.audit = audit;
    }

    private record Ours(String customerId, String address) {
    }

    /** The orphan behind this DID, as it would be removed; asks the provider. */
    @Transactional(readOnly = true, noRollbackFor = {NotAnOrphan.class, NotFoundException.class})
    public OrphanRegistration require(String did) {
        return orphan(did, ours(did, false));
    }

    /**
     * Removes the DID's registration at the provider (read back as gone: 404 counts as done), then our record of it, and
     * records who removed it, when, from where ({@code via}) and what the provider held. Our record stays locked from the
     * check to the end, so a line ordered meanwhile for this DID waits and registers its own address after us. Refusing
     * (not an orphan, nobody holds it) writes nothing and leaves a caller's transaction (a job's) usable.
     */
    @Transactional(noRollbackFor = {NotAnOrphan.class, NotFoundException.class})
    public OrphanRegistration deregister(String did, String actor, String via) {
        OrphanRegistration orphan = orphan(did, ours(did, true));
        provider.deregister(did);
        if (provider.find(did).isPresent()) {
            throw new ExternalSystemUnavailable(E911Client.SYSTEM, "GET /v1/subscribers/{did}",
                    "still registered after its DELETE", null);
        }
        jdbc.sql("DELETE FROM automation.e911_address WHERE did = :did").param("did", did).update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("did", did);
        details.put("customer", orphan.customerId());
        details.put("address", orphan.address());
        details.put("source", orphan.source());
        details.put("via", via);
        details.put("deregisteredBy", actor);
        audit.recordAs(actor, AUDIT_ACTION, "e911-registration", did,
                "Inscription 9-1-1 orpheline retirée chez le fournisseur par " + actor + " / Orphan 911 registration removed at the provider by " + actor,
                details);
        return orphan;
    }

    private OrphanRegistration orphan(String did, Optional<Ours> ours) {
        if (jdbc.sql("SELECT exists(SELECT 1 FROM automation.voip_line WHERE did = :did AND state <> 'cancelled')")
                .param("did", did).query(Boolean.class).single()) {
            throw new NotAnOrphan(List.of(did));
        }
        Optional<E911Client.Registration> theirs = provider.find(did);
        if (ours.isEmpty() && theirs.isEmpty()) {
            throw new NotFoundException("911 registration of DID", did, "did");
        }
        String source = ours.isPresent() && theirs.isPresent() ? "both" : ours.isPresent() ? "ours" : "provider";
        String address = ours.map(Ours::address).orElseGet(() -> theirs.map(r -> r.streetNumber() + " " + r.streetName() + ", " + r.city())
                .orElseThrow());
        return new OrphanRegistration(did, ours.map(Ours::customerId).orElse(null), address, source);
    }

    private Optional<Ours> ours(String did, boolean lock) {
        return jdbc.sql("""
                SELECT c.customer_no, a.street_number || ' ' || a.street_name || ', ' || a.city
                FROM automation.e911_address a LEFT JOIN automation.customer c ON c.id = a.customer_id
                WHERE a.did = :did
                """ + (lock ? " FOR UPDATE OF a" : ""))
                .param("did", did).query((rs, n) -> new Ours(rs.getString(1), rs.getString(2))).optional();
    }
}
