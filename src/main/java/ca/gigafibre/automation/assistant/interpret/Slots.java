package ca.gigafibre.automation.assistant.interpret;

/** Slot names an interpreter fills (values: strings, ISO dates, plain decimals), shared with the proposal builder. */
public final class Slots {

    /** What the sentence calls the customer: an id ({@code C-10234}), a legacy id, a name, a phone or an address. */
    public static final String CUSTOMER_REF = "customerRef";
    /** The customer id once resolved (or the one on screen). */
    public static final String CUSTOMER_ID = "customerId";
    public static final String DID = "did";
    public static final String AMOUNT = "amount";
    public static final String DATE = "date";
    public static final String DUE_DATE = "dueDate";
    public static final String CUTOFF_DATE = "cutoffDate";
    public static final String WINDOW = "window";
    public static final String REASON = "reason";
    public static final String QUOTE_ID = "quoteId";
    public static final String TECHNICIAN_REF = "technicianRef";
    public static final String SKUS = "skus";
    public static final String LOCATION_ID = "locationId";
    public static final String STREET_NUMBER = "streetNumber";
    public static final String APT = "apt";
    public static final String STREET_NAME = "streetName";
    public static final String CITY = "city";
    public static final String POSTAL_CODE = "postalCode";
    public static final String VOICEMAIL = "voicemail";
    public static final String SKILL = "skill";

    private Slots() {
    }
}
