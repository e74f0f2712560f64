package ca.gigafibre.automation.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The standing rule: no cycle between the top-level packages (business capabilities, adapters, workflow, platform). A
 * lower package that must tell a higher one something publishes a Spring event or owns an interface the higher one
 * implements (billing.InvoicesWritten → erpnext.outbox, billing.ShadowBilling ← erpnext.shadow).
 */
class PackageCyclesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ca.gigafibre.automation");

    @Test
    void theTopLevelPackagesHaveNoCycle() {
        slices().matching("ca.gigafibre.automation.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
