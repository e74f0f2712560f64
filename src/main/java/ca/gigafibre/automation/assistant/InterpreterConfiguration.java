package ca.gigafibre.automation.assistant;

import ca.gigafibre.automation.assistant.interpret.Interpreter;
import ca.gigafibre.automation.assistant.interpret.PatternInterpreter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code automation.assistant.interpreter}: {@code patterns} (default, deterministic, offline); an LLM-backed one may be added beside it. */
@Configuration
class InterpreterConfiguration {

    @Bean
    @ConditionalOnProperty(name = "automation.assistant.interpreter", havingValue = "patterns", matchIfMissing = true)
    Interpreter patternInterpreter() {
        return new PatternInterpreter();
    }
}
