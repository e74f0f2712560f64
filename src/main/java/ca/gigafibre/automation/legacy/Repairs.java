package ca.gigafibre.automation.legacy;

import java.util.LinkedHashSet;
import java.util.Set;

/** The fields of one legacy row that were repaired safely (DID format, postal code spacing, bank number padding ...). */
public final class Repairs {

    private final Set<String> fields = new LinkedHashSet<>();

    public void note(String field) {
        fields.add(field);
    }

    public boolean any() {
        return !fields.isEmpty();
    }

    public Set<String> fields() {
        return fields;
    }
}
