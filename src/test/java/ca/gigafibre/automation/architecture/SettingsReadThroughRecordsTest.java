package ca.gigafibre.automation.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * Configuration keys are read in one place per capability: its settings record ({@code @ConfigurationProperties}, defaults
 * and validation beside the keys, e.g. {@code customer.Customer360Settings}). No main class injects a key with
 * {@code @Value} — not on a field, a method, or a constructor's or method's parameter ({@code @Bean} methods included).
 * There is no exception: what runs before the context is bound (an {@code EnvironmentPostProcessor} such as
 * {@code platform.db.JoinDemoNode}) reads the {@code Environment} and injects nothing.
 */
class SettingsReadThroughRecordsTest {

    private static final String VALUE = Value.class.getName();

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ca.gigafibre.automation");

    private static final ArchRule NO_VALUE_FIELDS = noFields().should().beMetaAnnotatedWith(VALUE)
            .because("keys are read through the capability's settings record");

    private static final ArchRule NO_VALUE_METHODS_OR_PARAMETERS = codeUnits().should(notInjectWithValue())
            .because("keys are read through the capability's settings record");

    @Test
    void noMainClassInjectsAKeyWithValue() {
        assertThat(MAIN.size()).as("main classes imported").isGreaterThan(100);
        NO_VALUE_FIELDS.check(MAIN);
        NO_VALUE_METHODS_OR_PARAMETERS.check(MAIN);
    }

    /** The rules see what they forbid: each place {@code @Value} can sit in a class of the fixture below is reported. */
    @Test
    void theRulesReportEveryPlaceValueCanSit() {
        JavaClasses fixture = new ClassFileImporter().importClasses(InjectsEverywhere.class);

        assertThat(NO_VALUE_FIELDS.evaluate(fixture).getFailureReport().getDetails()).singleElement().asString().contains("field");
        assertThat(NO_VALUE_METHODS_OR_PARAMETERS.evaluate(fixture).getFailureReport().getDetails()).hasSize(3)
                .anySatisfy(line -> assertThat(line).contains("InjectsEverywhere.<init>(int)"))
                .anySatisfy(line -> assertThat(line).contains("InjectsEverywhere.port(int)"))
                .anySatisfy(line -> assertThat(line).contains("InjectsEverywhere.host(java.lang.String)"));
        assertThat(NO_VALUE_METHODS_OR_PARAMETERS.evaluate(new ClassFileImporter().importClasses(InjectsNothing.class)).hasViolation()).isFalse();
    }

    private static ArchCondition<JavaCodeUnit> notInjectWithValue() {
        return new ArchCondition<>("not be annotated with @Value nor take a parameter annotated with it") {
            @Override
            public void check(JavaCodeUnit codeUnit, ConditionEvents events) {
                if (codeUnit.isMetaAnnotatedWith(VALUE)) {
                    events.add(SimpleConditionEvent.violated(codeUnit, codeUnit.getFullName() + " is annotated with @Value"));
                }
                for (JavaParameter parameter : codeUnit.getParameters()) {
                    if (parameter.isMetaAnnotatedWith(VALUE)) {
                        events.add(SimpleConditionEvent.violated(codeUnit, codeUnit.getFullName() + " takes parameter " + parameter.getIndex()
                                + " with @Value"));
                    }
                }
            }
        };
    }

    @SuppressWarnings("unused")
    static class InjectsEverywhere {

        @Value("${automation.fixture.field:1}")
        int field;

        InjectsEverywhere(@Value("${automation.fixture.constructor:1}") int constructor) {
        }

        void port(@Value("${automation.fixture.parameter:1}") int port) {
        }

        @Value("${automation.fixture.setter:x}")
        void host(String host) {
        }
    }

    @SuppressWarnings("unused")
    static class InjectsNothing {

        InjectsNothing(int constructor) {
        }
    }
}
