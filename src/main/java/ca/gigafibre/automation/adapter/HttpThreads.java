package ca.gigafibre.automation.adapter;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads every adapter's HTTP client shares, for its own work and for writing request bodies: idle ones are reused
 * (and end after a minute unused), so a night of calls does not start a thread per request. Daemon threads, named, so a
 * thread dump says what they are.
 */
final class HttpThreads {

    private static final AtomicInteger STARTED = new AtomicInteger();

    static final ExecutorService POOL = Executors.newCachedThreadPool(new ThreadFactory() {
        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(work, "external-http-" + STARTED.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    });

    private HttpThreads() {
    }
}
