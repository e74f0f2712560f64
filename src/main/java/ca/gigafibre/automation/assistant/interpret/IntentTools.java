package ca.gigafibre.automation.assistant.interpret;

import ca.gigafibre.automation.collections.SuspensionReason;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The LLM's tools: one per intent, named as the intent, with typed parameters. A tool only reads what the model filled in
 * into the slots the pattern interpreter fills ({@link Slots}, same shapes: ISO dates, amounts with two decimals, 10-digit
 * numbers, {@code SOQ-00908}); it executes nothing. The customer is passed as the user wrote it and resolved afterwards
 * by the customer search, like any interpreter's; the proposal is built by the same {@code IntentHandler}.
 * A value the model made up in a wrong shape (a date that is not a date) throws, and the sentence goes to the patterns.
 */
public class IntentTools {

    private static final String CUSTOMER = "The customer as the user wrote it: id (C-10234), legacy account number, name, phone or address. "
            + "Leave empty when the user means the customer on screen (le, la, lui, it, them, this customer) or names none.";
    private static final String DATE = "A day as YYYY-MM-DD, computed from today's date given above";

    /** Half-days support books in: morning 8–12, afternoon 12–17. */
    public enum Window {
        AM, PM
    }

    /** The skill a visit needs. */
    public enum Skill {
        FIBRE, VOIP, WIFI
    }

    // reads

    @Tool(name = "balance", value = "How much a customer owes (solde, combien doit, balance, owe)")
    public Interpretation balance(@P(name = "customer", value = CUSTOMER, required = false) String customer) {
        return reading("balance").customer(customer).done();
    }

    @Tool(name = "autopay-status", value = "Whether a customer is on pre-authorised payment (PPA, paiement préautorisé, auto-pay) and how")
    public Interpretation autopayStatus(@P(name = "customer", value = CUSTOMER, required = false) String customer) {
        return reading("autopay-status").customer(customer).done();
    }

    @Tool(name = "ip-history", value = "The IP addresses a customer had, or had on one day")
    public Interpretation ipHistory(@P(name = "customer", value = CUSTOMER, required = false) String customer,
                                    @P(name = "date", value = DATE + "; empty for the whole history", required = false) String date) {
        return reading("ip-history").customer(customer).date(Slots.DATE, date).done();
    }

    @Tool(name = "did-report", value = "The report of every phone number (DID) with its line and 911 status")
    public Interpretation didReport() {
        return reading("did-report").done();
    }

    @Tool(name = "e911-mismatch", value = "The phone numbers whose 911 address does not match the provider's (911 audit, mismatches)")
    public Interpretation e911Mismatch() {
        return reading("e911-mismatch").done();
    }

    @Tool(name = "check-internet", value = "Check a customer's internet connection: ONT, optical signal, router online (no internet, internet down)")
    public Interpretation checkInternet(@P(name = "customer", value = CUSTOMER, required = false) String customer,
                                       @P(name = "locationId", value = "The service location id (LOC-00042) if the user named one", required = false)
                                       String locationId) {
        return reading("check-internet").customer(customer).location(locationId).done();
    }

    @Tool(name = "visit-count", value = "How many times a technician was sent to a customer's address")
    public Interpretation visitCount(@P(name = "customer", value = CUSTOMER, required = false) String customer,
                                     @P(name = "locationId", value = "The service location id (LOC-00042) if the user named one", required = false)
                                     String locationId) {
        return reading("visit-count").customer(customer).location(locationId).done();
    }

    @Tool(name = "tech-hours", value = "How many hours a technician spent at a customer's")
    public Interpretation techHours(@P(name = "customer", value = CUSTOMER, required = false) String customer,
                                    @P(name = "technician", value = "The technician: id (TECH-001) or name", required = false) String technician) {
        return reading("tech-hours").customer(customer).technician(technician).done();
    }

    @Tool(name = "lines", value = "A customer's phone lines")
    public Interpretation lines(@P(name = "customer", value = CUSTOMER, required = false) String customer) {
        return reading("lines").customer(customer).done();
    }

    @Tool(name = "line-911-address", value = "The 911 address registered for one phone number")
    public Interpretation line911Address(@P(name = "phoneNumber", value = "The phone number, 10 digits", required = false) String phoneNumber) {
        return reading("line-911-address").did(phoneNumber).done();
    }

    // changes: proposed only, the user confirms

    @Tool(name = "suspend", value = "Propose to suspend a customer's service (suspendre, couper, coupure, cut off, disconnect)")
    public Interpretation suspend(@P(name = "customer", value = CUSTOMER, required = false) String customer,
                                  @P(name = "reason", value = "Why; NON_PAYMENT unless the user says otherwise", required = false) SuspensionReason reason,
                                  @P(name = "date", value = DATE + "; only when the customer asked to suspend from a given day", required = false)
                                  String date) {
        return reading("suspend").customer(customer).put(Slots.REASON, reason == null ? null : reason.code()).date(Slots.DATE, date).done();
    }

