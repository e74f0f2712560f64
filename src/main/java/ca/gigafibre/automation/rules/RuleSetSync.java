package ca.gigafibre.automation.rules;

import ca.gigafibre.automation.platform.NodeSettings;
import ca.gigafibre.automation.platform.audit.AuditLog;
import ca.gigafibre.automation.workflow.AnalystResource;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Keeps every node on the same rules: a node publishes the rule set it compiled (at start-up, and at each reload) to
 * {@code rule_set}; every node checks every {@code automation.rules.sync-interval} which one is in force and, when it is
 * not the one it runs, compiles that one's DRL and swaps it in. Each node records the version it runs.
 */
@Service
public class RuleSetSync implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RuleSetSync.class);

    private final JdbcClient jdbc;
    private final RuleBase ruleBase;
    private final RuleSetCompiler compiler;
    private final ObjectMapper json;
    private final String nodeId;
    private final Duration interval;
    private ScheduledExecutorService poller;

    public RuleSetSync(JdbcClient jdbc, RuleBase ruleBase, RuleSetCompiler compiler, ObjectMapper json,
                       NodeSettings node, RulesSettings settings) {
        this.jdbc = jdbc;
        this.ruleBase = ruleBase;
        this.compiler = compiler;
        this.json = json;
        this.nodeId = node.name();
        this.interval = settings.syncInterval();
    }

    public record NodeVersion(String nodeId, String version, OffsetDateTime seenAt) {
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        publish(ruleBase.current());
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "rule-set-sync");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::pollQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** This node's rule set becomes the one in force for every node. */
    public void publish(RuleSet ruleSet) {
        Map<String, String> files = new LinkedHashMap<>();
        ruleSet.sources().forEach(source -> files.put(source.name(), new String(source.content(), StandardCharsets.UTF_8)));
        jdbc.sql("""
                INSERT INTO automation.rule_set (version, files, generation, published_by)
                VALUES (:version, CAST(:files AS jsonb), nextval('automation.rule_set_generation'), :by)
                ON CONFLICT (version) DO UPDATE SET generation = nextval('automation.rule_set_generation'), published_at = now(),
                    published_by = EXCLUDED.published_by
                """).param("version", ruleSet.version()).param("files", write(files)).param("by", AuditLog.currentActor() + "@" + nodeId)
                .update();
        seen(ruleSet.version());
    }

    /** Runs the rule set in force when it is not the one running here; true when it swapped. */
    public boolean poll() {
        Optional<Map.Entry<String, String>> inForce = jdbc.sql("SELECT version, files::text FROM automation.rule_set ORDER BY generation DESC LIMIT 1")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).optional();
        boolean swapped = false;
        if (inForce.isPresent() && !inForce.get().getKey().equals(ruleBase.current().version())) {
            Map<String, String> files = read(inForce.get().getValue());
            List<AnalystResource> sources = files.entrySet().stream()
                    .map(f -> new AnalystResource(f.getKey(), f.getValue().getBytes(StandardCharsets.UTF_8))).toList();
            ruleBase.use(compiler.compile(sources));
            swapped = true;
        }
        seen(ruleBase.current().version());
        return swapped;
    }

    public String nodeId() {
        return nodeId;
    }

    public Optional<String> versionInForce() {
        return jdbc.sql("SELECT version FROM automation.rule_set ORDER BY generation DESC LIMIT 1").query(String.class).optional();
    }

    public List<NodeVersion> nodes() {
        return jdbc.sql("SELECT node_id, version, seen_at FROM automation.rule_set_node ORDER BY node_id")
                .query((rs, n) -> new NodeVersion(rs.getString(1), rs.getString(2), ca.gigafibre.automation.platform.time.BusinessTime.read(rs, "seen_at")))
                .list();
    }

    @Override
    public void destroy() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("Rule set sync failed; this node keeps rules {}: {}", ruleBase.current().version(), e.getMessage());
        }
    }

    private void seen(String version) {
        jdbc.sql("""
                INSERT INTO automation.rule_set_node (node_id, version, seen_at) VALUES (:node, :version, now())
                ON CONFLICT (node_id) DO UPDATE SET version = EXCLUDED.version, seen_at = EXCLUDED.seen_at
                """).param("node", nodeId).param("version", version).update();
    }

    private String write(Map<String, String> files) {
        try {
            return json.writeValueAsString(files);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String files) {
        try {
            return json.readValue(files, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("rule_set.files is not readable", e);
        }
    }
}
