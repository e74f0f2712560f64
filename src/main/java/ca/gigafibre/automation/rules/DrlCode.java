package ca.gigafibre.automation.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks one piece of code from a DRL file — a pattern constraint, an {@code eval}, a consequence — against what the
 * project's rules need: reading bound facts ({@code $f.getAmount()}), deciding ({@code $d.decide(...)}, {@code $d.with(...)}),
 * {@code insert}/{@code update}/{@code modify}/{@code retract}/{@code delete}, arithmetic and text. Consequences are Java
 * and constraints MVEL, both compiled into the engine, so a name is accepted only when it cannot reach the system:
 * a type must be one of {@link RuleTypes}, a free name that is qualified ({@code java.lang.System}) or called
 * ({@code exit(0)}) must be a fact, a local or a working-memory action, and members that open reflection or the
 * process ({@code getClass}, {@code forName}, {@code exec}…) are refused wherever they appear.
 */
final class DrlCode {

    enum Place { CONSTRAINT, CONSEQUENCE }

    private enum Kind { NAME, TEXT, NUMBER, MARK }

    /** What is refused, on which line of the code (0 for its first line). */
    record Problem(int line, String message) {
    }

    /** {@code line}: how many line breaks come before the token in the code. */
    private record Token(Kind kind, String text, int line) {
        boolean is(String mark) {
            return kind == Kind.MARK && text.equals(mark);
        }
    }

    /** Members that lead to reflection, class loading, the process, system properties or blocking a thread. */
    private static final Set<String> REFUSED_MEMBERS = Set.of("class", "getClass", "getDeclaringClass", "forName",
            "getClassLoader", "getContextClassLoader", "getSystemClassLoader", "getRuntime", "exec", "exit", "halt",
            "load", "loadLibrary", "invoke", "invokeExact", "invokeWithArguments", "newInstance", "getMethod", "getMethods",
            "getDeclaredMethod", "getDeclaredMethods", "getField", "getFields", "getDeclaredField", "getDeclaredFields",
            "getConstructor", "getConstructors", "getDeclaredConstructor", "getDeclaredConstructors", "setAccessible",
            "getInteger", "getLong", "getBoolean", "getenv", "getProperty", "getProperties", "setProperty", "clearProperty",
            "wait", "notify", "notifyAll", "getKieRuntime", "getKnowledgeRuntime", "getKieBase", "getWorkingMemory",
            "getChannels", "getEntryPoint", "getEntryPoints", "getGlobal", "getGlobals", "setGlobal", "lookup",
            "describeConstable", "getModule", "getPackage", "getResource", "getResourceAsStream");

    /** Engine objects a consequence could reach by name; the working-memory actions below are all it needs of them. */
    private static final Set<String> REFUSED_FREE_NAMES = Set.of("drools", "kcontext", "channels", "entryPoints",
            "exitPoints", "kieRuntime", "super");

    private static final Set<String> ACTIONS = Set.of("update", "insert", "insertLogical", "modify", "retract", "delete");

    private static final Set<String> ALLOWED_KEYWORDS = Set.of("new", "true", "false", "null", "if", "else", "return",
            "instanceof", "final", "int", "long", "double", "float", "boolean", "char", "byte", "short", "void");

