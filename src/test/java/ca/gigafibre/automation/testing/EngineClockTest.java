package ca.gigafibre.automation.testing;

import ca.gigafibre.automation.adapter.fake.FakeExternalSystems;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A process test on the engine clock: before each test the fakes forget what they were told and the clock stands at
 * 10:00 on a cut day (inside the notification and cut windows); after it, the real clock is back.
 */
public abstract class EngineClockTest extends IntegrationTest {

    @Autowired
    protected ProcessEngine engine;

    @Autowired
    protected RuntimeService runtime;

    @Autowired
    protected TestCustomers customers;

    @Autowired
    protected FakeExternalSystems fakes;

    @Autowired
    protected Jobs jobs;

    @Autowired
    protected BusinessDayClock clock;

    /** The day the test starts on, at 10:00: a cut day, so a business day whose next day is one too. */
    protected LocalDate start;

    @BeforeEach
    void startOnACutDay() {
        BpmnAwareTests.init(engine);
        fakes.reset();
        start = clock.businessDay();
    }

    @AfterEach
    void backToTheRealClock() {
        clock.reset();
    }
}
