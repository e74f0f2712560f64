package ca.gigafibre.automation.sales;

import ca.gigafibre.automation.platform.error.InvalidRequestException;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing "Réviser la soumission": send or withdraw, and a signer's e-mail to send to — else the task stays open. */
@Component("checkQuoteReview")
public class CheckQuoteReviewListener implements TaskListener {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable("reviewDecision");
        if (!"send".equals(decision) && !"withdraw".equals(decision)) {
            throw new InvalidRequestException("reviewDecision", "must be send or withdraw");
        }
        Object email = task.getVariable("signerEmail");
        if ("send".equals(decision) && (email == null || !EMAIL.matcher(email.toString().strip()).matches())) {
            throw new InvalidRequestException("signerEmail", "must be the e-mail address DocuSeal sends the quote to");
        }
    }
}
