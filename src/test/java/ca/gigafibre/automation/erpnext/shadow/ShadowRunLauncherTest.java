package ca.gigafibre.automation.erpnext.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ca.gigafibre.automation.platform.schedule.ClusteredJobs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quartz.JobDataMap;
import org.quartz.JobKey;
import org.quartz.Scheduler;

/** Where the scheduler runs, a shadow run is the clustered job (another node can finish it), never a thread of this node. */
class ShadowRunLauncherTest {

    private final Scheduler scheduler = mock(Scheduler.class);
    private final ShadowRunExecution execution = mock(ShadowRunExecution.class);
    private final List<Runnable> localThread = new ArrayList<>();
    private final LocalRunLeases leases = mock(LocalRunLeases.class);
    private final ShadowRunLauncher launcher = new ShadowRunLauncher(new ClusteredJobs(scheduler), execution, localThread::add, leases);

    @Test
    void whereTheSchedulerRunsTheRunIsFiredAsTheClusteredJobWithItsId() throws Exception {
        when(scheduler.isStarted()).thenReturn(true);

        launcher.launch(42);

        verify(scheduler).triggerJob(eq(ShadowRunJob.KEY), argThat(data -> "42".equals(data.getString(ShadowRunJob.RUN_ID))));
        assertThat(localThread).isEmpty();
        verify(execution, never()).execute(42);
        verify(leases, never()).take(42);
    }

    @Test
    void whereTheSchedulerIsNotStartedItIsComputedOnALocalThread() throws Exception {
        when(scheduler.isStarted()).thenReturn(false);

        launcher.launch(43);

        verify(scheduler, never()).triggerJob(any(JobKey.class), any(JobDataMap.class));
        assertThat(localThread).hasSize(1);
        verify(leases).take(43);   // held from the moment it is queued
        verify(leases, never()).release(43);
        localThread.get(0).run();
        verify(execution).execute(43);
        verify(leases).release(43);
    }
}