    @Tool(name = "reactivate", value = "Propose to reactivate a suspended customer's service (réactiver, rebrancher, reconnect, restore)")
    public Interpretation reactivate(@P(name = "customer", value = CUSTOMER, required = false) String customer) {
        return reading("reactivate").customer(customer).done();
    }

    @Tool(name = "arrangement", value = "Propose a payment arrangement (entente de paiement, payment plan): an amount promised by a due date, "
            + "and the cutoff date if it is missed")
    public Interpretation arrangement(@P(name = "customer", value = CUSTOMER, required = false) String customer,
                                      @P(name = "amount", value = "The amount promised, in dollars", required = false) BigDecimal amount,
                                      @P(name = "dueDate", value = DATE + ": the day the payment is promised by", required = false) String dueDate,
                                      @P(name = "cutoffDate", value = DATE + ": the cutoff day if the arrangement is missed", required = false)
                                      String cutoffDate) {
        return reading("arrangement").customer(customer).amount(amount).date(Slots.DUE_DATE, dueDate).date(Slots.CUTOFF_DATE, cutoffDate).done();
    }

    @Tool(name = "create-quote", value = "Propose a quote (soumission) for a customer with the plans asked for")
    public Interpretation createQuote(@P(name = "customer", value = CUSTOMER, required = false) String customer,
                                      @P(name = "skus", value = "Plan codes: FIB-<speed in Mbps> for fibre (FIB-100, FIB-1000; add -COM for business), "
                                              + "RTR-RENT for a Wi-Fi router, VOIP-RES (VOIP-BUS for business) for a phone line, TV-BASE for TV",
                                              required = false) List<String> skus) {
        return reading("create-quote").customer(customer)
                .put(Slots.SKUS, skus == null ? List.of() : skus.stream().map(s -> s.strip().toUpperCase(Locale.ROOT)).toList()).done();
    }

    @Tool(name = "convert-quote", value = "Propose to convert an accepted quote into active service (subscriptions)")
    public Interpretation convertQuote(@P(name = "quote", value = "The quote: SOQ-00908 or its number", required = false) String quote) {
        return reading("convert-quote").quote(quote).done();
    }

    @Tool(name = "schedule-installation", value = "Propose the installation date of a signed quote (planifier l'installation)")
    public Interpretation scheduleInstallation(@P(name = "customer", value = CUSTOMER, required = false) String customer,
                                               @P(name = "quote", value = "The quote: SOQ-00908 or its number", required = false) String quote,
                                               @P(name = "date", value = DATE, required = false) String date,
                                               @P(name = "window", value = "AM (8–12) or PM (12–17)", required = false) Window window,
                                               @P(name = "technician", value = "The technician: id (TECH-001) or name", required = false)
                                               String technician) {
        return reading("schedule-installation").customer(customer).quote(quote).date(Slots.DATE, date).window(window).technician(technician).done();
    }

    @Tool(name = "dispatch", value = "Propose to send a technician to a customer's address on a day")
    public Interpretation dispatch(@P(name = "customer", value = CUSTOMER, required = false) String customer,
                                   @P(name = "locationId", value = "The service location id (LOC-00042) if the user named one", required = false)
                                   String locationId,
                                   @P(name = "date", value = DATE, required = false) String date,
                                   @P(name = "window", value = "AM (8–12) or PM (12–17); empty for the whole day", required = false) Window window,
                                   @P(name = "skill", value = "VOIP for a phone problem, WIFI for Wi-Fi, else FIBRE", required = false) Skill skill,
                                   @P(name = "technician", value = "The technician if named: id (TECH-001) or name", required = false) String technician) {
        return reading("dispatch").customer(customer).location(locationId).date(Slots.DATE, date).window(window)
                .put(Slots.SKILL, (skill == null ? Skill.FIBRE : skill).name().toLowerCase(Locale.ROOT)).technician(technician).done();
    }

    @Tool(name = "reboot", value = "Propose to reboot a customer's router (redémarrer, reboot, restart)")
    public Interpretation reboot(@P(name = "customer", value = CUSTOMER, required = false) String customer,
                                 @P(name = "locationId", value = "The service location id (LOC-00042) if the user named one", required = false)
                                 String locationId) {
        return reading("reboot").customer(customer).location(locationId).done();
    }

