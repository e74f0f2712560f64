package ca.gigafibre.automation.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The standing rule: no cycle between the top-level packages (business capabilities, adapters, workflow, platform). A
 * lower package that must tell a higher one something publishes a Spring event or owns an interface the higher one
 * implements (billing.InvoicesWritten → erpnext.outbox, billing.ShadowBilling ← erpnext.shadow). Inside the money wing
 * the same holds between the stages of {@code billing} and {@code collections}, their root package (the rules' facts,
 * the events, the interfaces others implement) being one stage of its own.
 */
class PackageCyclesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ca.gigafibre.automation");

    @Test
    void theTopLevelPackagesHaveNoCycle() {
        slices().matching("ca.gigafibre.automation.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theStagesOfBillingHaveNoCycle() {
        slices().assignedFrom(stagesOf("ca.gigafibre.automation.billing")).should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theStagesOfCollectionsHaveNoCycle() {
        slices().assignedFrom(stagesOf("ca.gigafibre.automation.collections")).should().beFreeOfCycles().check(MAIN);
    }

    /** One slice per subpackage of {@code capability} (with what lies below it), and one for the root package itself. */
    private static SliceAssignment stagesOf(String capability) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                if (name.equals(capability)) {
                    return SliceIdentifier.of("(root)");
                }
                if (name.startsWith(capability + ".")) {
                    return SliceIdentifier.of(name.substring(capability.length() + 1).split("\\.")[0]);
                }
                return SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the stages of " + capability;
            }
        };
    }
}
