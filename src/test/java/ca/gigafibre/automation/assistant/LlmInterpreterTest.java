package ca.gigafibre.automation.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import ca.gigafibre.automation.assistant.interpret.LlmInterpreter;
import ca.gigafibre.automation.assistant.interpret.LlmSettings;
import ca.gigafibre.automation.assistant.interpret.PatternInterpreter;
import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.security.Groups;
import ca.gigafibre.automation.platform.time.BusinessTime;
import ca.gigafibre.automation.testing.EngineClockTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockserver.model.HttpRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The LLM-backed interpreter against an HTTP fake of OpenAI's chat-completions endpoint (MockServer answering with a tool
 * call as OpenAI does): the tool call becomes the very proposal the patterns build from the same sentence; a customer the
 * search does not find, or finds twice, is a clarification; the endpoint down, failing or slow is the patterns' answer with
 * a notice; a secret never reaches the model; the API key is sent to the endpoint and written in no log.
 */
@ExtendWith(OutputCaptureExtension.class)
class LlmInterpreterTest extends EngineClockTest {

    private static final String PATH = "/llm/v1/chat/completions";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    AssistantService patterns;

    @Autowired
    CustomerResolver resolver;

    @Autowired
    List<IntentGroup> groups;

    @Autowired
    AssistantCommands commands;

    @Autowired
    AssistantSettings settings;

    @Autowired
    AuditLog audit;

    private String customer;
    private String apiKey;

