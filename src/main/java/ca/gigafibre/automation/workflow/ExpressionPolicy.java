package ca.gigafibre.automation.workflow;

import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What a JUEL expression in an analyst's model may do, read from the same parser the engine evaluates it with (no
 * second grammar to disagree with): compare variables and literals, read or call an {@link ExpressionBean} one level deep,
 * read a few named fields of {@code execution}/{@code task}, get or set a variable by a literal name. Everything else —
 * properties or methods of anything else ({@code execution.processEngineServices}, {@code ''.getClass()}), brackets,
 * functions, chains — is refused, since JUEL's bean resolver reaches any public getter or method of what it is given.
 */
final class ExpressionPolicy {

    /** Names the engine resolves to its own objects before variables or beans. */
    private static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "caseExecution", "externalTask", "variableScope");
    private static final Set<String> EXECUTION_READS = Set.of("processBusinessKey", "businessKey", "processInstanceId", "id",
            "activityInstanceId", "currentActivityId", "currentActivityName", "eventName", "processDefinitionId", "tenantId");
    private static final Set<String> TASK_READS = Set.of("assignee", "owner", "id", "name", "taskDefinitionKey", "eventName",
            "processInstanceId");
    private static final Set<String> VARIABLE_METHODS = Set.of("getVariable", "setVariable", "hasVariable");
    /** Never on a bean: reflection, monitor methods, and setters (an expression reads settings, it never changes them). */
    private static final Set<String> FORBIDDEN_MEMBERS = Set.of("class", "getClass", "classLoader", "wait", "notify", "notifyAll",
            "clone", "finalize");

    private final Builder parser = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);
    private final ExpressionBeans beans;

    ExpressionPolicy(ExpressionBeans beans) {
        this.beans = beans;
    }

    static boolean isExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /** Any value: conditions, timers, mappings, names. Empty when allowed, else why not. */
    Optional<String> checkValue(String text) {
        Optional<Node> root = parseTree(text);
        return root.isEmpty() ? Optional.of("not a valid expression") : value(root.get());
    }

    /** {@code camunda:delegateExpression}: exactly {@code ${bean}}, a delegate, listener or ExpressionBean of the project. */
    Optional<String> checkDelegate(String text) {
        Optional<Node> root = parseTree(text);
        if (root.isEmpty()) {
            return Optional.of("not a valid expression");
        }
        Node eval = root.get();
        if (eval instanceof AstEval && eval.getChild(0) instanceof AstIdentifier id) {
            return beans.containsKey(id.getName()) ? Optional.empty()
                    : Optional.of("'" + id.getName() + "' is not one of the project's delegates");
        }
        return Optional.of("must name one of the project's delegates, like ${chargePpa}");
    }

    /** {@code camunda:expression}: one call, {@code ${bean.method(...)}} on an ExpressionBean or {@code ${execution.setVariable('name', value)}}. */
    Optional<String> checkCall(String text) {
        Optional<Node> root = parseTree(text);
        if (root.isEmpty()) {
            return Optional.of("not a valid expression");
        }
        Node eval = root.get();
        if (!(eval instanceof AstEval) || !(eval.getChild(0) instanceof AstMethod)) {
            return Optional.of("must be one call like ${businessHours.nextNotificationDate()} or ${execution.setVariable('name', value)}");
        }
        return value(eval);
    }

    private Optional<Node> parseTree(String text) {
        try {
            return Optional.of(parser.build(text).getRoot());
        } catch (TreeBuilderException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<String> value(Node node) {
        if (node instanceof AstString || node instanceof AstNumber || node instanceof AstBoolean || node instanceof AstNull
                || node instanceof AstText) {
            return Optional.empty();
        }
        if (node instanceof AstEval || node instanceof AstComposite || node instanceof AstNested || node instanceof AstBinary
                || node instanceof AstUnary || node instanceof AstChoice) {
            return children(node);
        }
        if (node instanceof AstIdentifier id) {
            return ENGINE_OBJECTS.contains(id.getName())
                    ? Optional.of("'" + id.getName() + "' may not be handed around, only some of its fields read")
                    : Optional.empty();
        }
        if (node instanceof AstDot dot) {
            return property(dot);
        }
        if (node instanceof AstMethod method) {
            return call(method);
        }
        return Optional.of(describe(node) + " is not allowed (only variables, literals, comparisons and the project's expression beans)");
    }

    private Optional<String> children(Node node) {
        for (int i = 0; i < node.getCardinality(); i++) {
            Optional<String> problem = value(node.getChild(i));
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private Optional<String> property(AstDot dot) {
        String name = memberName(dot);
        if (!(dot.getChild(0) instanceof AstIdentifier owner)) {
            return Optional.of(chained(dot, "." + name));
        }
        String what = owner.getName() + "." + name;
        if (owner.getName().equals("execution")) {
            return EXECUTION_READS.contains(name) ? Optional.empty() : Optional.of("'" + what + "' is not one of the execution fields a model may read");
        }
        if (owner.getName().equals("task")) {
            return TASK_READS.contains(name) ? Optional.empty() : Optional.of("'" + what + "' is not one of the task fields a model may read");
        }
        if (ENGINE_OBJECTS.contains(owner.getName())) {
            return Optional.of("'" + what + "' reaches into the engine");
        }
        if (FORBIDDEN_MEMBERS.contains(name)) {
            return Optional.of("'" + what + "' uses reflection");
        }
        return beans.isExpressionBean(owner.getName()) ? Optional.empty()
                : Optional.of("'" + what + "' reads a property of '" + owner.getName() + "', which is not one of the project's expression beans");
    }

    private Optional<String> call(AstMethod method) {
        if (readsDecisionResultEntry(method)) {
            return Optional.empty();
        }
        if (!(method.getChild(0) instanceof AstDot target) || !(target.getChild(0) instanceof AstIdentifier owner)) {
            return Optional.of(chained(method.getChild(0), "(…)"));
        }
        String name = memberName(target);
        String what = owner.getName() + "." + name + "(…)";
        Node arguments = method.getChild(1);
        if (owner.getName().equals("execution")) {
            if (!VARIABLE_METHODS.contains(name)) {
                return Optional.of("'" + what + "' is not allowed: on execution only getVariable/setVariable/hasVariable('literal name', …)");
            }
            if (arguments.getCardinality() == 0 || !(arguments.getChild(0) instanceof AstString)) {
                return Optional.of("'" + what + "' needs a literal variable name");
            }
            return children(arguments);
        }
        if (ENGINE_OBJECTS.contains(owner.getName())) {
            return Optional.of("'" + what + "' calls into the engine");
        }
        if (FORBIDDEN_MEMBERS.contains(name) || name.startsWith("set")) {
            return Optional.of("'" + what + "' is not allowed (reflection, or it changes a shared bean)");
        }
        if (!beans.isExpressionBean(owner.getName())) {
            return Optional.of("'" + what + "' calls '" + owner.getName() + "', which is not one of the project's expression beans");
        }
        return arguments instanceof AstParameters ? children(arguments) : Optional.empty();
    }

    /**
     * A business-rule task's output mapping reads one output of its table's single result, the one chain a model may
     * write: {@code decisionResult.getSingleResult().getEntry('name')}.
     */
    private static boolean readsDecisionResultEntry(AstMethod method) {
        return method.getChild(0) instanceof AstDot entry && memberName(entry).equals("getEntry")
                && method.getChild(1).getCardinality() == 1 && method.getChild(1).getChild(0) instanceof AstString
                && entry.getChild(0) instanceof AstMethod single && single.getChild(1).getCardinality() == 0
                && single.getChild(0) instanceof AstDot result && memberName(result).equals("getSingleResult")
                && result.getChild(0) instanceof AstIdentifier owner && owner.getName().equals("decisionResult");
    }

    /** A member of a computed value: the engine when the chain starts at execution/task, else reflection or worse. */
    private static String chained(Node node, String member) {
        Node root = node;
        while (root.getCardinality() > 0 && !(root instanceof AstIdentifier)) {
            root = root.getChild(0);
        }
        if (root instanceof AstIdentifier id && ENGINE_OBJECTS.contains(id.getName())) {
            return "'" + id.getName() + ".…" + member + "' reaches into the engine";
        }
        return "'…" + member + "' is a member of a computed value (a chain like a.b.c or ''.getClass()): only one level on an expression bean";
    }

    /** The parser prints a property as ". name". */
    private static String memberName(AstDot dot) {
        String printed = dot.toString();
        return printed.startsWith(". ") ? printed.substring(2) : printed;
    }

    private static String describe(Node node) {
        String type = node.getClass().getSimpleName();
        return switch (type) {
            case "AstBracket" -> "indexing with [...]";
            case "AstFunction" -> "the function " + node;
            default -> type;
        };
    }
}
