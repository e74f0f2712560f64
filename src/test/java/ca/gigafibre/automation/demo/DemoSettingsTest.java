package ca.gigafibre.automation.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.BoundSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code automation.demo.scale}, {@code seed}: the demo's defaults kept, a scale the generator would refuse stops start-up instead. */
class DemoSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DemoSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class)).withUserConfiguration(Settings.class);

    @Test
    void theDemoLoadsATenthOfTheLegacyVolumesFromItsUsualSeed() {
        DemoSettings demo = BoundSettings.defaults("automation.demo", DemoSettings.class);
        assertThat(demo.scale()).isEqualTo(0.1);
        assertThat(demo.seed()).isEqualTo(20261123L);
    }

    @Test
    void theConfiguredScaleAndSeedAreRead() {
        context.withPropertyValues("automation.demo.scale=1.0", "automation.demo.seed=42", "automation.demo.load-on-start=true").run(started -> {
            assertThat(started.getBean(DemoSettings.class).scale()).isEqualTo(1.0);
            assertThat(started.getBean(DemoSettings.class).seed()).isEqualTo(42L);
        });
    }

    @Test
    void aScaleTheGeneratorRefusesStopsStartUpNamingTheKey() {
        for (String scale : new String[] {"0", "-0.1", "10.5"}) {
            context.withPropertyValues("automation.demo.scale=" + scale).run(started ->
                    assertThat(started).getFailure().rootCause().hasMessageContaining("automation.demo").hasMessageContaining("scale"));
        }
    }
}
