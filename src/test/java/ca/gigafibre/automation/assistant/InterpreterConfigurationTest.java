package ca.gigafibre.automation.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.assistant.interpret.Interpreter;
import ca.gigafibre.automation.assistant.interpret.LlmInterpreter;
import ca.gigafibre.automation.assistant.interpret.PatternInterpreter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;

/** {@code automation.assistant.interpreter}: the patterns unless {@code llm} is asked for, which needs its endpoint and model. */
@ExtendWith(OutputCaptureExtension.class)
class InterpreterConfigurationTest {

    private static final String KEY = "sk-configuration-test-4f1c9a";

    /** With Spring Boot's conversions, as the engine has them ("PT5S" → a Duration). */
    private final ApplicationContextRunner runner = new ApplicationContextRunner(() -> {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance());
        return context;
    }).withUserConfiguration(InterpreterConfiguration.class, Settings.class);

    /** The settings the interpreter is chosen with, bound as the engine binds them. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AssistantSettings.class)
    static class Settings {
    }

    @Test
    void thePatternsByDefaultAndWhenAskedFor() {
        runner.run(context -> assertThat(context.getBean(Interpreter.class)).isExactlyInstanceOf(PatternInterpreter.class));
        runner.withPropertyValues("automation.assistant.interpreter=patterns", "automation.assistant.llm.api-key=" + KEY)
                .run(context -> assertThat(context.getBean(Interpreter.class)).isExactlyInstanceOf(PatternInterpreter.class));
    }

    @Test
    void theLlmWhenSwitchedOnWithItsKeyInNoLog(CapturedOutput output) {
        runner.withPropertyValues("automation.assistant.interpreter=llm", "automation.assistant.llm.base-url=http://localhost:9/v1",
                        "automation.assistant.llm.model=gpt-4o-mini", "automation.assistant.llm.api-key=" + KEY, "automation.assistant.llm.timeout=PT3S")
                .run(context -> assertThat(context.getBean(Interpreter.class)).isExactlyInstanceOf(LlmInterpreter.class));

        assertThat(output.getAll()).contains("Assistant interpreter: LLM").contains("gpt-4o-mini").contains("apiKey=***").doesNotContain(KEY);
    }

    @Test
    void theLlmWithAnEndpointThatTakesNoKey(CapturedOutput output) {
        runner.withPropertyValues("automation.assistant.interpreter=llm", "automation.assistant.llm.base-url=http://localhost:9/v1",
                        "automation.assistant.llm.model=qwen2.5")
                .run(context -> assertThat(context.getBean(Interpreter.class)).isExactlyInstanceOf(LlmInterpreter.class));

        assertThat(output.getAll()).contains("apiKey=(none)").contains("timeout=PT5S");
    }

    @Test
    void theLlmWithoutItsEndpointDoesNotStart() {
        runner.withPropertyValues("automation.assistant.interpreter=llm", "automation.assistant.llm.model=gpt-4o-mini")
                .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("automation.assistant.llm.base-url is required"));
    }
}
