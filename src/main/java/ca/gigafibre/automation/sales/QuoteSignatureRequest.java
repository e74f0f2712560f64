package ca.gigafibre.automation.sales;

import ca.gigafibre.automation.adapter.esign.DocuSealClient;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SendForSignature}: a DocuSeal submission for the signer, its link kept on the quote (for the PDF's QR code).
 * A retried job first asks DocuSeal for the submission of this quote id, so the customer never gets two invitations.
 * The quote row is locked first: a signature recorded meanwhile (by phone) is seen here, and nothing is sent.
 */
@Component("sendQuoteForSignature")
public class QuoteSignatureRequest implements JavaDelegate {

    private final JdbcClient jdbc;
    private final DocuSealClient docuSeal;
    private final SalesSettings settings;
    private final ca.gigafibre.automation.platform.audit.AuditLog audit;

    public QuoteSignatureRequest(JdbcClient jdbc, DocuSealClient docuSeal, SalesSettings settings,
                                 ca.gigafibre.automation.platform.audit.AuditLog audit) {
        this.jdbc = jdbc;
        this.docuSeal = docuSeal;
        this.settings = settings;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String quoteNo = execution.getProcessBusinessKey();
        String status = jdbc.sql("SELECT status FROM automation.quote WHERE quote_no = :no FOR UPDATE").param("no", quoteNo)
                .query(String.class).single();
        boolean signed = !java.util.List.of("draft", "sent").contains(status);
        execution.setVariable("signedMeanwhile", signed);
        if (signed) {
            return;
        }
        String email = (String) execution.getVariable("signerEmail");
        String name = jdbc.sql("""
                SELECT coalesce(c.company_name, c.first_name || ' ' || c.last_name) FROM automation.quote q
                JOIN automation.customer c ON c.id = q.customer_id WHERE q.quote_no = :no
                """).param("no", quoteNo).query(String.class).single();
        DocuSealClient.Submission submission = docuSeal.findByExternalId(quoteNo)
                .orElseGet(() -> docuSeal.createSubmission(settings.docusealTemplateId(), email, name, quoteNo));
        jdbc.sql("""
                UPDATE automation.quote SET status = 'sent', signing_url = :url, docuseal_submission_id = :submission, signer_email = :email
                WHERE quote_no = :no
                """).param("url", submission.signingUrl()).param("submission", submission.submissionId()).param("email", email)
                .param("no", quoteNo).update();
        audit.record("quote.sent-for-signature", "quote", quoteNo, null, Map.of("submission", submission.submissionId()));
    }
}
