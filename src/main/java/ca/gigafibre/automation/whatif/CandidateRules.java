package ca.gigafibre.automation.whatif;

import ca.gigafibre.automation.platform.error.MalformedRequestException;
import ca.gigafibre.automation.rules.RefusedRulesException;
import ca.gigafibre.automation.rules.RuleBase;
import ca.gigafibre.automation.rules.RuleSet;
import ca.gigafibre.automation.rules.RuleSetCompiler;
import ca.gigafibre.automation.workflow.AnalystResource;
import ca.gigafibre.automation.workflow.InvalidResourcesException;
import ca.gigafibre.automation.workflow.ResourceProblem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The candidate rule set of a what-if: the running rule set's files with the candidate texts in place of theirs, compiled
 * into a KieBase of its own. The running rule set is never touched (nor reloaded, nor published to other nodes).
 */
@Component
public class CandidateRules {

    /** The rule files a what-if replays: the others' decisions are not rebuilt from history, so a candidate for them is refused. */
    public static final Set<String> REPLAYED = Set.of("suspension.drl", "ppa-charging.drl");

    private final RuleBase ruleBase;
    private final RuleSetCompiler compiler;

    public CandidateRules(RuleBase ruleBase, RuleSetCompiler compiler) {
        this.ruleBase = ruleBase;
        this.compiler = compiler;
    }

    public RuleSet running() {
        return ruleBase.current();
    }

    /** The running rule set when there is no candidate file, else the candidate, compiled apart. */
    public RuleSet compile(Map<String, String> candidates) {
        RuleSet running = ruleBase.current();
        if (candidates.isEmpty()) {
            return running;
        }
        for (Map.Entry<String, String> candidate : candidates.entrySet()) {
            if (!REPLAYED.contains(candidate.getKey())) {
                throw new MalformedRequestException("rules." + candidate.getKey(), "not a rule file a what-if replays; replayed: "
                        + REPLAYED.stream().sorted().collect(Collectors.joining(", ")));
            }
            if (candidate.getValue() == null || candidate.getValue().isBlank()) {
                throw new MalformedRequestException("rules." + candidate.getKey(), "is empty");
            }
        }
        List<AnalystResource> files = new ArrayList<>();
        for (AnalystResource file : running.sources()) {
            String text = candidates.get(shortName(file.name()));
            files.add(text == null ? file : new AnalystResource(file.name(), text.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return compiler.compile(files);
        } catch (RefusedRulesException e) {
            // the DRL guard: rule text that reaches beyond the facts is code, never compiled nor run
            throw new MalformedRequestException("rules." + shortName(e.problems().get(0).file()), "refused: " + e.problems().stream()
                    .map(p -> shortName(p.file()) + " line " + p.line() + ": " + p.message()).collect(Collectors.joining("; ")));
        } catch (InvalidResourcesException e) {
            ResourceProblem first = e.problems().get(0);
            String field = "rules." + shortName(first.file());
            String message = e.problems().stream().filter(p -> shortName(p.file()).equals(shortName(first.file())))
                    .map(p -> (p.line() > 0 ? "line " + p.line() + ": " : "") + p.message()).collect(Collectors.joining("; "));
            throw new MalformedRequestException(field, "does not compile: " + message);
        }
    }

    private static String shortName(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
