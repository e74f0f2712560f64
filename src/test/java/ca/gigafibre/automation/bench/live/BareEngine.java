package ca.gigafibre.automation.bench.live;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The anchor of the engine figures: a BPMN without code, deployed through {@code /engine-rest} on the same running
 * engine, with what a billing run's invoice costs the engine — a start, two async steps and a timer — so the same
 * PostgreSQL and job executor do the engine's bare work for as many instances as the run wrote invoices.
 */
final class BareEngine {

    static final String KEY = "bench-anchor";
    static final String TIMER = "Timer_Anchor";

    private final EngineHttp http;

    BareEngine(EngineHttp http) {
        this.http = http;
    }

    void deploy() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).name("Ancre du banc d'essai / Benchmark anchor").camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Anchor").name("Départ / Start").camundaAsyncAfter()
                .manualTask("Task_Anchor").name("Étape asynchrone / Async step").camundaAsyncBefore()
                .intermediateCatchEvent(TIMER).name("Heures d'envoi / Notification window").timerWithDuration("PT1H")
                .endEvent("EndEvent_Anchor").name("Fin / End").done();
        http.deploy("admin", "bench-anchor", "bench-anchor.bpmn", Bpmn.convertToString(model));
    }

    /** Starts {@code count} instances through the REST API, four requests in flight (the engine's HTTP threads share the cores). */
    void start(int count) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> done = pool.invokeAll(java.util.Collections.nCopies(4, () -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    http.post("admin", "/engine-rest/process-definition/key/" + KEY + "/start", Map.of("businessKey", "anchor-" + i));
                }
                return null;
            }));
            for (Future<Object> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
