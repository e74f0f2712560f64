package ca.gigafibre.automation.assistant;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code automation.assistant.*}: how long a proposal may be confirmed. Which interpreter reads sentences, and the LLM's
 * endpoint, are {@code interpreter} and {@code llm.*} (read where the interpreter is chosen). A value that would do harm
 * fails start-up naming the key.
 */
@Validated
@ConfigurationProperties("automation.assistant")
public record AssistantSettings(@DefaultValue("PT10M") @NotNull Duration proposalTtl) {

    /** A proposal that expires at once could never be confirmed. */
    @AssertTrue(message = "proposal-ttl must be longer than zero / doit être plus long que zéro")
    public boolean isProposalTtlPositive() {
        return proposalTtl == null || !(proposalTtl.isNegative() || proposalTtl.isZero());   // null is @NotNull's to report
    }
}
