package ca.gigafibre.automation.rules;

import ca.gigafibre.automation.workflow.AnalystResource;
import ca.gigafibre.automation.workflow.InvalidResourcesException;
import ca.gigafibre.automation.workflow.ResourceProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotatedBaseDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;

/**
 * DRL is code: rule conditions and consequences are compiled into the engine, so a rule file could run anything the
 * engine can. Every path that compiles DRL (start-up, reload, rule sets published by another node, candidate rules of
 * scenario runs) passes it here first. The file is parsed with Drools' own parser and accepted only when it keeps to
 * what the project's rules use: imports of rule facts and java.math/java.time values, rules whose conditions are
 * patterns over those facts (with {@code and}/{@code or}/{@code not}/{@code exists}/{@code eval}), fixed attributes,
 * and code that passes {@link DrlCode}. No functions, globals, queries, type declarations, {@code from}/{@code accumulate}/
 * {@code collect} sources, windows, entry points, units or annotations.
 */
public final class DrlGuard {

    private static final Set<String> RULE_ATTRIBUTES = Set.of("salience", "no-loop", "lock-on-active", "agenda-group",
            "activation-group", "auto-focus", "ruleflow-group", "dialect");

    private DrlGuard() {
    }

    /**
     * What is refused in this DRL file, each with its line and rule; empty when the file may be compiled.
     *
     * @throws InvalidResourcesException when the file does not parse (a compile error, not a refusal)
     */
    public static List<ResourceProblem> check(AnalystResource drl) {
        List<ResourceProblem> problems = new ArrayList<>();
        String file = drl.name();
        String text = drl.text();
        if (text.contains("\\u")) {
            problems.add(new ResourceProblem(file, lineOf(text, text.indexOf("\\u")),
                    "les échappements unicode sont refusés / unicode escapes are not allowed"));
            return problems;
        }
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        List<ResourceProblem> unreadable = new ArrayList<>();
        try {
            pkg = parser.parse(false, text);
        } catch (DroolsParserException e) {
            pkg = null;
            unreadable.add(new ResourceProblem(file, 0, e.getMessage()));
        }
        if (parser.hasErrors() || pkg == null) {
            for (DroolsError error : parser.getErrors()) {
                int[] lines = error.getLines();
                unreadable.add(new ResourceProblem(file, lines != null && lines.length > 0 ? lines[0] : 0, error.getMessage()));
            }
            if (unreadable.isEmpty()) {
                unreadable.add(new ResourceProblem(file, 0, "le fichier ne se lit pas / the file cannot be parsed"));
            }
            // what cannot be parsed cannot be checked, so it is not compiled either: a compile error, as the compiler says it
            throw new InvalidResourcesException("Rules in rules/ do not compile", unreadable);
        }
        new Check(file, text, problems).pkg(pkg);
        return problems;
    }

    private static int lineOf(String text, int index) {
        return (int) text.substring(0, Math.max(index, 0)).chars().filter(c -> c == '\n').count() + 1;
    }

    /** One walk over one file's descriptions, collecting problems. */
    private static final class Check {

        private final String file;
        private final String text;
        private final List<ResourceProblem> problems;
        private final RuleTypes types = new RuleTypes();

        Check(String file, String text, List<ResourceProblem> problems) {
            this.file = file;
            this.text = text;
            this.problems = problems;
        }

        void pkg(PackageDescr pkg) {
            refuseAll(pkg.getFunctions(), "les fonctions (function) sont refusées / functions are not allowed");
            refuseAll(pkg.getFunctionImports(), "import function est refusé / function imports are not allowed");
            refuseAll(pkg.getAccumulateImports(), "import accumulate est refusé / accumulate imports are not allowed");
            refuseAll(pkg.getGlobals(), "les globales sont refusées : le moteur n'en déclare aucune / globals are not allowed: the engine declares none");
            refuseAll(pkg.getTypeDeclarations(), "les déclarations de type (declare) sont refusées / type declarations are not allowed");
            refuseAll(pkg.getEnumDeclarations(), "les déclarations d'énumération sont refusées / enum declarations are not allowed");
            refuseAll(List.copyOf(pkg.getEntryPointDeclarations()), "les points d'entrée sont refusés / entry points are not allowed");
            refuseAll(List.copyOf(pkg.getWindowDeclarations()), "les fenêtres sont refusées / windows are not allowed");
            if (pkg.getUnit() != null) {
                add(pkg.getUnit(), null, "les unités de règles sont refusées / rule units are not allowed");
            }
            for (AttributeDescr attribute : pkg.getAttributes()) {
                attribute(attribute, null);
            }
            for (ImportDescr anImport : pkg.getImports()) {
                types.addImport(anImport.getTarget()).ifPresent(problem -> add(anImport, null, problem));
            }
            for (RuleDescr rule : pkg.getRules()) {
                rule(rule);
            }
        }

        private void rule(RuleDescr rule) {
            if (rule.isQuery()) {
                add(rule, rule, "les requêtes (query) sont refusées / queries are not allowed");
                return;
            }
            annotations(rule, rule);
            if (rule.getUnit() != null) {
                add(rule, rule, "les unités de règles sont refusées / rule units are not allowed");
            }
            for (AttributeDescr attribute : rule.getAttributes().values()) {
                attribute(attribute, rule);
            }
            if (!rule.getNamedConsequences().isEmpty()) {
                add(rule, rule, "les conséquences nommées sont refusées / named consequences are not allowed");
            }
            if (rule.getLhs() != null) {
                condition(rule.getLhs(), rule);
            }
            if (rule.getConsequence() instanceof String consequence) {
                code(consequence, DrlCode.Place.CONSEQUENCE, firstLineOf(consequence, rule.getConsequenceLine()), rule);
            } else if (rule.getConsequence() != null) {
                add(rule, rule, "conséquence illisible / unreadable consequence");
            }
        }

