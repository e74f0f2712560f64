package ca.gigafibre.automation.bench.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * An earlier engine's billing run, measured by the same client in the same bench/run as the current one ({@code --baseline
 * REV}), and how the current one compares: per invoice, and per invoice over each run's own bare engine (the machine's
 * load moves both the same way).
 */
record BaselineBilling(String rev, int invoices, double quietSeconds, double anchorSeconds) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static void write(Path out, EngineFigures.Billing billing) throws IOException {
        Files.writeString(out, JSON.writeValueAsString(Map.of("invoices", billing.invoices(), "quietSeconds", billing.quietSeconds(),
                "anchorSeconds", billing.anchorSeconds())));
    }

    static BaselineBilling read(Path in, String rev) throws IOException {
        JsonNode saved = JSON.readTree(in.toFile());
        return new BaselineBilling(rev, saved.path("invoices").asInt(), saved.path("quietSeconds").asDouble(), saved.path("anchorSeconds").asDouble());
    }

    double msPerInvoice() {
        return 1000 * quietSeconds / Math.max(1, invoices);
    }

    /** Not slower: the current run's cost per invoice at most the earlier engine's, measured minutes apart on this machine. */
    Figure compareWith(EngineFigures.Billing now) {
        double ratio = now.msPerInvoice() / msPerInvoice();
        return new Figure("billing run before (" + rev + ") and after (this code), same bench/run",
                String.format("after %.2f ms per invoice (%,d invoices, %.1f s); before %.2f ms per invoice (%,d invoices, %.1f s)", now.msPerInvoice(),
                        now.invoices(), now.quietSeconds(), msPerInvoice(), invoices, quietSeconds),
                String.format("bare engine after %.1f s, before %.1f s", now.anchorSeconds(), anchorSeconds),
                String.format("×%.2f (over each run's bare engine ×%.2f)", ratio, (now.quietSeconds() / now.anchorSeconds()) / (quietSeconds / anchorSeconds)),
                "not slower (≤ ×1.00)", Figure.met(ratio <= 1.0),
                "the earlier engine started by bench/run from a worktree of " + rev + " with its own home and ports, loaded with the same demo "
                        + "data and measured by this client the same way (with the same --only), then stopped before this engine started");
    }
}
