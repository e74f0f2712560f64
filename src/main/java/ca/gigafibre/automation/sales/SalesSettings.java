package ca.gigafibre.automation.sales;

import ca.gigafibre.automation.platform.time.BusinessTime;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** {@code automation.sales.*}: how long a quote stays valid, the DocuSeal template, when an unconfirmed installation escalates. */
@Component
public class SalesSettings implements ca.gigafibre.automation.workflow.ExpressionBean {

    private final int quoteValidDays;
    private final long docusealTemplateId;
    private final Duration installationConfirmWithin;
    private final String defaultTerms;

    public SalesSettings(@Value("${automation.sales.quote-valid-days:30}") int quoteValidDays,
                         @Value("${automation.sales.docuseal-template-id:1}") long docusealTemplateId,
                         @Value("${automation.sales.installation-confirm-within:PT24H}") Duration installationConfirmWithin,
                         @Value("${automation.sales.default-terms:Prix valides 30 jours. Taxes en sus. / Prices valid for 30 days. Taxes extra.}")
                         String defaultTerms) {
        this.quoteValidDays = quoteValidDays;
        this.docusealTemplateId = docusealTemplateId;
        this.installationConfirmWithin = installationConfirmWithin;
        this.defaultTerms = defaultTerms;
    }

    public int quoteValidDays() {
        return quoteValidDays;
    }

    public long docusealTemplateId() {
        return docusealTemplateId;
    }

    public String defaultTerms() {
        return defaultTerms;
    }

    /** A quote still unsigned at the start of the day after it expires is closed. */
    public Date expiryOf(LocalDate expiresOn) {
        return BusinessTime.startOf(expiresOn.plusDays(1));
    }

    /** An installation not confirmed this long after its appointment window ends goes to a supervisor. */
    public Date confirmationDeadline(java.time.OffsetDateTime appointmentEnd) {
        return Date.from(appointmentEnd.plus(installationConfirmWithin).toInstant());
    }
}
