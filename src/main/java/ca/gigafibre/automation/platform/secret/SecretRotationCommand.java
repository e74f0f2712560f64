package ca.gigafibre.automation.platform.secret;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Command-line entry: {@code --rotate-secrets} re-encrypts every secret under the primary key of the configured keyset,
 * prints what it did and exits (0 when every secret is now under the primary key, 1 otherwise — run it again, it resumes).
 */
@Component
public class SecretRotationCommand implements ApplicationRunner {

    private final SecretRotation rotation;
    private final ConfigurableApplicationContext context;

    public SecretRotationCommand(SecretRotation rotation, ConfigurableApplicationContext context) {
        this.rotation = rotation;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("rotate-secrets")) {
            return;
        }
        int code = rotate();
        System.exit(SpringApplication.exit(context, () -> code));
    }

    int rotate() {
        SecretRotationReport report;
        try {
            report = rotation.rotate();
        } catch (RuntimeException e) {
            System.err.println("Rotation stopped (" + e.getClass().getSimpleName() + "): run --rotate-secrets again to continue");
            return 1;
        }
        System.out.printf("Secrets re-encrypted under key %s:%n", report.primaryKey());
        report.rotated().forEach((column, count) -> System.out.printf("  %-40s %,8d%n", column, count));
        report.unreadable().forEach(cell -> System.out.println("  unreadable: " + cell));
        System.out.println("Secrets by key: " + report.secretsByKey());
        return report.secretsByKey().keySet().stream().allMatch(report.primaryKey()::equals) ? 0 : 1;
    }
}
