package ca.gigafibre.automation.voip;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The variables of {@code forms/e911-address-correction.form}: what to show, and what the person corrects. */
final class E911CorrectionForm {

    private E911CorrectionForm() {
    }

    static void prefill(DelegateExecution execution, E911AddressRow a, String providerMessage, String invalidFields) {
        execution.setVariable("e911ProviderMessage", providerMessage);
        execution.setVariable("e911InvalidFields", invalidFields);
        execution.setVariable("e911FirstName", a.firstName());
        execution.setVariable("e911LastName", a.lastName());
        execution.setVariable("e911StreetNumber", a.streetNumber());
        execution.setVariable("e911Apt", a.apt());
        execution.setVariable("e911StreetName", a.streetName());
        execution.setVariable("e911City", a.city());
        execution.setVariable("e911Province", a.province());
        execution.setVariable("e911PostalCode", a.postalCode());
    }

    static CivicAddress corrected(DelegateExecution execution) {
        return new CivicAddress(text(execution, "e911StreetNumber"), text(execution, "e911Apt"), text(execution, "e911StreetName"),
                text(execution, "e911City"), text(execution, "e911Province"), postal(text(execution, "e911PostalCode")));
    }

    static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    private static String postal(String value) {
        if (value == null) {
            return null;
        }
        String compact = value.replace(" ", "").toUpperCase();
        return compact.length() == 6 ? compact.substring(0, 3) + " " + compact.substring(3) : value.toUpperCase();
    }
}
