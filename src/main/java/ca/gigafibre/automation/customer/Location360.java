package ca.gigafibre.automation.customer;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Map;

/** A location in Customer 360: its address and network fields, the link to its live status, what capabilities add. */
public record Location360(@JsonUnwrapped LocationView location, String connection, Map<String, Object> related) {

    public String id() {
        return location.id();
    }
}
