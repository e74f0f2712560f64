package ca.gigafibre.automation.assistant.interpret;

import java.time.Duration;

/**
 * {@code automation.assistant.llm.*}: the OpenAI-compatible endpoint the LLM-backed interpreter asks. The API key is a
 * secret: {@link #toString()} leaves it out, and nothing logs it.
 */
public record LlmSettings(String baseUrl, String model, String apiKey, Duration timeout) {

    public LlmSettings {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("automation.assistant.llm.base-url is required when automation.assistant.interpreter is llm");
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("automation.assistant.llm.model is required when automation.assistant.interpreter is llm");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("automation.assistant.llm.timeout must be positive");
        }
    }

    @Override
    public String toString() {
        return "LlmSettings[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey == null || apiKey.isBlank() ? "(none)" : "***")
                + ", timeout=" + timeout + "]";
    }
}
