package ca.gigafibre.automation.demo;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins load synthetic data, optionally wiping the domain data first ({@code replace}). A demo endpoint: it exists only
 * in the demo profile (production answers 404); benchmarks use the {@code --generate-demo-data} command line.
 */
@RestController
@org.springframework.context.annotation.Profile("demo")
@RequestMapping("/api/admin/demo-data")
public class DemoDataController {

    private final DemoDataGenerator generator;
    private final long defaultSeed;

    public DemoDataController(DemoDataGenerator generator, DemoSettings demo) {
        this.generator = generator;
        this.defaultSeed = demo.seed();
    }

    @PostMapping
    @Operation(summary = "Demo profile only: generate synthetic data at a scale of the legacy volumes (replace=true wipes domain data first)")
    public DemoDataReport generate(@Valid @RequestBody DemoDataRequest request) {
        return generator.generate(request.scale(), request.seed() == null ? defaultSeed : request.seed(), Boolean.TRUE.equals(request.replace()));
    }
}
