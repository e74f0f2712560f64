package ca.gigafibre.automation.billing;

/** Inserted by the method rules of {@code ppa-charging.drl}; the amount rules then decide how much. */
public class ChosenPpaMethod {

    private final String method;

    public ChosenPpaMethod(String method) {
        this.method = method;
    }

    /** {@code stripe}, {@code paysafe} or {@code bank}. */
    public String getMethod() {
        return method;
    }
}
