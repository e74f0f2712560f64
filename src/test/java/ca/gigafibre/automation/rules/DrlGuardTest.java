package ca.gigafibre.automation.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gigafibre.automation.workflow.AnalystResource;
import ca.gigafibre.automation.workflow.InvalidResourcesException;
import ca.gigafibre.automation.workflow.ResourceProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The DRL guard alone: the project's rules pass, every escape from a rule into the engine is refused, with its line and rule. */
class DrlGuardTest {

    private static final String HEAD = """
            package gigafibre.escape;

            import ca.gigafibre.automation.collections.SuspensionFacts;
            import ca.gigafibre.automation.rules.Decision;

            """;

    @Test
    void everyRuleFileOfTheProjectPasses() throws IOException {
        List<Path> files;
        try (Stream<Path> found = Files.list(Path.of("rules"))) {
            files = found.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
        }
        assertThat(files).hasSize(9);
        for (Path file : files) {
            assertThat(DrlGuard.check(new AnalystResource("rules/" + file.getFileName(), Files.readAllBytes(file))))
                    .as(file.toString()).isEmpty();
        }
    }

    /** A consequence that does only what rules do passes. */
    @Test
    void aPlainRulePasses() {
        assertThat(check(rule("$d.decide(\"X\", \"fr\", \"en\"); $d.with(\"n\", java.math.BigDecimal.ONE); update($d);"))).isEmpty();
    }

    static Stream<String> hostileConsequences() {
        return Stream.of(
                "System.exit(0);",
                "java.lang.System.exit(0);",
                "Runtime.getRuntime().exec(\"rm -rf /\");",
                "java.lang.Runtime.getRuntime().exec(\"id\");",
                "new ProcessBuilder(\"id\").start();",
                "new java.lang.ProcessBuilder(\"id\").start();",
                "Thread t = new Thread(() -> {}); t.start();",
                "Class.forName(\"java.lang.Runtime\");",
                "$d.getClass().getClassLoader();",
                "String.class.getMethods();",
                "$f.getSubject().getClass().forName(\"x\");",
                "ClassLoader.getSystemClassLoader();",
                "java.nio.file.Files.delete(java.nio.file.Path.of(\"/tmp/x\"));",
                "new java.io.File(\"/etc/passwd\").delete();",
                "java.sql.DriverManager.getConnection(\"jdbc:postgresql://db/x\");",
                "javax.naming.InitialContext.doLookup(\"x\");",
                "drools.getKieRuntime().halt();",
                "kcontext.getKieRuntime().getGlobals();",
                "drools.halt();",
                "channels[\"x\"].send($d);",
                "Integer.getInteger(\"x\");",
                "System.getenv(\"DB_PASSWORD\");",
                "while (true) { }",
                "for (;;) { }",
                "synchronized ($d) { $d.wait(); }",
                "try { } catch (Exception e) { }",
                "throw new RuntimeException();",
                "\\u0053ystem.exit(0);",
                "String s = \"\\u0022; System.exit(0); //\";",
                "// \\u000a System.exit(0);",
                "String s = \"\"\"\n  x\"\"\";",
                "exit(0);",
                "java.lang.invoke.MethodHandles.lookup();",
                "this.getClass();",
                "super.toString();",
                "Object o = $d; ((Runnable) o).run();",
                "new Object() { { System.exit(0); } };",
                "java.util.concurrent.Executors.newSingleThreadExecutor();");
    }

    @ParameterizedTest
    @MethodSource("hostileConsequences")
    void aHostileConsequenceIsRefusedNamingTheFileTheLineAndTheRule(String consequence) {
        List<ResourceProblem> problems = check(rule(consequence));

        assertThat(problems).as(consequence).isNotEmpty();
        assertThat(problems).allSatisfy(p -> assertThat(p.file()).isEqualTo("rules/escape.drl"));
        assertThat(problems.get(0).line()).as(consequence).isPositive();
    }

    @Test
    void theProblemNamesTheRuleAndTheLineOfItsConsequence() {
        List<ResourceProblem> problems = check(rule("System.exit(0);"));

        // the type and its member, both on the consequence's own line (12), not the line of "then"
        assertThat(problems).extracting(ResourceProblem::line).containsExactly(12, 12);
        assertThat(problems.get(0).message()).contains("Escape").contains("System");
        assertThat(problems.get(1).message()).contains("exit");
    }

