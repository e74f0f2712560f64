package ca.gigafibre.automation.collections.sweep;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class CollectionsSweepController {

    private final CollectionsSweep sweep;

    public CollectionsSweepController(CollectionsSweep sweep) {
        this.sweep = sweep;
    }

    @PostMapping("/api/collections/sweeps")
    @Operation(summary = "Run the collections sweep now (it also runs nightly): every account through the rules; starts or correlates what is missing")
    public SweepResult run() {
        return sweep.run();
    }
}
