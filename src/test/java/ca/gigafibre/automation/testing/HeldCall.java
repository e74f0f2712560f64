package ca.gigafibre.automation.testing;

import static org.mockserver.model.HttpRequest.request;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.matchers.TimeToLive;
import org.mockserver.matchers.Times;
import org.mockserver.model.Delay;
import org.mockserver.model.Header;
import org.mockserver.model.HttpRequest;
import org.mockserver.model.HttpResponse;

/**
 * The first call of one kind that a node makes to a fake external system, done by the fake and its answer held back: the
 * external system has acted (charged the card, configured the ONT, sent the text) and the node waits for the answer — the
 * moment between the answer and the commit, where a node that dies leaves a job the next node must not repeat blindly.
 * The call is told apart by its {@code Authorization} header (give the node its own adapter tokens); the fake gets it
 * without that header and with {@value #RELAYED} set, so a test counting the node's calls can leave the relay out. Each
 * held answer keeps one of MockServer's action threads: raise {@code ConfigurationProperties.actionHandlerThreadCount}
 * above the number of calls held at once before the fakes start, and give the node read timeouts longer than the hold.
 */
public final class HeldCall implements AutoCloseable {

    public static final String RELAYED = "X-Relayed-By-Test";
    private static final Set<String> NOT_RELAYED = Set.of("host", "content-length", "connection", "authorization", "expect", "upgrade",
            "transfer-encoding", "keep-alive");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final CountDownLatch received = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final List<HttpRequest> held = new CopyOnWriteArrayList<>();

    private HeldCall(int port) {
        this.port = port;
    }

    /** Holds the answer to the first {@code method path} call carrying {@code authorization}; later ones go through. */
    public static HeldCall first(ClientAndServer fakes, String method, String pathRegex, String authorization) {
        HeldCall call = new HeldCall(fakes.getLocalPort());
        // MockServer runs a callback without delay on the network thread that read the request, which serves other
        // connections too; with a delay it runs on one of its action threads (mockserver.actionHandlerThreadCount), which
        // a held answer may keep
        fakes.when(request().withMethod(method).withPath(pathRegex).withHeader("Authorization", authorization),
                Times.once(), TimeToLive.unlimited(), 1000).respond(call::hold, Delay.milliseconds(1));
        return call;
    }

    private HttpResponse hold(HttpRequest request) throws Exception {
        if (!Thread.currentThread().getName().startsWith("MockServer-Scheduler")) {
            throw new IllegalStateException("A held answer would block MockServer's thread " + Thread.currentThread().getName());
        }
        HttpResponse answer = relay(request);
        held.add(request);
        received.countDown();
        released.await(10, TimeUnit.MINUTES);
        return answer;
    }

    /** The fake answers the call as it always does (the external system acts). */
    private HttpResponse relay(HttpRequest request) throws IOException, InterruptedException {
        if (!request.getQueryStringParameterList().isEmpty()) {
            throw new IllegalArgumentException("HeldCall relays calls without a query string only: " + request.getPath());
        }
        java.net.http.HttpRequest.Builder relayed = java.net.http.HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + request.getPath().getValue()))
                .timeout(Duration.ofSeconds(30))
                .method(request.getMethod().getValue(), request.getBodyAsString() == null ? BodyPublishers.noBody()
                        : BodyPublishers.ofString(request.getBodyAsString()))
                .header(RELAYED, "held");
        for (Header header : request.getHeaderList()) {
            if (!NOT_RELAYED.contains(header.getName().getValue().toLowerCase())) {
                header.getValues().forEach(value -> relayed.header(header.getName().getValue(), value.getValue()));
            }
        }
        java.net.http.HttpResponse<String> answer = HTTP.send(relayed.build(), BodyHandlers.ofString());
        HttpResponse response = HttpResponse.response().withStatusCode(answer.statusCode()).withBody(answer.body());
        answer.headers().firstValue("Content-Type").ifPresent(type -> response.withHeader("Content-Type", type));
        return response;
    }

    /** The call reached the fake, which acted on it; its answer is held. */
    public boolean received() {
        return received.getCount() == 0;
    }

    public HttpRequest call() {
        return held.get(0);
    }

    /** Every call this hold caught: exactly one, since the expectation matches once. */
    public List<HttpRequest> caught() {
        return List.copyOf(held);
    }

    /** Lets the answer go (to the node, or to nobody when the node is gone). */
    public void release() {
        released.countDown();
    }

    @Override
    public void close() {
        release();
    }

    /** Calls the nodes made themselves, without the test's relays of held calls. */
    public static List<HttpRequest> fromNodes(ClientAndServer fakes, HttpRequest matcher) {
        return java.util.Arrays.stream(fakes.retrieveRecordedRequests(matcher)).map(HttpRequest.class::cast)
                .filter(r -> !r.containsHeader(RELAYED)).toList();
    }
}