        /** The parser gives the line of {@code then}; the consequence (given without its leading blanks) may start below it. */
        private int firstLineOf(String consequence, int thenLine) {
            String firstLine = consequence.strip().lines().findFirst().orElse("");
            int thenAt = 0;
            for (int line = 1; line < thenLine && thenAt >= 0; line++) {
                int lineBreak = text.indexOf('\n', thenAt);
                thenAt = lineBreak < 0 ? -1 : lineBreak + 1;
            }
            int at = firstLine.isEmpty() || thenAt < 0 ? -1 : text.indexOf(firstLine, thenAt);
            return at < 0 ? thenLine : lineOf(text, at);
        }

        private void attribute(AttributeDescr attribute, RuleDescr rule) {
            String name = attribute.getName();
            String value = attribute.getValue() == null ? "" : attribute.getValue().strip();
            if (!RULE_ATTRIBUTES.contains(name)) {
                add(attribute, rule, "l'attribut « " + name + " » est refusé / the attribute '" + name + "' is not allowed");
            } else if (name.equals("salience") && !value.matches("-?\\d+")) {
                add(attribute, rule, "salience doit être un entier / salience must be a whole number");
            } else if (name.equals("dialect") && !value.replace("\"", "").equals("java")) {
                add(attribute, rule, "seul le dialecte java est permis / only the java dialect is allowed");
            }
        }

        private void condition(BaseDescr descr, RuleDescr rule) {
            if (descr instanceof PatternDescr pattern) {
                pattern(pattern, rule);
            } else if (descr instanceof EvalDescr eval) {
                if (eval.getContent() instanceof String content) {
                    code(content, DrlCode.Place.CONSTRAINT, eval.getLine(), rule);
                } else {
                    add(eval, rule, "eval illisible / unreadable eval");
                }
            } else if (descr instanceof AndDescr || descr instanceof OrDescr || descr instanceof NotDescr
                    || descr instanceof ExistsDescr) {
                annotations(descr, rule);
                for (BaseDescr child : ((org.drools.drl.ast.descr.ConditionalElementDescr) descr).getDescrs()) {
                    condition(child, rule);
                }
            } else {
                String kind = descr.getClass().getSimpleName().replace("Descr", "");
                add(descr, rule, "l'élément « " + kind + " » est refusé dans les conditions / '" + kind + "' is not allowed in conditions");
            }
        }

        private void pattern(PatternDescr pattern, RuleDescr rule) {
            annotations(pattern, rule);
            if (!types.allowsQualifiedName(pattern.getObjectType())) {
                add(pattern, rule, "le type « " + pattern.getObjectType() + " » n'est pas un fait des règles / '"
                        + pattern.getObjectType() + "' is not a rule fact");
            }
            if (pattern.getSource() != null) {
                add(pattern, rule, "les sources from/accumulate/collect/entry-point sont refusées / from, accumulate, collect and entry-point sources are not allowed");
            }
            if (pattern.getBehaviors() != null && !pattern.getBehaviors().isEmpty()) {
                add(pattern, rule, "les fenêtres (over window) sont refusées / windows are not allowed");
            }
            if (pattern.isQuery()) {
                add(pattern, rule, "les appels de requête sont refusés / query calls are not allowed");
            }
            for (BaseDescr constraint : pattern.getDescrs()) {
                if (constraint instanceof ExprConstraintDescr expression) {
                    code(expression.getExpression(), DrlCode.Place.CONSTRAINT, constraint.getLine(), rule);
                } else if (constraint instanceof BindingDescr binding) {
                    code(binding.getVariable() + " : " + binding.getExpression(), DrlCode.Place.CONSTRAINT, constraint.getLine(), rule);
                } else {
                    String kind = constraint.getClass().getSimpleName().replace("Descr", "");
                    add(constraint, rule, "contrainte « " + kind + " » refusée / constraint '" + kind + "' is not allowed");
                }
            }
        }

        private void annotations(BaseDescr descr, RuleDescr rule) {
            if (descr instanceof AnnotatedBaseDescr annotated && !annotated.getAnnotations().isEmpty()) {
                add(descr, rule, "les annotations sont refusées / annotations are not allowed");
            }
        }

        private void code(String code, DrlCode.Place place, int line, RuleDescr rule) {
            for (DrlCode.Problem problem : DrlCode.problems(code == null ? "" : code, place, types)) {
                problems.add(new ResourceProblem(file, line + problem.line(), where(rule) + problem.message()));
            }
        }

        private void refuseAll(List<? extends BaseDescr> descrs, String problem) {
            descrs.forEach(descr -> add(descr, null, problem));
        }

        private void add(BaseDescr descr, RuleDescr rule, String problem) {
            problems.add(new ResourceProblem(file, Math.max(descr.getLine(), 0), where(rule) + problem));
        }

        private static String where(RuleDescr rule) {
            return rule == null ? "" : "règle/rule « " + rule.getName() + " » : ";
        }
    }
}
