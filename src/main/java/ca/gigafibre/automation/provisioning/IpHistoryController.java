package ca.gigafibre.automation.provisioning;

import ca.gigafibre.automation.customer.CustomerNo;
import ca.gigafibre.automation.platform.error.InvalidRequestException;
import ca.gigafibre.automation.platform.time.BusinessTime;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class IpHistoryController {

    private final IpHistory history;

    public IpHistoryController(IpHistory history) {
        this.history = history;
    }

    @GetMapping("/api/customers/{id}/ip-history")
    @Operation(summary = "IP history; ?at=2026-03-15T10:00 (Montreal time, or with an offset) gives the IP in force then")
    public List<IpAssignmentView> ipHistory(@PathVariable CustomerNo id, @RequestParam(required = false) String at) {
        return history.of(id, at == null || at.isBlank() ? null : instant(at));
    }

    private static OffsetDateTime instant(String at) {
        try {
            return OffsetDateTime.parse(at);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(at).atZone(BusinessTime.ZONE).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                throw new InvalidRequestException("at", "must be a date-time such as 2026-03-15T10:00 (Montreal time) or 2026-03-15T10:00-04:00");
            }
        }
    }
}
