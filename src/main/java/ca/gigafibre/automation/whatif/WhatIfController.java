package ca.gigafibre.automation.whatif;

import ca.gigafibre.automation.platform.error.FieldProblem;
import ca.gigafibre.automation.platform.error.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Analysts ask what a rule or parameter change would have done to the last months' customers, before deploying it. */
@RestController
@RequestMapping("/api/rules/what-if")
public class WhatIfController {

    private final WhatIfReplay replay;

    public WhatIfController(WhatIfReplay replay) {
        this.replay = replay;
    }

    @PostMapping(produces = {MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Replay the last months' decisions with the rules in force and with candidate rules, parameters or DMN; "
            + "the accounts whose decision changes, grouped (nothing is written)")
    public WhatIfReport replay(@RequestBody(required = false) WhatIfRequest request) {
        if (request == null || request.parametersOrNone().isEmpty() && request.rulesOrNone().isEmpty() && request.dmnOrNone().isEmpty()) {
            // a replay without a candidate can only answer "nothing changes": most likely a body that lost its change
            String why = "name at least one candidate: parameters, rules or dmn";
            throw new InvalidRequestException(List.of(new FieldProblem("parameters", why), new FieldProblem("rules", why),
                    new FieldProblem("dmn", why)));
        }
        return replay.replay(request);
    }

    @PostMapping(produces = "text/csv")
    @Operation(summary = "The same replay, one CSV line per account whose decision changes")
    public List<AccountChangeRow> replayAsCsv(@RequestBody(required = false) WhatIfRequest request) {
        return replay(request).accounts().stream().map(AccountChangeRow::of).toList();
    }
}
