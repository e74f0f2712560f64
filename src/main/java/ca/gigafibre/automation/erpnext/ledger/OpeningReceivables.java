package ca.gigafibre.automation.erpnext.ledger;

import ca.gigafibre.automation.billing.invoice.InvoiceLine;
import ca.gigafibre.automation.billing.invoice.InvoiceTotals;
import ca.gigafibre.automation.billing.invoice.InvoiceWriter.Receivable;
import ca.gigafibre.automation.erpnext.ErpNextSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * A submitted ERPNext Sales Invoice (with its {@code items} and {@code taxes}) as the engine's open receivable, for what is
 * outstanding. The split: TPS and TVQ are the invoice's own tax rows (by the configured tax accounts, else by their 5 % /
 * 9.975 % rate) in the proportion outstanding ÷ grand total, exactly as a credit note takes them, and the subtotal is the
 * rest; so subtotal + TPS + TVQ is exactly the outstanding amount. The lines are the invoice's items as issued, plus — when
 * part was already settled in ERPNext — one negative line for that part of the net, so the lines still sum to the subtotal.
 */
@Component
class OpeningReceivables {

    static final String ALREADY_SETTLED = "Déjà réglé dans ERPNext / Already settled in ERPNext";
    private static final BigDecimal TPS_RATE = new BigDecimal("5");
    private static final BigDecimal TPS_SHARE = new BigDecimal("5").divide(new BigDecimal("14.975"), 10, RoundingMode.HALF_UP);

    private final ErpNextSettings settings;

    OpeningReceivables(ErpNextSettings settings) {
        this.settings = settings;
    }

    /** @param outstanding what is still owed; the receivable's total */
    Receivable of(JsonNode invoice, long customerId, BigDecimal outstanding, LocalDate issue, LocalDate due) {
        BigDecimal grand = ErpFields.money(invoice, "grand_total");
        if (grand.compareTo(outstanding) < 0) {
            grand = outstanding;   // never more outstanding than issued; read the rest as if it were the whole invoice
        }
        BigDecimal[] taxes = taxes(invoice);
        InvoiceTotals credit = InvoiceTotals.creditFor(outstanding, taxes[0], taxes[1], grand);
        InvoiceTotals totals = new InvoiceTotals(credit.subtotal().negate(), credit.tps().negate(), credit.tvq().negate());
        LocalDate from = ErpFields.date(invoice, "from_date");
        LocalDate to = ErpFields.date(invoice, "to_date");
        List<InvoiceLine> lines = new ArrayList<>();
        BigDecimal itemsTotal = BigDecimal.ZERO;
        for (JsonNode item : invoice.path("items")) {
            BigDecimal qty = ErpFields.decimal(item, "qty", BigDecimal.ONE).setScale(2, RoundingMode.HALF_UP);
            BigDecimal rate = ErpFields.money(item, "rate");
            BigDecimal amount = ErpFields.text(item, "amount") == null ? qty.multiply(rate).setScale(2, RoundingMode.HALF_UP)
                    : ErpFields.money(item, "amount");
            String sku = ErpFields.text(item, "item_code");
            String description = Objects.requireNonNullElse(ErpFields.text(item, "description"),
                    Objects.requireNonNullElse(ErpFields.text(item, "item_name"), Objects.requireNonNullElse(sku, "ERPNext")));
            lines.add(new InvoiceLine(sku, description, qty, rate, amount, true, from, to, null, frequency(ErpFields.text(item,
                    "custom_billing_frequency"))));
            itemsTotal = itemsTotal.add(amount);
        }
        BigDecimal settled = totals.subtotal().subtract(itemsTotal);
        if (settled.signum() != 0) {
            lines.add(InvoiceLine.untaxed("ERPNEXT-SETTLED", ALREADY_SETTLED, settled));
        }
        return new Receivable(customerId, ErpFields.text(invoice, "name"), issue, due, from, to, totals, lines);
    }

    /** [TPS, TVQ] of the whole invoice. */
    private BigDecimal[] taxes(JsonNode invoice) {
        BigDecimal tps = BigDecimal.ZERO;
        BigDecimal tvq = BigDecimal.ZERO;
        JsonNode rows = invoice.path("taxes");
        if (rows.isArray() && !rows.isEmpty()) {
            for (JsonNode row : rows) {
                BigDecimal amount = ErpFields.money(row, "tax_amount");
                if (isTps(row)) {
                    tps = tps.add(amount);
                } else {
                    tvq = tvq.add(amount);
                }
            }
        } else {
            // a list without its tax rows: the Quebec split of the taxes' total
            BigDecimal all = ErpFields.money(invoice, "total_taxes_and_charges");
            tps = all.multiply(TPS_SHARE).setScale(2, RoundingMode.HALF_UP);
            tvq = all.subtract(tps);
        }
        return new BigDecimal[] {tps, tvq};
    }

    private boolean isTps(JsonNode row) {
        String account = ErpFields.text(row, "account_head");
        String tpsAccount = settings.booking().tpsAccount();
        String tvqAccount = settings.booking().tvqAccount();
        if (account != null && account.equals(tpsAccount)) {
            return true;
        }
        if (account != null && account.equals(tvqAccount)) {
            return false;
        }
        return ErpFields.decimal(row, "rate", BigDecimal.ZERO).compareTo(TPS_RATE) == 0;
    }

    private static String frequency(String erp) {
        if ("Monthly".equalsIgnoreCase(erp)) {
            return "monthly";
        }
        return "Annual".equalsIgnoreCase(erp) ? "annual" : "one-time";
    }
}
