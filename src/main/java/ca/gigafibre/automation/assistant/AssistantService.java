package ca.gigafibre.automation.assistant;

import ca.gigafibre.automation.assistant.interpret.Interpretation;
import ca.gigafibre.automation.assistant.interpret.Interpreter;
import ca.gigafibre.automation.assistant.interpret.Slots;
import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.error.ConflictException;
import ca.gigafibre.automation.platform.error.InvalidRequestException;
import ca.gigafibre.automation.platform.error.NotFoundException;
import ca.gigafibre.automation.platform.security.Groups;
import ca.gigafibre.automation.platform.time.BusinessTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Sentence → interpretation → customer → draft → stored command; a proposal confirmed by the user who asked executes once
 * through the intent's service, with that user's identity and rights. Every step is audited.
 */
@Service
public class AssistantService {

    private final Interpreter interpreter;
    private final CustomerResolver resolver;
    private final Map<String, IntentHandler> handlers;
    private final AssistantCommands commands;
    private final AssistantSettings settings;
    private final AuditLog audit;

    public AssistantService(Interpreter interpreter, CustomerResolver resolver, List<IntentGroup> groups, AssistantCommands commands,
                            AssistantSettings settings, AuditLog audit) {
        this.interpreter = interpreter;
        this.resolver = resolver;
        this.handlers = groups.stream().flatMap(g -> g.handlers().stream()).collect(Collectors.toMap(IntentHandler::intent, Function.identity()));
        this.commands = commands;
        this.settings = settings;
        this.audit = audit;
    }

    /** The intents known, by name (the ops app relies on these names). */
    public java.util.Set<String> intents() {
        return handlers.keySet();
    }

    public CommandView ask(CommandRequest request) {
        Interpretation interpretation = interpreter.interpret(request.text(), request.locale(), request.customerId());
        CommandView view = answer(request, interpretation);
        Interpretation.Reason notice = interpretation.notice();
        return notice == null ? view : view.withNotice(new CommandView.Summary(notice.fr(), notice.en()));
    }

    private CommandView answer(CommandRequest request, Interpretation interpretation) {
        String actor = AuditLog.currentActor();
        if (interpretation.isRefused()) {
            Interpretation.Reason reason = interpretation.refusal();
            return store(request, actor, null, Map.of(), "refused", reason.fr(), reason.en(), List.of(), List.of(), null, Map.of("code", reason.code()),
                    "secret".equals(reason.code()));
        }
        IntentHandler handler = handlers.get(interpretation.intent());
        Map<String, Object> slots = new HashMap<>(interpretation.slots());
        try {
            resolveCustomer(handler, slots, request.customerId());
            Draft draft = handler.draft(slots);
            if (handler.change()) {
                OffsetDateTime expires = BusinessTime.now().plus(settings.proposalTtl());
                return store(request, actor, handler.intent(), draft.parameters(), "proposed", draft.fr(), draft.en(), draft.calls(), List.of(), expires,
                        null, false);
            }
            return store(request, actor, handler.intent(), draft.parameters(), "answered", draft.fr(), draft.en(), List.of(), List.of(), null,
                    draft.data(), false);
        } catch (Clarification c) {
            return store(request, actor, handler.intent(), visible(slots), "clarification", c.fr(), c.en(), List.of(), c.candidates(), null, null, false);
        } catch (Refusal r) {
            return store(request, actor, handler.intent(), visible(slots), "refused", r.fr(), r.en(), List.of(), List.of(), null,
                    Map.of("code", r.code()), false);
        } catch (NotFoundException e) {
            return store(request, actor, handler.intent(), visible(slots), "clarification", "Introuvable : " + e.getMessage(),
                    "Not found: " + e.getMessage(), List.of(), List.of(), null, null, false);
        } catch (InvalidRequestException | ConflictException e) {
            return store(request, actor, handler.intent(), visible(slots), "refused", "Impossible : " + e.getMessage(),
                    "Not possible: " + e.getMessage(), List.of(), List.of(), null, null, false);
        }
    }

