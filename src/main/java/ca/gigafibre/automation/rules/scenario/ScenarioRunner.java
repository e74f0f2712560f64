package ca.gigafibre.automation.rules.scenario;

import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.platform.error.FieldProblem;
import ca.gigafibre.automation.platform.error.InvalidRequestException;
import ca.gigafibre.automation.platform.error.MalformedRequestException;
import ca.gigafibre.automation.rules.DecisionResult;
import ca.gigafibre.automation.rules.RefusedRulesException;
import ca.gigafibre.automation.rules.RuleBase;
import ca.gigafibre.automation.rules.RuleDecisions;
import ca.gigafibre.automation.rules.RuleSet;
import ca.gigafibre.automation.rules.RuleSetCompiler;
import ca.gigafibre.automation.workflow.AnalystResource;
import ca.gigafibre.automation.workflow.AnalystResources;
import ca.gigafibre.automation.workflow.InvalidResourcesException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.springframework.stereotype.Service;

/**
 * Runs the analysts' scenario tables ({@code rules/scenarios/<rule file>.csv}) against a rule set — the one the engine runs,
 * through the engine's own {@link RuleDecisions}, or candidate DRL text compiled aside and never put in force. Each row is
 * decided alone; it passes when the outcome (with the values it checks) and the set of rules fired are the ones it
 * expects. Each rule of a file must fire in at least one row of its table, and each rule file must have a table.
 */
@Service
public class ScenarioRunner {

    static final String FOLDER = "rules/scenarios";
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern CANDIDATE_NAME = Pattern.compile("(rules/)?[\\w.-]+\\.drl");

    private final RuleBase ruleBase;
    private final RuleDecisions decisions;
    private final RuleSetCompiler compiler;
    private final AnalystResources resources;
    private final Map<String, ScenarioAdapter> adapters;
    private final AuditLog audit;

    public ScenarioRunner(RuleBase ruleBase, RuleDecisions decisions, RuleSetCompiler compiler, AnalystResources resources,
                          List<ScenarioAdapter> adapters, AuditLog audit) {
        this.audit = audit;
        this.ruleBase = ruleBase;
        this.decisions = decisions;
        this.compiler = compiler;
        this.resources = resources;
        this.adapters = adapters.stream().collect(Collectors.toMap(a -> "rules/" + a.ruleFile(), Function.identity()));
    }

    /** The tables in rules/scenarios against the rules this node runs now (after a reload, the reloaded ones). */
    public ScenarioReport runCurrent() {
        return run(ruleBase.current(), resources.list(FOLDER, ".csv"), false);
    }

    /**
     * The tables against the running rules with some files replaced (or added) by candidate text, compiled aside: nothing
     * is deployed. A name that is no DRL file name, or text that does not compile, is a 422 naming {@code rules.<file>};
     * text the DRL guard refuses is a 400 naming it with each line and rule.
     */
    public ScenarioReport runCandidate(Map<String, String> candidates) {
        Map<String, AnalystResource> sources = new LinkedHashMap<>();
        ruleBase.current().sources().forEach(s -> sources.put(s.name(), s));
        for (Map.Entry<String, String> candidate : candidates.entrySet()) {
            if (!CANDIDATE_NAME.matcher(candidate.getKey()).matches() || candidate.getValue() == null) {
                throw new InvalidRequestException("rules." + candidate.getKey(), "un fichier de règles et son texte / a rule file name (x.drl) and its text");
            }
            String name = candidate.getKey().startsWith("rules/") ? candidate.getKey() : "rules/" + candidate.getKey();
            sources.put(name, new AnalystResource(name, candidate.getValue().getBytes(StandardCharsets.UTF_8)));
        }
        RuleSet compiled;
        try {
            compiled = compiler.compile(List.copyOf(sources.values()));
        } catch (RefusedRulesException e) {
            // code rules may not run: the request is refused as sent (400), naming the first refused file, each line and rule
            String first = e.problems().get(0).file();
            throw new MalformedRequestException("rules." + first.replaceFirst("^rules/", ""),
                    e.problems().stream().map(p -> (p.file().equals(first) ? "" : p.file() + " ") + "ligne/line " + p.line() + " : " + p.message())
                            .collect(Collectors.joining(" ; ")));
        } catch (InvalidResourcesException e) {
            throw new InvalidRequestException(e.problems().stream()
                    .map(p -> new FieldProblem("rules." + p.file().replaceFirst("^rules/", ""), "ligne/line " + p.line() + " : " + p.message()))
                    .toList());
        }
        ScenarioReport report = run(compiled, resources.list(FOLDER, ".csv"), true);
        // candidate DRL is code run inside the engine (its consequences are Java): who ran which text is kept
        audit.record("rules.candidate-scenarios-run", "rule-set", compiled.version(), null,
                Map.of("files", List.copyOf(candidates.keySet()), "allPassed", report.allPassed()));
        return report;
    }

