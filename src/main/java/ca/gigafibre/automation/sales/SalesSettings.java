package ca.gigafibre.automation.sales;

import ca.gigafibre.automation.platform.time.BusinessTime;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code automation.sales.*}: how long a quote stays valid, the DocuSeal template of quotes, when an unconfirmed installation
 * escalates, the terms printed when a quote gives none, and the header older self-hosted DocuSeal versions put their
 * webhook secret in ({@code docuseal-secret-header}, empty: the HMAC only; {@link DocuSealSignatures}). A quote that
 * expires before the day it is made, or an installation that escalates before anyone could confirm it, would do harm:
 * start-up stops naming the key.
 */
@Validated
@ConfigurationProperties("automation.sales")
public record SalesSettings(
        @DefaultValue("30") @PositiveOrZero int quoteValidDays,
        @DefaultValue("1") long docusealTemplateId,
        @DefaultValue("PT24H") @NotNull Duration installationConfirmWithin,
        @DefaultValue("Prix valides 30 jours. Taxes en sus. / Prices valid for 30 days. Taxes extra.") String defaultTerms,
        String docusealSecretHeader) {

    public SalesSettings {
        docusealSecretHeader = docusealSecretHeader == null ? "" : docusealSecretHeader.strip();
    }

    /** A quote still unsigned at the start of the day after it expires is closed. */
    public Date expiryOf(LocalDate expiresOn) {
        return BusinessTime.startOf(expiresOn.plusDays(1));
    }

    /** An installation not confirmed this long after its appointment window ends goes to a supervisor. */
    public Date confirmationDeadline(OffsetDateTime appointmentEnd) {
        return Date.from(appointmentEnd.plus(installationConfirmWithin).toInstant());
    }

    /** Zero would send every installation to a supervisor the moment its window ends. */
    @AssertTrue(message = "installation-confirm-within must be longer than zero / doit être plus long que zéro")
    public boolean isInstallationConfirmWithinPositive() {
        return installationConfirmWithin == null || !(installationConfirmWithin.isNegative() || installationConfirmWithin.isZero());
    }
}
