package ca.gigafibre.automation.voip.orphan;

import ca.gigafibre.automation.platform.error.ConflictException;
import java.util.List;

/** DIDs a line in service still has: their 911 registrations are not orphans and are never removed here (409). */
public class NotAnOrphan extends ConflictException {

    private final List<String> dids;

    public NotAnOrphan(List<String> dids) {
        super((dids.size() == 1 ? "DID " + dids.get(0) + " has" : "DIDs " + String.join(", ", dids) + " have")
                + " a line in service: not an orphan 911 registration, nothing was deregistered");
        this.dids = List.copyOf(dids);
    }

    public List<String> dids() {
        return dids;
    }
}
