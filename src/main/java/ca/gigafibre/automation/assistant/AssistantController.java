package ca.gigafibre.automation.assistant;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AssistantController {

    private final AssistantService assistant;

    public AssistantController(AssistantService assistant) {
        this.assistant = assistant;
    }

    @PostMapping("/api/assistant/commands")
    @Operation(summary = "A sentence in French or English: reads are answered at once; changes are proposed (summary, systems called) and wait "
            + "for a confirmation; several matching customers → clarification with candidates; secrets, deletions and bulk changes refused")
    public CommandView ask(@Valid @RequestBody CommandRequest request) {
        return assistant.ask(request);
    }

    @PostMapping("/api/assistant/commands/{id}/confirm")
    @Operation(summary = "Execute a proposal (once, by the user who asked, before it expires) through the same service as the REST API")
    public CommandView confirm(@PathVariable UUID id) {
        return assistant.confirm(id);
    }

    @DeleteMapping("/api/assistant/commands/{id}")
    @Operation(summary = "Cancel a proposal")
    public CommandView cancel(@PathVariable UUID id) {
        return assistant.cancel(id);
    }
}
