package ca.gigafibre.automation.assistant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code automation.assistant.*}: how long a proposal may be confirmed, and the LLM's endpoint ({@code llm.*}, used only
 * when {@code interpreter} is {@code llm}; which interpreter reads sentences is a condition where it is chosen,
 * {@link InterpreterConfiguration}). A value that would do harm fails start-up naming the key.
 */
@Validated
@ConfigurationProperties("automation.assistant")
public record AssistantSettings(@DefaultValue("PT10M") @NotNull Duration proposalTtl, @DefaultValue @Valid Llm llm) {

    /**
     * {@code automation.assistant.llm.*}: an OpenAI-compatible chat-completions endpoint (base URL up to {@code /v1}), the
     * model's name, the API key (a secret: {@link #toString()} leaves it out) and how long to wait before the patterns
     * answer instead. Base URL and model are required with {@code interpreter: llm} ({@code interpret.LlmSettings} says so
     * when that interpreter is made); a timeout of zero would never let the LLM answer.
     */
    public record Llm(String baseUrl, String model, String apiKey, @DefaultValue("PT5S") @NotNull Duration timeout) {

        public Llm {
            baseUrl = baseUrl == null ? "" : baseUrl;
            model = model == null ? "" : model;
            apiKey = apiKey == null ? "" : apiKey;
        }

        @AssertTrue(message = "timeout must be longer than zero / doit être plus long que zéro")
        public boolean isTimeoutPositive() {
            return timeout == null || !(timeout.isNegative() || timeout.isZero());   // null is @NotNull's to report
        }

        @Override
        public String toString() {
            return "Llm[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey.isBlank() ? "(none)" : "***")
                    + ", timeout=" + timeout + "]";
        }
    }

    /** A proposal that expires at once could never be confirmed. */
    @AssertTrue(message = "proposal-ttl must be longer than zero / doit être plus long que zéro")
    public boolean isProposalTtlPositive() {
        return proposalTtl == null || !(proposalTtl.isNegative() || proposalTtl.isZero());   // null is @NotNull's to report
    }
}
