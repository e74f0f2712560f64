package ca.gigafibre.automation.assistant.interpret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * A tool call's typed arguments, written as a model may write them ("(450) 272-2408", "908", "j2g1a1", 150), become
 * exactly the intent and slots the pattern interpreter reads from the same sentence (so the same proposal follows); a
 * value in a wrong shape leaves the sentence to the patterns.
 */
class LlmToolSlotsTest {

    private static final Supplier<LocalDate> TODAY = () -> LocalDate.of(2027, 3, 9);   // a Tuesday

    private final AtomicReference<ToolExecutionRequest> next = new AtomicReference<>();
    private final ChatModel model = new ChatModel() {
        @Override
        public ChatResponse chat(ChatRequest request) {
            return ChatResponse.builder().aiMessage(AiMessage.from(next.get())).build();
        }
    };
    private final PatternInterpreter patterns = new PatternInterpreter(TODAY);
    private final LlmInterpreter llm = new LlmInterpreter(model, "sk-unit", patterns, TODAY);

    private Interpretation viaTool(String text, String locale, String tool, String arguments) {
        next.set(ToolExecutionRequest.builder().id("call_0").name(tool).arguments(arguments).build());
        return llm.interpret(text, locale, null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Entente de 150 $ pour C-10234 d'ici le 26 mars, coupure le 2 avril | fr | arrangement | {"customer": "c-10234", "amount": 150, "dueDate": "2027-03-26", "cutoffDate": "2027-04-02"}
            Payment plan for C-10234: $75.50 by March 20, disconnect on April 1 if missed | en | arrangement | {"customer": "C-10234", "amount": 75.5, "dueDate": "2027-03-20", "cutoffDate": "2027-04-01"}
            Suspend C-10234 for abuse                                        | en | suspend         | {"customer": "C-10234", "reason": "ABUSE"}
            Coupe C-10234 pour fraude                                        | fr | suspend         | {"customer": "C-10234", "reason": "FRAUD"}
            Rebranche C-10234                                                | fr | reactivate      | {"customer": "C-10234"}
            What does (450) 272-2408 owe?                                    | en | balance         | {"customer": "(450) 272-2408"}
            Quelle est l'adresse 911 du 450 272-2408 ?                       | fr | line-911-address | {"phoneNumber": "(450) 272-2408"}
            Ajoute la ligne 819-555-1234 avec boîte vocale pour C-10234      | fr | add-line        | {"customer": "C-10234", "phoneNumber": "819-555-1234", "voicemail": true}
            Convertis la soumission SOQ-00908 en service                     | fr | convert-quote   | {"quote": "908"}
            Crée une soumission pour C-10234 : fibre 100M + routeur Wi-Fi    | fr | create-quote    | {"customer": "C-10234", "skus": ["fib-100", "RTR-RENT"]}
            Envoie un technicien chez C-10234 le 22 mars en après-midi pour la ligne téléphonique | fr | dispatch | {"customer": "C-10234", "date": "2027-03-22", "window": "PM", "skill": "VOIP"}
            Quelle IP avait C-10234 le 1er mars ?                            | fr | ip-history      | {"customer": "C-10234", "date": "2027-03-01"}
            Generate the DID report                                          | en | did-report      | {}
            """)
    void theToolCallGivesThePatternsSlots(String text, String locale, String tool, String arguments) {
        Interpretation fromPatterns = patterns.interpret(text, locale, null);

        Interpretation fromTool = viaTool(text, locale, tool, arguments);

        assertThat(fromPatterns.intent()).isEqualTo(tool);
        assertThat(fromTool.intent()).isEqualTo(tool);
        assertThat(fromTool.slots()).isEqualTo(fromPatterns.slots());
        assertThat(fromTool.notice()).isNull();
    }

    @Test
    void aNewAddressFor911() {
        String text = "Mets à jour l'adresse 911 du 450-272-2408 : 123 Rue Principale, Granby J2G 1A1";
        Interpretation fromTool = viaTool(text, "fr", "update-911",
                "{\"phoneNumber\": \"4502722408\", \"streetNumber\": \"123\", \"streetName\": \"Rue Principale\", \"city\": \"Granby\", \"postalCode\": \"j2g1a1\"}");

        assertThat(fromTool.slots()).isEqualTo(patterns.interpret(text, "fr", null).slots());
    }

    @Test
    void aValueInTheWrongShapeLeavesTheSentenceToThePatterns() {
        String text = "Entente de 150 $ pour C-10234 d'ici le 26 mars, coupure le 2 avril";

        Interpretation fromTool = viaTool(text, "fr", "arrangement", "{\"customer\": \"C-10234\", \"amount\": 150, \"dueDate\": \"26 mars\"}");

        assertThat(fromTool.slots()).isEqualTo(patterns.interpret(text, "fr", null).slots());
        assertThat(fromTool.notice().code()).isEqualTo("llm-no-intent");
    }
}
