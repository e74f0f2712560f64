package ca.gigafibre.automation.platform.schedule;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Right before a one-shot command runs (its runner comes after this event), the Camunda job executor and Quartz must
 * be off: otherwise the run stops here, before the command touches anything.
 */
@Component
public class BackgroundWorkOffCheck implements ApplicationListener<ApplicationStartedEvent> {

    private static final Logger log = LoggerFactory.getLogger(BackgroundWorkOffCheck.class);

    private final ProcessEngine engine;
    private final ObjectProvider<Scheduler> quartz;

    public BackgroundWorkOffCheck(ProcessEngine engine, ObjectProvider<Scheduler> quartz) {
        this.engine = engine;
        this.quartz = quartz;
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        OneShotCommand.of(event.getApplicationContext().getEnvironment()).ifPresent(command -> {
            boolean jobs = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().isActive()
                    || event.getApplicationContext().getEnvironment().getProperty("camunda.bpm.job-execution.enabled", Boolean.class, true);
            boolean schedules = quartzStarted();
            if (jobs || schedules) {
                throw new IllegalStateException("--" + command + " must run alone, but the Camunda job executor (" + jobs
                        + ") or Quartz (" + schedules + ") is on");
            }
            log.info("Commande --{} : exécuteur de tâches Camunda et Quartz arrêtés / command --{}: Camunda job executor and Quartz off",
                    command, command);
        });
    }

    private boolean quartzStarted() {
        Scheduler scheduler = quartz.getIfAvailable();
        try {
            return scheduler != null && scheduler.isStarted() && !scheduler.isInStandbyMode();
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }
}
