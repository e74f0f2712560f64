package ca.gigafibre.automation.assistant;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.assistant.interpret.Slots;
import ca.gigafibre.automation.assistant.interpret.Text;
import ca.gigafibre.automation.customer.CustomerService;
import ca.gigafibre.automation.customer.CustomerView;
import ca.gigafibre.automation.customer.Location360;
import ca.gigafibre.automation.customer.LocationView;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The service location a sentence means: the one named ({@code LOC-…}), else the customer's only one; several → ask. */
@Component
class CustomerLocations {

    private final CustomerService customers;

    CustomerLocations(CustomerService customers) {
        this.customers = customers;
    }

    CustomerView customer(String customerNo) {
        return customers.get(CustomerNo.of(customerNo));
    }

    LocationView location(Map<String, Object> slots, String customerNo) {
        List<LocationView> locations = locationsOf(customerNo);
        String named = SlotValues.optional(slots, Slots.LOCATION_ID);
        if (named != null) {
            return locations.stream().filter(l -> l.id().equals(named)).findFirst()
                    .orElseThrow(() -> new Clarification(named + " n'est pas une adresse de " + customerNo + " : laquelle ?",
                            named + " is not one of " + customerNo + "'s addresses: which one?"));
        }
        if (locations.size() == 1) {
            return locations.get(0);
        }
        String list = locations.stream().map(l -> l.id() + " (" + address(l) + ")").collect(Collectors.joining(", "));
        throw new Clarification("À quelle adresse ? " + list, "At which address? " + list);
    }

    /** The location at the address the sentence names (number and street), else as {@link #location}. */
    LocationView locationAt(Map<String, Object> slots, String customerNo) {
        String number = SlotValues.optional(slots, Slots.STREET_NUMBER);
        String street = SlotValues.optional(slots, Slots.STREET_NAME);
        if (number == null || street == null || SlotValues.optional(slots, Slots.LOCATION_ID) != null) {
            return location(slots, customerNo);
        }
        String wanted = Text.fold(number + " " + street);
        List<LocationView> at = locationsOf(customerNo).stream()
                .filter(l -> Text.fold(l.streetNumber() + " " + l.streetName()).equals(wanted)).toList();
        if (at.size() == 1) {
            return at.get(0);
        }
        return location(slots, customerNo);
    }

    private List<LocationView> locationsOf(String customerNo) {
        return customers.get(CustomerNo.of(customerNo)).locations().stream().map(Location360::location).toList();
    }

    static String address(LocationView l) {
        return l.streetNumber() + (l.apt() == null ? "" : "-" + l.apt()) + " " + l.streetName() + ", " + l.city();
    }
}