    private static final Set<String> JAVA_KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
            "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long",
            "native", "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp", "super",
            "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while", "true",
            "false", "null", "var", "record", "yield", "sealed", "permits", "non-sealed");

    private static final Set<String> PRIMITIVES = Set.of("int", "long", "double", "float", "boolean", "char", "byte", "short", "var");

    /** MVEL constraint operators written like a call: {@code reason in ("abuse", "fraud")}. */
    private static final Set<String> CONSTRAINT_OPERATORS = Set.of("in");

    private DrlCode() {
    }

    /** What is refused in this code (empty when it is accepted), in French then English. */
    static List<Problem> problems(String code, Place place, RuleTypes types) {
        List<Problem> problems = new ArrayList<>();
        List<Token> tokens = tokenize(code, problems);
        if (!problems.isEmpty()) {
            return problems;
        }
        Set<String> locals = place == Place.CONSEQUENCE ? locals(tokens, types) : Set.of();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() != Kind.NAME) {
                continue;
            }
            String name = token.text();
            boolean member = i > 0 && (tokens.get(i - 1).is(".") || tokens.get(i - 1).is("::"));
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : new Token(Kind.MARK, "", token.line());
            if (member) {
                if (REFUSED_MEMBERS.contains(name)) {
                    problems.add(new Problem(token.line(), "« " + name + " » est refusé / '" + name + "' is not allowed"));
                }
                continue;
            }
            if (name.startsWith("$")) {
                continue;                                       // a fact bound in the rule's conditions
            }
            if (REFUSED_FREE_NAMES.contains(name) || name.equals("this") && place == Place.CONSEQUENCE) {
                problems.add(new Problem(token.line(), "« " + name + " » est refusé / '" + name + "' is not allowed"));
            } else if (name.equals("this")) {
                continue;                                       // in a constraint, the fact matched
            } else if (JAVA_KEYWORDS.contains(name) && !ALLOWED_KEYWORDS.contains(name) && !name.equals("var")) {
                problems.add(new Problem(token.line(), "le mot-clé « " + name + " » est refusé / the keyword '" + name + "' is not allowed"));
            } else if (Character.isUpperCase(name.charAt(0))) {
                if (!types.allowsSimpleName(name)) {
                    problems.add(new Problem(token.line(), "le type « " + name + " » n'est pas permis / the type '" + name + "' is not allowed"));
                }
            } else if (next.is(".") && !locals.contains(name)) {
                String qualified = qualifiedName(tokens, i);
                if (!types.allowsQualifiedName(qualified)) {
                    problems.add(new Problem(token.line(), "le nom qualifié « " + qualified + " » n'est pas permis / the qualified name '" + qualified + "' is not allowed"));
                }
                i = skipQualifiedName(tokens, i);
            } else if (next.is("(") && !locals.contains(name) && !allowedCall(name, place)) {
                problems.add(new Problem(token.line(), "l'appel « " + name + "(…) » est refusé / the call '" + name + "(…)' is not allowed"));
            }
        }
        return problems;
    }

    private static boolean allowedCall(String name, Place place) {
        if (place == Place.CONSTRAINT) {
            return CONSTRAINT_OPERATORS.contains(name);
        }
        // setters inside a modify block: modify($d) { setOutcome("X") }
        return ACTIONS.contains(name) || CONSTRAINT_OPERATORS.contains(name) || name.matches("set[A-Z]\\w*") || ALLOWED_KEYWORDS.contains(name);
    }

    /** {@code java.math.BigDecimal} from its first name: the longest dotted run of names. */
    private static String qualifiedName(List<Token> tokens, int start) {
        StringBuilder name = new StringBuilder(tokens.get(start).text());
        int i = start + 1;
        while (i + 1 < tokens.size() && tokens.get(i).is(".") && tokens.get(i + 1).kind() == Kind.NAME) {
            String part = tokens.get(i + 1).text();
            name.append('.').append(part);
            i += 2;
            if (Character.isUpperCase(part.charAt(0))) {
                break;                                          // the type; what follows are its members
            }
        }
        return name.toString();
    }

    private static int skipQualifiedName(List<Token> tokens, int start) {
        int i = start;
        while (i + 2 < tokens.size() && tokens.get(i + 1).is(".") && tokens.get(i + 2).kind() == Kind.NAME) {
            i += 2;
            if (Character.isUpperCase(tokens.get(i).text().charAt(0))) {
                break;
            }
        }
        return i;
    }

    /** Local variables the consequence declares ({@code int score = …}): they may be used like bound facts. */
    private static Set<String> locals(List<Token> tokens, RuleTypes types) {
        Set<String> locals = new HashSet<>();
        for (int i = 1; i + 1 < tokens.size(); i++) {
            Token previous = tokens.get(i - 1);
            Token token = tokens.get(i);
            Token next = tokens.get(i + 1);
            boolean declaredType = previous.kind() == Kind.NAME
                    && (PRIMITIVES.contains(previous.text()) || types.allowsSimpleName(previous.text()))
                    || previous.is(">") || previous.is("]");
            if (token.kind() == Kind.NAME && declaredType && !JAVA_KEYWORDS.contains(token.text())
                    && (next.is("=") || next.is(";") || next.is(",") || next.is(":") || next.is(")"))) {
                locals.add(token.text());
            }
        }
        return locals;
    }

    /**
     * Names, text, numbers and marks. Text and comments are skipped as Java skips them; what Java would read
     * differently from this tokenizer is refused: unicode escapes ({@code \u0022} closes a string for javac), text
     * blocks, and characters outside ASCII in code (javac ignores some inside names).
     */
    private static List<Token> tokenize(String code, List<Problem> problems) {
        List<Token> tokens = new ArrayList<>();
        if (code.contains("\\u")) {
            problems.add(new Problem(lineAt(code, code.indexOf("\\u")), "les échappements unicode sont refusés / unicode escapes are not allowed"));
            return tokens;
        }
        int i = 0;
        int n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            if (c == '\\') {
                problems.add(new Problem(lineAt(code, i), "une barre oblique inverse hors d'un texte est refusée / a backslash outside text is not allowed"));
                return tokens;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (code.startsWith("//", i)) {
                int end = code.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (code.startsWith("/*", i)) {
                int end = code.indexOf("*/", i + 2);
                if (end < 0) {
                    problems.add(new Problem(lineAt(code, i), "commentaire non fermé / unclosed comment"));
                    return tokens;
                }
                i = end + 2;
            } else if (c == '"' || c == '\'') {
                if (code.startsWith("\"\"\"", i)) {
                    problems.add(new Problem(lineAt(code, i), "les blocs de texte sont refusés / text blocks are not allowed"));
                    return tokens;
                }
                int end = i + 1;
                while (end < n && code.charAt(end) != c) {
                    end += code.charAt(end) == '\\' ? 2 : 1;
                }
                if (end >= n) {
                    problems.add(new Problem(lineAt(code, i), "texte non fermé / unclosed text"));
                    return tokens;
                }
                tokens.add(new Token(Kind.TEXT, code.substring(i, end + 1), lineAt(code, i)));
                i = end + 1;
            } else if (isNameStart(c)) {
                int end = i + 1;
                while (end < n && isNamePart(code.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(Kind.NAME, code.substring(i, end), lineAt(code, i)));
                i = end;
            } else if (c >= '0' && c <= '9') {
                int end = i + 1;
                while (end < n && (isNamePart(code.charAt(end)) && code.charAt(end) != '$'
                        || code.charAt(end) == '.' && end + 1 < n && Character.isDigit(code.charAt(end + 1)))) {
                    end++;
                }
                tokens.add(new Token(Kind.NUMBER, code.substring(i, end), lineAt(code, i)));
                i = end;
            } else if (c > 127) {
                problems.add(new Problem(lineAt(code, i), "caractère non ASCII hors d'un texte (U+" + String.format("%04X", (int) c) + ") / non-ASCII character outside text"));
                return tokens;
            } else if (code.startsWith("::", i)) {
                tokens.add(new Token(Kind.MARK, "::", lineAt(code, i)));
                i += 2;
            } else {
                tokens.add(new Token(Kind.MARK, String.valueOf(c), lineAt(code, i)));
                i++;
            }
        }
        return tokens;
    }

    private static int lineAt(String code, int index) {
        return (int) code.substring(0, Math.min(Math.max(index, 0), code.length())).chars().filter(c -> c == '\n').count();
    }

    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || c >= '0' && c <= '9';
    }
}
