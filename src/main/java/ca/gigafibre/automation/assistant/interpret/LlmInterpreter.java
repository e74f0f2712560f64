package ca.gigafibre.automation.assistant.interpret;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.tool.DefaultToolExecutor;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LLM-backed interpreter ({@code automation.assistant.interpreter: llm}): an OpenAI-compatible chat model is given the
 * sentence and one tool per intent ({@link IntentTools}) and answers with a tool call; the call's typed arguments become
 * the intent and its slots, and the proposal is built afterwards exactly as for the patterns. Nothing is executed here.
 * Secrets, deletions and bulk changes are refused before the model sees the sentence. When the model is down, slow, or
 * answers with no usable tool call, the pattern interpreter reads the sentence and the answer says so.
 */
public class LlmInterpreter implements Interpreter {

    private static final Logger log = LoggerFactory.getLogger(LlmInterpreter.class);

    static final Interpretation.Reason UNAVAILABLE = new Interpretation.Reason("llm-unavailable",
            "L'assistant IA n'a pas répondu : la demande a été lue par l'interpréteur par motifs.",
            "The AI assistant did not answer: the request was read by the pattern interpreter.");
    static final Interpretation.Reason NO_TOOL = new Interpretation.Reason("llm-no-intent",
            "L'assistant IA n'a reconnu aucune action : la demande a été lue par l'interpréteur par motifs.",
            "The AI assistant recognised no action: the request was read by the pattern interpreter.");

    private final ChatModel model;
    private final String apiKey;
    private final PatternInterpreter patterns;
    private final Supplier<LocalDate> today;
    private final List<ToolSpecification> tools;
    private final Map<String, DefaultToolExecutor> executors;

    /** @param apiKey only to keep it out of what is logged (an error message may quote it) */
    public LlmInterpreter(ChatModel model, String apiKey, PatternInterpreter patterns, Supplier<LocalDate> today) {
        this.model = model;
        this.apiKey = apiKey;
        this.patterns = patterns;
        this.today = today;
        IntentTools intentTools = new IntentTools();
        this.tools = ToolSpecifications.toolSpecificationsFrom(intentTools);
        this.executors = Arrays.stream(IntentTools.class.getMethods()).filter(m -> m.isAnnotationPresent(Tool.class))
                .collect(Collectors.toUnmodifiableMap(m -> m.getAnnotation(Tool.class).name(), m -> executor(intentTools, m)));
    }

    /**
     * The chat model of {@code automation.assistant.llm.*}: no retry (the patterns answer instead), nothing logged; no key,
     * no {@code Authorization} header (a self-hosted endpoint that takes none).
     */
    public static ChatModel openAi(LlmSettings settings) {
        String key = settings.apiKey() == null || settings.apiKey().isBlank() ? null : settings.apiKey();
        return OpenAiChatModel.builder().baseUrl(settings.baseUrl()).modelName(settings.model()).apiKey(key)
                .timeout(settings.timeout()).maxRetries(0).temperature(0.0).logRequests(false).logResponses(false).build();
    }

    /** The intents offered to the model, by tool name (= intent name). */
    public List<String> toolNames() {
        return tools.stream().map(ToolSpecification::name).toList();
    }

    @Override
    public Interpretation interpret(String text, String locale, String onScreenCustomer) {
        Optional<Interpretation> refused = patterns.refusalOf(text);
        if (refused.isPresent()) {
            return refused.get();
        }
        List<ToolExecutionRequest> calls;
        try {
            calls = model.chat(request(text, locale, onScreenCustomer)).aiMessage().toolExecutionRequests();
        } catch (RuntimeException e) {
            log.warn("Assistant LLM unavailable ({}); the pattern interpreter read the sentence", masked(e));
            return patterns.interpret(text, locale, onScreenCustomer).withNotice(UNAVAILABLE);
        }
        if (calls == null || calls.isEmpty()) {
            log.info("Assistant LLM called no tool; the pattern interpreter read the sentence");
            return patterns.interpret(text, locale, onScreenCustomer).withNotice(NO_TOOL);
        }
        if (calls.size() > 1) {
            return Interpretation.refused("several",
                    "Une demande à la fois, s'il vous plaît : j'en ai compris " + calls.size() + ".",
                    "One request at a time, please: I understood " + calls.size() + ".");
        }
        ToolExecutionRequest call = calls.get(0);
        try {
            DefaultToolExecutor executor = executors.get(call.name());
            if (executor == null) {
                throw new IllegalArgumentException("no tool named " + call.name());
            }
            return (Interpretation) executor.executeWithContext(call, InvocationContext.builder().invocationId(UUID.randomUUID()).timestampNow().build())
                    .result();
        } catch (RuntimeException e) {
            log.warn("Assistant LLM called tool {} with arguments that do not fit ({}); the pattern interpreter read the sentence", call.name(), masked(e));
            return patterns.interpret(text, locale, onScreenCustomer).withNotice(NO_TOOL);
        }
    }

    private ChatRequest request(String text, String locale, String onScreenCustomer) {
        LocalDate day = today.get();
        String instructions = """
                You read one request typed by a staff member of Gigafibre, an internet and phone provider in Quebec, in Quebec \
                French or English, and call the one tool that matches it, filling only what the request says. Calling a tool \
                changes nothing: the staff member sees a proposal and confirms it. Never invent a customer, a date or an amount. \
                If no tool matches, answer in one short sentence without calling a tool.
                Today is %s, %s (America/Montreal). The user's language: %s. Customer on screen: %s."""
                .formatted(day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH), day, "en".equals(locale) ? "English" : "French",
                        onScreenCustomer == null ? "none" : onScreenCustomer);
        return ChatRequest.builder().messages(SystemMessage.from(instructions), UserMessage.from(text)).toolSpecifications(tools).build();
    }

    /** What went wrong, for the log, with the API key masked wherever a message quotes it. */
    private String masked(RuntimeException e) {
        String message = e.getClass().getSimpleName() + ": " + e.getMessage();
        return apiKey == null || apiKey.isBlank() ? message : message.replace(apiKey, "***");
    }

    private static DefaultToolExecutor executor(IntentTools tools, Method method) {
        return DefaultToolExecutor.builder().object(tools).originalMethod(method).methodToInvoke(method).propagateToolExecutionExceptions(true).build();
    }
}