    @Tool(name = "add-line", value = "Propose a new phone line (DID) for a customer")
    public Interpretation addLine(@P(name = "customer", value = CUSTOMER, required = false) String customer,
                                  @P(name = "phoneNumber", value = "The new line's number, 10 digits", required = false) String phoneNumber,
                                  @P(name = "voicemail", value = "Whether the user asked for voicemail", required = false) Boolean voicemail) {
        return reading("add-line").customer(customer).did(phoneNumber).put(Slots.VOICEMAIL, Boolean.TRUE.equals(voicemail)).done();
    }

    @Tool(name = "update-911", value = "Propose a new 911 address for one phone number")
    public Interpretation update911(@P(name = "phoneNumber", value = "The phone number, 10 digits", required = false) String phoneNumber,
                                    @P(name = "streetNumber", value = "Civic number", required = false) String streetNumber,
                                    @P(name = "apt", value = "Apartment, if any", required = false) String apt,
                                    @P(name = "streetName", value = "Street, with its type (Rue Principale)", required = false) String streetName,
                                    @P(name = "city", value = "City", required = false) String city,
                                    @P(name = "postalCode", value = "Postal code (J2G 1A1)", required = false) String postalCode) {
        return reading("update-911").did(phoneNumber).put(Slots.STREET_NUMBER, upper(streetNumber)).put(Slots.APT, blankToNull(apt))
                .put(Slots.STREET_NAME, blankToNull(streetName)).put(Slots.CITY, blankToNull(city)).put(Slots.POSTAL_CODE, postal(postalCode)).done();
    }

    @Tool(name = "switch-stripe", value = "Propose to move a customer's pre-authorised payment to a Stripe card (a link is sent to the customer)")
    public Interpretation switchStripe(@P(name = "customer", value = CUSTOMER, required = false) String customer) {
        return reading("switch-stripe").customer(customer).done();
    }

    private static Reading reading(String intent) {
        return new Reading(intent);
    }

    /** Slots in the pattern interpreter's shapes; absent values stay absent (the proposal builder asks for what it needs). */
    private static final class Reading {

        private final String intent;
        private final Map<String, Object> slots = new LinkedHashMap<>();

        Reading(String intent) {
            this.intent = intent;
        }

        Reading put(String slot, Object value) {
            if (value != null) {
                slots.put(slot, value);
            }
            return this;
        }

        Reading customer(String reference) {
            String value = blankToNull(reference);
            if (value == null) {
                return this;
            }
            String folded = Text.fold(value);
            String id = SlotReader.customerId(folded).filter(c -> c.equalsIgnoreCase(value)).orElse(null);
            String phone = folded.matches("[\\d\\s().+-]+") ? SlotReader.phone(folded).orElse(null) : null;
            return put(Slots.CUSTOMER_REF, id != null ? id : phone != null ? phone : value);
        }

        Reading did(String number) {
            String value = blankToNull(number);
            return value == null ? this : put(Slots.DID, SlotReader.phone(Text.fold(value))
                    .orElseThrow(() -> new IllegalArgumentException("not a 10-digit phone number")));
        }

        Reading date(String slot, String isoDate) {
            String value = blankToNull(isoDate);
            return value == null ? this : put(slot, LocalDate.parse(value).toString());
        }

        Reading amount(BigDecimal amount) {
            return amount == null ? this : put(Slots.AMOUNT, amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString());
        }

        Reading location(String locationId) {
            String value = blankToNull(locationId);
            return value == null ? this : put(Slots.LOCATION_ID, SlotReader.locationId(Text.fold(value))
                    .orElseThrow(() -> new IllegalArgumentException("not a location id")));
        }

        Reading quote(String quote) {
            String value = blankToNull(quote);
            return value == null ? this : put(Slots.QUOTE_ID, SlotReader.quoteId(Text.fold(value.matches("\\d+") ? "SOQ-" + value : value))
                    .orElseThrow(() -> new IllegalArgumentException("not a quote id")));
        }

        Reading technician(String technician) {
            String value = blankToNull(technician);
            return value == null ? this : put(Slots.TECHNICIAN_REF, SlotReader.technicianId(Text.fold(value)).orElse(value));
        }

        Reading window(Window window) {
            return window == null ? this : put(Slots.WINDOW, window.name().toLowerCase(Locale.ROOT));
        }

        Interpretation done() {
            return Interpretation.understood(intent, slots);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String upper(String value) {
        String kept = blankToNull(value);
        return kept == null ? null : kept.toUpperCase(Locale.ROOT);
    }

    private static String postal(String value) {
        String kept = blankToNull(value);
        if (kept == null) {
            return null;
        }
        String compact = kept.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        return compact.length() == 6 ? compact.substring(0, 3) + " " + compact.substring(3) : kept.toUpperCase(Locale.ROOT);
    }
}
