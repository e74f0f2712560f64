package ca.gigafibre.automation.sales;

import ca.gigafibre.automation.billing.invoice.QuebecTaxes;
import ca.gigafibre.automation.customer.NewLocation;
import ca.gigafibre.automation.platform.error.NotFoundException;
import ca.gigafibre.automation.platform.time.BusinessTime;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads quotes with their lines and totals. */
@Repository
public class Quotes {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public Quotes(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public QuoteView get(String quoteNo) {
        return get(idOf(quoteNo));
    }

    public long idOf(String quoteNo) {
        return jdbc.sql("SELECT id FROM automation.quote WHERE quote_no = :no").param("no", quoteNo).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("Quote", quoteNo, "id"));
    }

    /** The new service address a quote carries when its location does not exist yet. */
    public NewLocation proposedAddress(long quoteId) {
        String address = jdbc.sql("SELECT address::text FROM automation.quote WHERE id = :id").param("id", quoteId).query(String.class).single();
        try {
            return address == null ? null : json.readValue(address, NewLocation.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("quote " + quoteId + " has an unreadable address", e);
        }
    }

    QuoteView get(long quoteId) {
        List<QuoteView.Line> lines = jdbc.sql("""
                SELECT coalesce(line_no, row_number() OVER (ORDER BY id)::int), sku, description, quantity, unit_amount, kind, total
                FROM automation.quote_line WHERE quote_id = :id ORDER BY coalesce(line_no, 0), id
                """).param("id", quoteId)
                .query((rs, n) -> new QuoteView.Line(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4).intValue(),
                        rs.getBigDecimal(5), rs.getString(6), rs.getBigDecimal(7)))
                .list();
        BigDecimal recurring = sum(lines.stream().filter(QuoteView.Line::recurring).map(QuoteView.Line::total).toList());
        BigDecimal oneTime = sum(lines.stream().filter(l -> !l.recurring()).map(QuoteView.Line::total).toList());
        QuebecTaxes taxes = QuebecTaxes.on(recurring.add(oneTime));
        return jdbc.sql("""
                SELECT q.quote_no, c.customer_no, coalesce(c.company_name, c.first_name || ' ' || c.last_name) AS name, c.language,
                       l.location_no, q.address::text AS address, q.quote_type, q.quote_date, q.expires_on, q.status, q.terms, q.po,
                       q.signing_url, q.signed_at, q.signed_via, q.signed_by, q.activated_at, i.invoice_no,
                       concat_ws(' ', l.street_number, l.street_name, CASE WHEN l.apt IS NOT NULL THEN 'app. ' || l.apt END) || ', '
                           || l.city || ' ' || l.postal_code AS location_address
                FROM automation.quote q JOIN automation.customer c ON c.id = q.customer_id
                LEFT JOIN automation.service_location l ON l.id = q.location_id
                LEFT JOIN automation.invoice i ON i.id = q.first_invoice_id
                WHERE q.id = :id
                """).param("id", quoteId)
                .query((rs, n) -> new QuoteView(rs.getString("quote_no"), rs.getString("customer_no"), rs.getString("name"),
                        rs.getString("language"), rs.getString("location_no"),
                        rs.getString("location_no") != null ? rs.getString("location_address") : describe(rs.getString("address")),
                        rs.getString("quote_type"), rs.getObject("quote_date", LocalDate.class), rs.getObject("expires_on", LocalDate.class),
                        rs.getString("status"), rs.getString("terms"), rs.getString("po"), lines, recurring, oneTime, taxes.subtotal(),
                        taxes.tps(), taxes.tvq(), taxes.total(), rs.getString("signing_url"), BusinessTime.read(rs, "signed_at"),
                        rs.getString("signed_via"), rs.getString("signed_by"), BusinessTime.read(rs, "activated_at"), rs.getString("invoice_no")))
                .optional().orElseThrow(() -> new NotFoundException("Quote", String.valueOf(quoteId), "id"));
    }

    private String describe(String address) {
        if (address == null) {
            return null;
        }
        try {
            NewLocation l = json.readValue(address, NewLocation.class);
            return l.streetNumber() + " " + l.streetName() + (l.apt() == null ? "" : ", app. " + l.apt()) + ", " + l.city() + " "
                    + l.normalisedPostalCode();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return address;
        }
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
