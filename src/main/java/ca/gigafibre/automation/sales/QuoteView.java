package ca.gigafibre.automation.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A quote as the API and the PDF show it: recurring and one-time subtotals kept apart (as the ISP's "Soumission TARGO"
 * does), TPS and TVQ computed once on their sum.
 */
public record QuoteView(String id, String customerId, String customerName, String language, String locationId, String address,
                        String type, LocalDate date, LocalDate expiresOn, String status, String terms, String po, List<Line> lines,
                        BigDecimal recurringSubtotal, BigDecimal oneTimeSubtotal, BigDecimal subtotal, BigDecimal tps, BigDecimal tvq,
                        BigDecimal total, String signingUrl, OffsetDateTime signedAt, String signedVia, String signedBy,
                        OffsetDateTime activatedAt, String firstInvoiceId) {

    public record Line(int lineNo, String sku, String description, int quantity, BigDecimal unitPrice, String frequency, BigDecimal total) {

        public boolean recurring() {
            return !"one-time".equals(frequency);
        }
    }
}
