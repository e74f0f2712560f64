package ca.gigafibre.automation.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gigafibre.automation.testing.IntegrationTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bodies larger than the limits (webhooks 256 KB, the rest of /api and /engine-rest 2 MB) get a 413 problem, and the
 * engine answers before the body has been sent to the end: it does not wait for, nor read, what is beyond the limit.
 */
class RequestBodyLimitTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void aWebhookDeclaringMoreThanItsLimitIsRefusedBeforeItsBodyIsSent() throws Exception {
        List<String> answer = headersOnly("POST /api/webhooks/stripe HTTP/1.1", List.of("Content-Type: application/json",
                "Content-Length: " + (256 * 1024 + 1)), null);
        assertThat(answer.get(0)).isEqualTo("HTTP/1.1 413 ");
        assertThat(answer).anyMatch(h -> h.equalsIgnoreCase("Content-Type: application/problem+json"));
    }

    @Test
    void aChunkedApiBodyIsRefusedOnceItPassesTheLimitWithoutWaitingForItsEnd() throws Exception {
        byte[] chunk = new byte[2 * 1024 * 1024 + 1];
        java.util.Arrays.fill(chunk, (byte) ' ');
        List<String> answer = headersOnly("POST /api/payments HTTP/1.1", List.of("Content-Type: application/json",
                "Authorization: " + FromAddress.basic("ops", "demo"), "Transfer-Encoding: chunked"), chunk);
        assertThat(answer.get(0)).isEqualTo("HTTP/1.1 413 ");
    }

    @Test
    void theEngineRestHasTheLimitToo() throws Exception {
        List<String> answer = headersOnly("POST /engine-rest/message HTTP/1.1", List.of("Content-Type: application/json",
                "Authorization: " + FromAddress.basic("ops", "demo"), "Content-Length: 10000000000"), null);
        assertThat(answer.get(0)).isEqualTo("HTTP/1.1 413 ");
    }

    @Test
    void aWebhookWithinItsLimitStillReachesItsHandler() throws Exception {
        FromAddress.Answer answer = new FromAddress("127.0.0.1", port).send("POST", "/api/webhooks/stripe",
                Map.of("Content-Type", "application/json", "Stripe-Signature", "t=1,v1=00"), "{\"id\":\"evt_1\",\"pad\":\"" + " ".repeat(200_000) + "\"}");
        assertThat(answer.status()).isNotEqualTo(413).isBetween(400, 499);   // refused by the handler: a wrong signature
    }

    /**
     * Sends the head and, for a chunked request, one chunk — never the end of the body — then reads the answer's head:
     * the engine must answer without the rest.
     */
    private List<String> headersOnly(String requestLine, List<String> headers, byte[] chunk) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(20000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(requestLine + "\r\nHost: localhost\r\n");
            headers.forEach(h -> head.append(h).append("\r\n"));
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            if (chunk != null) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            List<String> lines = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                lines.add(line);
            }
            return lines;
        }
    }
}
