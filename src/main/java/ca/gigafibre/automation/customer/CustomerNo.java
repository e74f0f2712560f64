package ca.gigafibre.automation.customer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A customer's public number ({@code C-10234}: ERPNext's name, the API's {@code customerId}, a process's business key),
 * typed so that it is never mistaken for the customer's row id where it crosses packages. In JSON it is the bare string.
 */
public record CustomerNo(String value) {

    public CustomerNo {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a customer number is not blank / un numéro de client n'est pas vide");
        }
    }

    @JsonCreator
    public static CustomerNo of(String value) {
        return new CustomerNo(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
