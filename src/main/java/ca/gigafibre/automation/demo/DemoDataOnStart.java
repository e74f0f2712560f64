package ca.gigafibre.automation.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The demo loads synthetic data on its first start only; a restart keeps what is there. */
@Component
@ConditionalOnProperty(name = "automation.demo.load-on-start", havingValue = "true")
public class DemoDataOnStart {

    private static final Logger log = LoggerFactory.getLogger(DemoDataOnStart.class);

    private final DemoDataGenerator generator;
    private final double scale;
    private final long seed;

    public DemoDataOnStart(DemoDataGenerator generator, DemoSettings demo) {
        this.generator = generator;
        this.scale = demo.scale();
        this.seed = demo.seed();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void loadOnFirstStart() {
        if (generator.anythingLoaded()) {
            log.info("Demo data already present: nothing loaded");
            return;
        }
        generator.generate(scale, seed, false);
    }
}
