package ca.gigafibre.automation.demo;

import ca.gigafibre.automation.platform.error.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admins load synthetic data; wiping the domain data first ({@code replace}) is for the demo profile only. */
@RestController
@RequestMapping("/api/admin/demo-data")
public class DemoDataController {

    private final DemoDataGenerator generator;
    private final Environment environment;
    private final long defaultSeed;

    public DemoDataController(DemoDataGenerator generator, Environment environment,
                              @Value("${automation.demo.seed:20261123}") long defaultSeed) {
        this.generator = generator;
        this.environment = environment;
        this.defaultSeed = defaultSeed;
    }

    @PostMapping
    @Operation(summary = "Generate synthetic data at a scale of the legacy volumes (replace=true wipes domain data: demo profile only)")
    public DemoDataReport generate(@Valid @RequestBody DemoDataRequest request) {
        boolean replace = Boolean.TRUE.equals(request.replace());
        if (replace && !environment.acceptsProfiles(Profiles.of("demo"))) {
            throw new InvalidRequestException("replace", "wiping domain data is only allowed in the demo profile");
        }
        return generator.generate(request.scale(), request.seed() == null ? defaultSeed : request.seed(), replace);
    }
}
