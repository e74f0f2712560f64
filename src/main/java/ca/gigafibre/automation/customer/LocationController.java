package ca.gigafibre.automation.customer;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class LocationController {

    private final LocationService locations;

    public LocationController(LocationService locations) {
        this.locations = locations;
    }

    @PutMapping("/api/locations/{id}/address")
    @Operation(summary = "Correct or change a service address; the old one goes to the address history and 911 follows")
    public LocationView changeAddress(@PathVariable String id, @Valid @RequestBody NewLocation address) {
        return locations.changeAddress(id, address);
    }
}
