package ca.gigafibre.automation.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** What deploy/ promises the runbook: TLS at the ingress with only the webhooks public, no first-start race, hardened, pinned pods. */
class DeployManifestsTest {

    /** An exact release (17.0.15_6-jre-noble, 15.13-bookworm) or a digest: never "17-jre", "15" or "latest". */
    private static final Pattern PINNED = Pattern.compile("[^:@]+(:\\d+\\.\\d+(\\.\\d+)?[^:@]*)?(@sha256:[0-9a-f]{64})?");

    @Test
    void theEnginesStartOneAfterTheOtherAsNonRootWithTheDefaultSeccompProfile() throws IOException {
        Map<String, Object> engines = kind(documents("kubernetes/engine.yaml"), "StatefulSet");
        Map<String, Object> spec = map(engines, "spec");
        assertThat(spec.get("podManagementPolicy")).isEqualTo("OrderedReady");
        assertThat(spec.get("replicas")).isEqualTo(2);
        Map<String, Object> pod = map(map(spec, "template"), "spec");
        assertThat(map(pod, "securityContext")).containsEntry("runAsNonRoot", true);
        assertThat(map(map(pod, "securityContext"), "seccompProfile")).containsEntry("type", "RuntimeDefault");
        for (Map<String, Object> container : list(pod, "containers")) {
            Map<String, Object> security = map(container, "securityContext");
            assertThat(security).containsEntry("allowPrivilegeEscalation", false);
            assertThat(map(security, "capabilities").get("drop")).isEqualTo(List.of("ALL"));
            assertThat(map(map(container, "resources"), "limits")).containsKey("memory");
            assertThat((String) container.get("image")).matches(PINNED);
        }
    }

    @Test
    void onlyTheWebhooksArePublicAndEveryAddressHasTls() throws IOException {
        List<Map<String, Object>> ingresses = documents("kubernetes/ingress.yaml").stream().filter(d -> "Ingress".equals(d.get("kind"))).toList();
        assertThat(ingresses).hasSize(2);
        for (Map<String, Object> ingress : ingresses) {
            assertThat(list(map(ingress, "spec"), "tls")).isNotEmpty();
        }
        Map<String, Object> publicOne = ingresses.stream().filter(i -> map(i, "metadata").get("name").toString().endsWith("webhooks")).findFirst().orElseThrow();
        List<String> publicPaths = new ArrayList<>();
        for (Map<String, Object> rule : list(map(publicOne, "spec"), "rules")) {
            list(map(rule, "http"), "paths").forEach(p -> publicPaths.add((String) p.get("path")));
        }
        assertThat(publicPaths).containsExactly("/api/webhooks/");
        Map<String, Object> staff = ingresses.stream().filter(i -> i != publicOne).findFirst().orElseThrow();
        assertThat(map(staff, "metadata").get("annotations").toString()).contains("whitelist-source-range");
    }

    @Test
    void theEngineTrustsTheProxysForwardedHeadersAndSendsItsCookieOverHttpsOnly() throws IOException {
        Map<String, Object> server = map(documents("application-prod.yaml").get(0), "server");
        assertThat(server.get("forward-headers-strategy")).isIn("native", "framework");
        assertThat(map(map(map(server, "servlet"), "session"), "cookie")).containsEntry("secure", true);
    }

    @Test
    void composeEnginesRunAsNonRootWithLimitsOnLoopbackAndEveryImageIsPinned() throws IOException {
        Map<String, Object> compose = documents("compose.yaml").get(0);
        Map<String, Object> services = map(compose, "services");
        for (String name : List.of("engine-1", "engine-2")) {
            Map<String, Object> engine = map(services, name);
            assertThat(String.valueOf(engine.get("user"))).doesNotStartWith("0").doesNotStartWith("root").isNotEqualTo("null");
            assertThat(engine).containsKeys("cpus", "mem_limit");
            assertThat(engine.get("cap_drop")).isEqualTo(List.of("ALL"));
            for (Object port : (List<?>) engine.get("ports")) {
                assertThat(port.toString()).startsWith("127.0.0.1:");
            }
        }
        for (Object service : services.values()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> s = (Map<String, Object>) service;
            assertThat((String) s.get("image")).matches(PINNED).contains(":");
        }
        String from = Files.readAllLines(Path.of("deploy/Dockerfile")).stream().filter(l -> l.startsWith("FROM ")).findFirst().orElseThrow();
        assertThat(from.substring(5).strip()).matches(PINNED).contains(":");
    }

    private static List<Map<String, Object>> documents(String file) throws IOException {
        String text = Files.readString(Path.of("deploy", file));
        List<Map<String, Object>> documents = new ArrayList<>();
        StreamSupport.stream(new Yaml().loadAll(text).spliterator(), false).filter(Map.class::isInstance)
                .forEach(d -> documents.add(cast(d)));
        return documents;
    }

    private static Map<String, Object> kind(List<Map<String, Object>> documents, String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).findFirst().orElseThrow(() -> new AssertionError("no " + kind));
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).as(key).containsKey(key);
        return cast(parent.get(key));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        assertThat(parent).as(key).containsKey(key);
        return (List<Map<String, Object>>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