    @BeforeEach
    void aCustomerAndAnOpsUser() {
        customer = customers.create("Interprète", false, false, false);
        apiKey = "sk-test-" + UUID.randomUUID();
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("ops", null,
                List.of(new SimpleGrantedAuthority(Groups.authority(Groups.OPS)))));
    }

    @AfterEach
    void nobody() {
        SecurityContextHolder.clearContext();
    }

    private AssistantService llm(String baseUrl, Duration timeout) {
        LlmSettings llmSettings = new LlmSettings(baseUrl, "gpt-fake", apiKey, timeout);
        LlmInterpreter interpreter = new LlmInterpreter(LlmInterpreter.openAi(llmSettings), apiKey, new PatternInterpreter(), BusinessTime::today);
        return new AssistantService(interpreter, resolver, groups, commands, settings, audit);
    }

    private AssistantService llm() {
        return llm(fakes.baseUrl("llm") + "/v1", Duration.ofSeconds(10));
    }

    /** The fake answers the next chat completion with these tool calls ({name, arguments}), as OpenAI does. */
    @SafeVarargs
    private void toolCalls(Map<String, Object>... calls) throws Exception {
        List<Map<String, Object>> toolCalls = new java.util.ArrayList<>();
        for (Map<String, Object> call : calls) {
            toolCalls.add(Map.of("id", "call_" + toolCalls.size(), "type", "function",
                    "function", Map.of("name", call.get("name"), "arguments", JSON.writeValueAsString(call.get("arguments")))));
        }
        Map<String, Object> message = new java.util.LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", null);
        message.put("tool_calls", toolCalls);
        answer(message, "tool_calls");
    }

    private void answer(Map<String, Object> message, String finishReason) throws Exception {
        String body = JSON.writeValueAsString(Map.of("id", "chatcmpl-test", "object", "chat.completion", "created", 1_765_000_000,
                "model", "gpt-fake", "choices", List.of(Map.of("index", 0, "message", message, "finish_reason", finishReason)),
                "usage", Map.of("prompt_tokens", 900, "completion_tokens", 30, "total_tokens", 930)));
        fakes.server().when(request().withMethod("POST").withPath(PATH))
                .respond(response().withStatusCode(200).withHeader("Content-Type", "application/json").withBody(body));
    }

    private static Map<String, Object> call(String name, Map<String, Object> arguments) {
        return Map.of("name", name, "arguments", arguments);
    }

    private HttpRequest[] asked() {
        return fakes.server().retrieveRecordedRequests(request().withPath(PATH));
    }

    private static String french(LocalDate day) {
        return day.getDayOfMonth() + " " + DateTimeFormatter.ofPattern("MMMM", Locale.CANADA_FRENCH).format(day);
    }

    private static void sameProposal(CommandView fromLlm, CommandView fromPatterns) {
        assertThat(fromLlm.status()).isEqualTo(fromPatterns.status());
        assertThat(fromLlm.intent()).isEqualTo(fromPatterns.intent());
        assertThat(fromLlm.parameters()).isEqualTo(fromPatterns.parameters());
        assertThat(fromLlm.summary()).isEqualTo(fromPatterns.summary());
        assertThat(fromLlm.calls()).isEqualTo(fromPatterns.calls());
        assertThat(fromLlm.notice()).isNull();
    }

    @Test
    void everyIntentIsOneToolNamedAsTheIntent() {
        LlmInterpreter interpreter = new LlmInterpreter(new dev.langchain4j.model.chat.ChatModel() {
        }, apiKey, new PatternInterpreter(), BusinessTime::today);

        assertThat(interpreter.toolNames()).hasSize(21).containsExactlyInAnyOrderElementsOf(patterns.intents());
    }

    @Test
    void aFrenchSentenceBecomesTheToolCallAndTheSameArrangementProposalThePatternsBuild() throws Exception {
        LocalDate due = start.plusDays(10);
        LocalDate cutoff = start.plusDays(20);
        String text = "Entente de paiement pour " + customer + " : 150 $ d'ici le " + french(due) + ", coupure le " + french(cutoff);
        toolCalls(call("arrangement", Map.of("customer", customer, "amount", 150, "dueDate", due.toString(), "cutoffDate", cutoff.toString())));

        CommandView fromLlm = llm().ask(new CommandRequest(text, "fr", null));
        CommandView fromPatterns = patterns.ask(new CommandRequest(text, "fr", null));

        assertThat(fromLlm.status()).isEqualTo("proposed");
        assertThat(fromLlm.intent()).isEqualTo("arrangement");
        assertThat(fromLlm.parameters()).containsEntry("customerId", customer).containsEntry("amount", "150.00")
                .containsEntry("dueDate", due.toString()).containsEntry("cutoffDate", cutoff.toString());
        sameProposal(fromLlm, fromPatterns);
        // proposed, not executed: no arrangement yet, and the stored command waits for a confirmation
        assertThat(jdbc.sql("SELECT count(*) FROM automation.payment_arrangement a JOIN automation.customer c ON c.id = a.customer_id "
                + "WHERE c.customer_no = :c").param("c", customer).query(Long.class).single()).isZero();
        assertThat(commands.find(UUID.fromString(fromLlm.id())).orElseThrow().status()).isEqualTo("proposed");
        // the model got the sentence, today's date and the tools, as OpenAI's API takes them
        JsonNode sent = JSON.readTree(asked()[0].getBodyAsString());
        assertThat(sent.path("model").asText()).isEqualTo("gpt-fake");
        assertThat(sent.path("messages").toString()).contains(JSON.writeValueAsString(text).replaceAll("^\"|\"$", "")).contains(start.toString());
        assertThat(sent.path("tools")).hasSize(21);
        assertThat(sent.path("tools").findValuesAsText("name")).contains("arrangement", "suspend", "balance");
    }

    @Test
    void anEnglishSuspensionAndARead() throws Exception {
        String suspend = "Suspend " + customer + " for fraud";
        toolCalls(call("suspend", Map.of("customer", customer, "reason", "FRAUD")));
        CommandView suspension = llm().ask(new CommandRequest(suspend, "en", null));
        sameProposal(suspension, patterns.ask(new CommandRequest(suspend, "en", null)));
        assertThat(suspension.parameters()).isEqualTo(Map.of("customerId", customer, "reason", "fraud"));

        fakes.server().clear(request().withPath(PATH));
        String owe = "What does he owe?";
        toolCalls(call("balance", Map.of()));   // "he": the customer on screen
        CommandView balance = llm().ask(new CommandRequest(owe, "en", customer));
        CommandView fromPatterns = patterns.ask(new CommandRequest(owe, "en", customer));
        assertThat(balance.status()).isEqualTo("answered");
        sameProposal(balance, fromPatterns);
        assertThat(balance.data()).isEqualTo(fromPatterns.data());
    }

    @Test
    void aToolCallNamingACustomerTheSearchDoesNotFindIsAClarification() throws Exception {
        toolCalls(call("suspend", Map.of("customer", "Xqzvwk Jjqpfrb", "reason", "NON_PAYMENT")));

        CommandView answer = llm().ask(new CommandRequest("Coupe Xqzvwk Jjqpfrb pour non-paiement", "fr", null));

        assertThat(answer.status()).isEqualTo("clarification");
        assertThat(answer.intent()).isEqualTo("suspend");
        assertThat(answer.candidates()).isEmpty();
        assertThat(answer.summary().fr()).contains("Xqzvwk Jjqpfrb");
        assertThat(answer.expiresAt()).isNull();
    }

    @Test
    void aToolCallNamingSeveralCustomersIsAClarificationWithTheCandidatesNeverAGuess() throws Exception {
        String name = "Homonyme" + Long.toString(System.nanoTime() % 1_000_000, 36).replaceAll("\\d", "q");
        String first = customers.create(name, false, false, false);
        String second = customers.create(name, false, false, false);
        toolCalls(call("reactivate", Map.of("customer", "Test " + name)));

        CommandView answer = llm().ask(new CommandRequest("Rebranche Test " + name, "fr", null));

        assertThat(answer.status()).isEqualTo("clarification");
        assertThat(answer.candidates()).extracting(Candidate::id).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void theEndpointFailingIsThePatternsAnswerSaidSo(CapturedOutput output) {
        fakes.server().when(request().withMethod("POST").withPath(PATH)).respond(response().withStatusCode(503)
                .withHeader("Content-Type", "application/json").withBody("{\"error\": {\"message\": \"overloaded\", \"type\": \"server_error\"}}"));
        String text = "Suspends " + customer + " pour non-paiement";

        CommandView answer = llm().ask(new CommandRequest(text, "fr", null));

        assertThat(asked()).hasSize(1);   // asked once: no retry, the patterns answer instead
        sameProposalButNoticed(answer, patterns.ask(new CommandRequest(text, "fr", null)));
        assertThat(output.getAll()).contains("Assistant LLM unavailable");
    }

    @Test
    void theEndpointDownOrSlowIsThePatternsAnswerSaidSo() {
        String text = "Suspends " + customer + " pour non-paiement";
        CommandView fromPatterns = patterns.ask(new CommandRequest(text, "fr", null));

        CommandView down = llm("http://localhost:9/v1", Duration.ofSeconds(2)).ask(new CommandRequest(text, "fr", null));
        sameProposalButNoticed(down, fromPatterns);

        fakes.server().when(request().withMethod("POST").withPath(PATH)).respond(response().withStatusCode(200).withDelay(TimeUnit.SECONDS, 5)
                .withHeader("Content-Type", "application/json").withBody("{}"));
        CommandView slow = llm(fakes.baseUrl("llm") + "/v1", Duration.ofMillis(800)).ask(new CommandRequest(text, "fr", null));
        sameProposalButNoticed(slow, fromPatterns);
    }

    private static void sameProposalButNoticed(CommandView answer, CommandView fromPatterns) {
        assertThat(answer.status()).isEqualTo("proposed");
        assertThat(answer.intent()).isEqualTo("suspend");
        assertThat(answer.parameters()).isEqualTo(fromPatterns.parameters());
        assertThat(answer.summary()).isEqualTo(fromPatterns.summary());
        assertThat(answer.notice().fr()).contains("n'a pas répondu").contains("motifs");
        assertThat(answer.notice().en()).contains("did not answer").contains("pattern interpreter");
    }

    @Test
    void aModelThatCallsNoToolOrAToolThatDoesNotExistLeavesTheSentenceToThePatterns() throws Exception {
        String text = "Réactive " + customer;
        answer(Map.of("role", "assistant", "content", "Je ne sais pas."), "stop");
        CommandView noTool = llm().ask(new CommandRequest(text, "fr", null));
        assertThat(noTool.intent()).isEqualTo("reactivate");
        assertThat(noTool.notice().en()).contains("recognised no action");

        fakes.server().clear(request().withPath(PATH));
        toolCalls(call("delete-customer", Map.of("customer", customer)));
        CommandView unknownTool = llm().ask(new CommandRequest(text, "fr", null));
        assertThat(unknownTool.intent()).isEqualTo("reactivate");
        assertThat(unknownTool.status()).isEqualTo("proposed");
        assertThat(unknownTool.notice()).isNotNull();
    }

    @Test
    void twoToolCallsAreRefusedOneRequestAtATime() throws Exception {
        toolCalls(call("suspend", Map.of("customer", customer)), call("reboot", Map.of("customer", customer)));

        CommandView answer = llm().ask(new CommandRequest("Suspends " + customer + " et redémarre son routeur", "fr", null));

        assertThat(answer.status()).isEqualTo("refused");
        assertThat(answer.summary().fr()).contains("Une demande à la fois");
    }

    @Test
    void aSentenceHoldingASecretIsRefusedBeforeTheModelSeesIt() throws Exception {
        toolCalls(call("lines", Map.of("customer", customer)));

        CommandView answer = llm().ask(new CommandRequest("Le NIP de boîte vocale de " + customer + " est 4321, note-le", "fr", null));

        assertThat(answer.status()).isEqualTo("refused");
        assertThat(asked()).isEmpty();
    }

    @Test
    void anEndpointThatTakesNoKeyIsSentNone() throws Exception {
        apiKey = "";
        toolCalls(call("balance", Map.of("customer", customer)));

        assertThat(llm().ask(new CommandRequest("Solde de " + customer, "fr", null)).status()).isEqualTo("answered");
        assertThat(asked()[0].containsHeader("Authorization")).isFalse();
    }

    @Test
    void theApiKeyReachesTheEndpointAndNoLog(CapturedOutput output) throws Exception {
        toolCalls(call("balance", Map.of("customer", customer)));
        assertThat(llm().ask(new CommandRequest("Solde de " + customer, "fr", null)).status()).isEqualTo("answered");
        assertThat(asked()[0].getFirstHeader("Authorization")).isEqualTo("Bearer " + apiKey);

        // an endpoint refusing the key quotes it back, as OpenAI's does: logged, masked
        fakes.server().clear(request().withPath(PATH));
        fakes.server().when(request().withMethod("POST").withPath(PATH)).respond(response().withStatusCode(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"message\": \"Incorrect API key provided: " + apiKey + "\", \"type\": \"invalid_request_error\"}}"));
        assertThat(llm().ask(new CommandRequest("Solde de " + customer, "fr", null)).notice()).isNotNull();
        llm("http://localhost:9/v1", Duration.ofSeconds(2)).ask(new CommandRequest("Solde de " + customer, "fr", null));

        assertThat(output.getAll()).contains("Assistant LLM unavailable").contains("***").doesNotContain(apiKey);
    }
}
