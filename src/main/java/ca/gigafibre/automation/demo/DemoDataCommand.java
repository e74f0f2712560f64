package ca.gigafibre.automation.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Command-line entry: {@code --generate-demo-data [--scale=1.0] [--seed=N] [--replace]} loads synthetic data,
 * prints the rows and the time it took, and exits.
 */
@Component
public class DemoDataCommand implements ApplicationRunner {

    private final DemoDataGenerator generator;
    private final ConfigurableApplicationContext context;

    public DemoDataCommand(DemoDataGenerator generator, ConfigurableApplicationContext context) {
        this.generator = generator;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("generate-demo-data")) {
            return;
        }
        double scale = args.containsOption("scale") ? Double.parseDouble(args.getOptionValues("scale").get(0)) : 1.0;
        long seed = args.containsOption("seed") ? Long.parseLong(args.getOptionValues("seed").get(0)) : 20261123L;
        boolean replace = args.containsOption("replace");
        if (replace && !context.getEnvironment().acceptsProfiles(org.springframework.core.env.Profiles.of("demo"))) {
            System.err.println("--replace wipes domain data: only allowed in the demo profile");
            System.exit(SpringApplication.exit(context, () -> 2));
        }
        DemoDataReport report = generator.generate(scale, seed, replace);
        System.out.printf("Synthetic data at scale %s (seed %d) loaded in %.1f s%n", scale, seed, report.millis() / 1000.0);
        report.rows().forEach((table, rows) -> System.out.printf("  %-24s %,10d%n", table, rows));
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
