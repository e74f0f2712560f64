package ca.gigafibre.automation.assistant;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** {@code automation.assistant.*}: how long a proposal may be confirmed; which interpreter reads sentences. */
@Component
public class AssistantSettings {

    private final Duration proposalTtl;

    public AssistantSettings(@Value("${automation.assistant.proposal-ttl:PT10M}") Duration proposalTtl) {
        this.proposalTtl = proposalTtl;
    }

    public Duration proposalTtl() {
        return proposalTtl;
    }
}
