package ca.gigafibre.automation.voip;

import ca.gigafibre.automation.customer.CustomerNo;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class VoipController {

    private final VoipLineService lines;

    public VoipController(VoipLineService lines) {
        this.lines = lines;
    }

    @PostMapping("/api/customers/{id}/voip-lines")
    @Operation(summary = "Order a phone line: PBX line, 911 registration (verified), voicemail, ATA; live once 911 is confirmed")
    public ResponseEntity<VoipLineView> order(@PathVariable CustomerNo id, @Valid @RequestBody NewVoipLine line) {
        VoipLineView ordered = lines.order(id, line);
        return ResponseEntity.accepted().location(URI.create("/api/customers/" + id + "/voip-lines")).body(ordered);
    }

    @GetMapping("/api/customers/{id}/voip-lines")
    @Operation(summary = "The customer's phone lines with their state and 911 sync flag")
    public List<VoipLineView> ofCustomer(@PathVariable CustomerNo id) {
        return lines.ofCustomer(id);
    }

    @PutMapping("/api/voip-lines/{did}/e911-address")
    @Operation(summary = "Change a line's 911 address: the provider is updated and read back; unconfirmed after 4 h → ops task")
    public ResponseEntity<VoipLineView> changeE911Address(@PathVariable String did, @Valid @RequestBody E911AddressInput address) {
        return ResponseEntity.accepted().body(lines.changeE911Address(did, address));
    }
}
