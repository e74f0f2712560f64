package ca.gigafibre.automation.adapter.payment;

/** {@code SUCCEEDED} or {@code PENDING} (bank debit) with the processor's reference, or {@code DECLINED} with its reason. */
public record ChargeResult(String status, String reference, String declineReason) {

    public boolean declined() {
        return "DECLINED".equals(status);
    }
}