    public ScenarioReport run(RuleSet rules, List<AnalystResource> tables, boolean candidate) {
        Map<String, AnalystResource> tableByRuleFile = new LinkedHashMap<>();
        List<FileReport> reports = new ArrayList<>();
        for (AnalystResource table : tables) {
            String ruleFile = "rules/" + table.name().substring(table.name().lastIndexOf('/') + 1).replaceFirst("\\.csv$", ".drl");
            if (rules.files().contains(ruleFile)) {
                tableByRuleFile.put(ruleFile, table);
            } else {
                reports.add(new FileReport(table.name(), ruleFile, List.of(), List.of(),
                        List.of("aucun fichier de règles " + ruleFile + " / no rule file " + ruleFile)));
            }
        }
        for (AnalystResource drl : rules.sources()) {
            AnalystResource table = tableByRuleFile.get(drl.name());
            String tableName = table == null ? FOLDER + "/" + drl.name().substring("rules/".length()).replaceFirst("\\.drl$", ".csv") : table.name();
            reports.add(runTable(rules, drl, tableName, table));
        }
        reports.sort(java.util.Comparator.comparing(FileReport::file));
        return new ScenarioReport(rules.version(), candidate, List.copyOf(reports));
    }

    private FileReport runTable(RuleSet rules, AnalystResource drl, String tableName, AnalystResource table) {
        List<String> ruleNames = ruleNames(rules, drl);
        ScenarioAdapter adapter = adapters.get(drl.name());
        if (table == null || adapter == null) {
            String missing = table == null ? "aucune table de scénarios / no scenario table" : "aucun adaptateur pour / no adapter for " + drl.name();
            return new FileReport(tableName, drl.name(), List.of(), ruleNames, List.of(missing));
        }
        ScenarioTable parsed = ScenarioTable.parse(table.text(), adapter.inputs(),
                adapter.outputs().stream().map(ScenarioOutput::column).toList());
        Set<String> fired = new LinkedHashSet<>();
        List<RowResult> results = new ArrayList<>();
        for (ScenarioRow row : parsed.rows()) {
            RowResult result = runRow(rules, adapter, drl.name(), row);
            fired.addAll(result.firedRules());
            fired.addAll(result.verdictRules());
            results.add(result);
        }
        List<String> neverFired = ruleNames.stream().filter(name -> !fired.contains(name)).toList();
        return new FileReport(tableName, drl.name(), List.copyOf(results), neverFired, parsed.problems());
    }

    private RowResult runRow(RuleSet rules, ScenarioAdapter adapter, String area, ScenarioRow row) {
        String label = row.text(ScenarioTable.CASE, "");
        List<String> expectedRules = Arrays.stream(row.text(ScenarioTable.EXPECTED_RULES, "").split("\\|"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        Map<String, String> expectedValues = new LinkedHashMap<>();
        for (ScenarioOutput output : adapter.outputs()) {
            if (!row.isBlank(output.column())) {
                expectedValues.put(output.valueName(), ScenarioValues.expected(row.text(output.column(), "")));
            }
        }
        String expected = row.text(ScenarioTable.EXPECTED_OUTCOME, "") + ScenarioValues.describe(expectedValues);
        try {
            String subject = "scenario-line-" + row.line();
            DecisionResult result = decisions.decideAll(rules, area, List.of(adapter.facts(subject, row))).get(subject);
            Map<String, String> actualValues = new LinkedHashMap<>();
            expectedValues.forEach((name, want) -> actualValues.put(name, ScenarioValues.actual(result.values().get(name), want)));
            String actual = result.outcome() + ScenarioValues.describe(actualValues);
            boolean passed = expected.equals(actual)
                    && expectedRules.stream().sorted().toList().equals(result.rulesFired().stream().sorted().toList());
            return new RowResult(row.line(), label, passed, expected, actual, expectedRules, result.rulesFired(), result.verdictRules());
        } catch (RuntimeException e) {
            // a cell that cannot be read, or a rule that throws on these facts: the row fails and says why
            return new RowResult(row.line(), label, false, expected, "erreur/error : " + e.getMessage(), expectedRules, List.of(), List.of());
        }
    }

    /** The rules of one file, in the order the file declares them. */
    private static List<String> ruleNames(RuleSet rules, AnalystResource drl) {
        String text = drl.text();
        Matcher pkg = PACKAGE.matcher(text);
        KiePackage kiePackage = pkg.find() ? rules.kieBase().getKiePackage(pkg.group(1)) : null;
        if (kiePackage == null) {
            return List.of();
        }
        return kiePackage.getRules().stream().map(Rule::getName)
                .sorted(java.util.Comparator.comparingInt(name -> text.indexOf("\"" + name + "\"")))
                .toList();
    }
}