    public CommandView confirm(UUID id) {
        AssistantCommands.Row row = owned(id);
        IntentHandler handler = row.intent() == null ? null : handlers.get(row.intent());
        if (handler == null || !handler.change()) {
            throw new ConflictException("Command " + id + " is not a proposal (" + row.status() + "): there is nothing to confirm");
        }
        if (!mayChange()) {
            throw new AccessDeniedException("Your groups do not allow changes: ask someone in ops to do it.");
        }
        OffsetDateTime now = BusinessTime.now();
        if (!commands.claim(id, AuditLog.currentActor(), now)) {
            if (commands.expire(id, now)) {
                audit.record("assistant.expired", "assistant-command", id.toString(), row.intent(), Map.of("expiresAt", row.expiresAt().toString()));
                throw new ConflictException("Cette proposition a expiré ; redemandez. / This proposal expired at " + row.expiresAt() + "; ask again.");
            }
            String status = commands.find(id).map(AssistantCommands.Row::status).orElse(row.status());
            throw new ConflictException("Cette proposition n'est plus en attente (" + status + "). / This proposal is no longer waiting (" + status + ").");
        }
        audit.record("assistant.confirmed", "assistant-command", id.toString(), row.intent(), row.parameters());
        Object result;
        try {
            result = handler.execute(row.parameters());
        } catch (RuntimeException e) {
            commands.finish(id, "failed", Map.of("error", String.valueOf(e.getMessage())));
            audit.record("assistant.failed", "assistant-command", id.toString(), row.intent(), Map.of("error", String.valueOf(e.getMessage())));
            throw e;
        }
        commands.finish(id, "executed", result);
        audit.record("assistant.executed", "assistant-command", id.toString(), row.intent(), row.parameters());
        return view(commands.find(id).orElseThrow(), List.of(), null, commands.plain(result));
    }

    public CommandView cancel(UUID id) {
        AssistantCommands.Row row = owned(id);
        if (!commands.cancel(id, AuditLog.currentActor(), BusinessTime.now())) {
            throw new ConflictException("Cette proposition n'est plus en attente (" + row.status() + "). / This proposal is no longer waiting ("
                    + row.status() + ").");
        }
        audit.record("assistant.cancelled", "assistant-command", id.toString(), row.intent(), row.parameters());
        return view(commands.find(id).orElseThrow(), List.of(), null, null);
    }

    /** A proposal is personal: only the user who saw its summary confirms or cancels it. */
    private AssistantCommands.Row owned(UUID id) {
        AssistantCommands.Row row = commands.find(id).orElseThrow(() -> new NotFoundException("Assistant command", id.toString(), "id"));
        if (!row.actor().equals(AuditLog.currentActor())) {
            throw new AccessDeniedException("This proposal was made for " + row.actor() + ": only they may confirm or cancel it.");
        }
        return row;
    }

    private static boolean mayChange() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller != null && caller.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Groups.authority(Groups.OPS))
                || a.getAuthority().equals(Groups.authority(Groups.ADMINS)));
    }

    private void resolveCustomer(IntentHandler handler, Map<String, Object> slots, String onScreen) {
        Object reference = slots.remove(Slots.CUSTOMER_REF);
        boolean wanted = handler.needsCustomer() || !slots.containsKey(Slots.QUOTE_ID) && !slots.containsKey(Slots.DID);
        if (reference != null && wanted) {
            slots.put(Slots.CUSTOMER_ID, resolver.resolve(reference.toString(), onScreen));
        } else if (onScreen != null) {
            slots.put(Slots.CUSTOMER_ID, onScreen);
        }
    }

    private static Map<String, Object> visible(Map<String, Object> slots) {
        return new LinkedHashMap<>(slots);
    }

    private CommandView store(CommandRequest request, String actor, String intent, Map<String, Object> parameters, String status, String fr, String en,
                              List<String> calls, List<Candidate> candidates, OffsetDateTime expires, Object data, boolean secret) {
        String text = secret ? Redaction.withoutSecrets(request.text()) : request.text();
        UUID id = commands.insert(actor, text, request.locale(), request.customerId(), intent, parameters, status, fr, en, calls, expires);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", status);
        details.put("locale", request.locale());
        if (intent != null) {
            details.put("intent", intent);
        }
        audit.record("assistant." + status, "assistant-command", id.toString(), intent, details);
        return new CommandView(id.toString(), status, intent, parameters, new CommandView.Summary(fr, en), calls, candidates, expires, data, null, null);
    }

    private CommandView view(AssistantCommands.Row row, List<Candidate> candidates, Object data, Object result) {
        return new CommandView(row.id().toString(), row.status(), row.intent(), row.parameters(), new CommandView.Summary(row.summaryFr(), row.summaryEn()),
                row.calls(), candidates, row.expiresAt(), data, result, null);
    }
}