    static Stream<String> hostileFiles() {
        return Stream.of(
                // conditions: constraints and eval are compiled too
                "rule \"Escape\" when $f : SuspensionFacts( System.exit(0) == 0 ) then end",
                "rule \"Escape\" when $f : SuspensionFacts( reason == java.lang.System.getenv(\"X\") ) then end",
                "rule \"Escape\" when $f : SuspensionFacts( ) eval( Runtime.getRuntime() != null ) then end",
                "rule \"Escape\" when $f : SuspensionFacts( $c : class ) then end",
                "rule \"Escape\" when $f : SuspensionFacts( this.getClass() != null ) then end",
                "rule \"Escape\" when $f : SuspensionFacts( reason == exec(\"id\") ) then end",
                "rule \"Escape\" when $f : java.lang.Runtime( ) then end",
                "rule \"Escape\" when $s : String( ) from java.lang.System.getenv().values() then end",
                "rule \"Escape\" when $n : Number( ) from accumulate( SuspensionFacts( ), init( int x = 0; ) action( System.exit(0); ) result( x ) ) then end",
                "rule \"Escape\" when $l : Object( ) from collect( SuspensionFacts( ) ) then end",
                "rule \"Escape\" salience ( System.exit(0) ) when $f : SuspensionFacts( ) then end",
                "rule \"Escape\" enabled ( System.exit(0) == 0 ) when $f : SuspensionFacts( ) then end",
                "rule \"Escape\" timer ( int: 1s ) when $f : SuspensionFacts( ) then end",
                "rule \"Escape\" dialect \"mvel\" when $f : SuspensionFacts( ) then System.exit(0); end",
                // package level
                "function void boom() { System.exit(0); }",
                "global java.util.List out;",
                "import java.io.File;",
                "import java.lang.Runtime;",
                "import java.util.*;",
                "import function java.lang.System.exit;",
                "import ca.gigafibre.automation.rules.RuleSetCompiler;",
                "declare Boom name : String end",
                "query \"all\" $f : SuspensionFacts( ) end",
                "rule \"Escape\" @Propagation(IMMEDIATE) when $f : SuspensionFacts( ) then end",
                "rule \"Escape\" when $f : SuspensionFacts( ) then System.exit(0); then[other] System.exit(1); end");
    }

    @ParameterizedTest
    @MethodSource("hostileFiles")
    void aHostileFileIsRefused(String body) {
        assertThat(check(HEAD + body + "\n")).as(body).isNotEmpty();
    }

    /** javac ignores a zero-width space inside a name ("Sys\u200Btem" is System); Drools' parser already stops there. */
    @Test
    void anInvisibleCharacterInsideANameIsNeverCompiled() {
        assertThatThrownBy(() -> check(rule("Sys\u200Btem.exit(0);"))).isInstanceOf(InvalidResourcesException.class);
    }

    @Test
    void aProblemOnALaterLineOfTheConsequenceNamesThatLine() {
        List<ResourceProblem> problems = check(rule("update($d);\n    $d.getClass();"));

        assertThat(problems).extracting(ResourceProblem::line).containsExactly(13);
    }

    @Test
    void textThatDoesNotParseIsACompileErrorNotARefusal() {
        assertThatThrownBy(() -> check("package x;\nrule \"Broken\"\nwhen\n  Nothing( x > )\nthen\nend\n"))
                .isInstanceOf(InvalidResourcesException.class).isNotInstanceOf(RefusedRulesException.class);
    }

    private static String rule(String consequence) {
        return HEAD + """
                rule "Escape"
                    salience 10
                when
                    $f : SuspensionFacts( reason == "abuse" )
                    $d : Decision( subject == $f.subject, open )
                then
                """ + "    " + consequence + "\nend\n";
    }

    private static List<ResourceProblem> check(String drl) {
        return DrlGuard.check(new AnalystResource("rules/escape.drl", drl.getBytes(StandardCharsets.UTF_8)));
    }
}
