package ca.gigafibre.automation.voip.orphan;

import java.util.List;

/**
 * A confirmed bulk deregistration, DID by DID: removed; refused (a line took the DID since the preview, or nobody holds
 * it any more); failed (the provider could not be reached or refused: preview again once it is back).
 */
public record DeregistrationOutcome(boolean confirmed, List<OrphanRegistration> deregistered, List<NotDone> refused,
                                    List<NotDone> failed) {

    public record NotDone(String did, String reason) {
    }
}
