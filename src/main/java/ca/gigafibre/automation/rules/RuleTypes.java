package ca.gigafibre.automation.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The types a DRL file may name: the facts rules decide on (the engine's {@link DecisionFacts} classes and
 * {@link Decision}), value types of {@code java.math} and {@code java.time}, and the plain {@code java.lang} values.
 * None of them reaches the file system, the network, the process or reflection.
 */
final class RuleTypes {

    private static final String PROJECT = "ca.gigafibre.automation.";
    private static final Set<String> VALUE_PACKAGES = Set.of("java.math", "java.time");
    private static final Set<String> JAVA_LANG_VALUES = Set.of("String", "Integer", "Long", "Double", "Float", "Short",
            "Byte", "Boolean", "Character", "Math", "Number", "Object", "Comparable");

    private final Map<String, String> imported = new HashMap<>();

    /** Why the import is refused, or empty when the imported type is one rules may use. */
    Optional<String> addImport(String target) {
        if (target.endsWith(".*")) {
            return Optional.of("import de tout un paquet refusé, importez chaque type / wildcard import not allowed, import each type");
        }
        if (!allowsQualifiedName(target)) {
            return Optional.of("import refusé : « " + target + " » n'est ni un fait des règles ni une valeur de java.math/java.time"
                    + " / import not allowed: '" + target + "' is neither a rule fact nor a java.math/java.time value");
        }
        imported.put(target.substring(target.lastIndexOf('.') + 1), target);
        return Optional.empty();
    }

    boolean allowsSimpleName(String name) {
        return imported.containsKey(name) || JAVA_LANG_VALUES.contains(name);
    }

    /** A fully qualified type name: a value type of java.math/java.time, or a rule fact of the engine. */
    boolean allowsQualifiedName(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return allowsSimpleName(name);
        }
        String pkg = name.substring(0, dot);
        if (VALUE_PACKAGES.contains(pkg)) {
            return loads(name).isPresent();
        }
        return name.startsWith(PROJECT) && loads(name)
                .filter(type -> type == Decision.class || DecisionFacts.class.isAssignableFrom(type) && !type.isInterface())
                .isPresent();
    }

    private static Optional<Class<?>> loads(String name) {
        try {
            return Optional.of(Class.forName(name, false, RuleTypes.class.getClassLoader()));   // not initialised: no static code runs
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }
}
