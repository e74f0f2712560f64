package ca.gigafibre.automation.assistant;

import ca.gigafibre.automation.assistant.interpret.Interpreter;
import ca.gigafibre.automation.assistant.interpret.LlmInterpreter;
import ca.gigafibre.automation.assistant.interpret.LlmSettings;
import ca.gigafibre.automation.assistant.interpret.PatternInterpreter;
import ca.gigafibre.automation.platform.time.BusinessTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code automation.assistant.interpreter}: {@code patterns} (default, deterministic, offline) or {@code llm} (an
 * OpenAI-compatible chat model through LangChain4j, {@code automation.assistant.llm.*}, the patterns when it does not answer).
 */
@Configuration
class InterpreterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(InterpreterConfiguration.class);

    @Bean
    @ConditionalOnProperty(name = "automation.assistant.interpreter", havingValue = "patterns", matchIfMissing = true)
    Interpreter patternInterpreter() {
        return new PatternInterpreter();
    }

    @Bean
    @ConditionalOnProperty(name = "automation.assistant.interpreter", havingValue = "llm")
    Interpreter llmInterpreter(AssistantSettings assistant) {
        AssistantSettings.Llm llm = assistant.llm();
        LlmSettings settings = new LlmSettings(llm.baseUrl(), llm.model(), llm.apiKey(), llm.timeout());
        log.info("Assistant interpreter: LLM {} (the pattern interpreter when it does not answer)", settings);
        return new LlmInterpreter(LlmInterpreter.openAi(settings), llm.apiKey(), new PatternInterpreter(), BusinessTime::today);
    }
}
