package ca.gigafibre.automation.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code automation.node-id}: the name this node reports where nodes are told apart (the rule set each node runs,
 * {@code GET /api/admin/rules}); production sets the pod or host name. Empty (default): host:pid, see {@link #name()}.
 * The key sits directly under {@code automation}, hence the prefix.
 */
@ConfigurationProperties("automation")
public record NodeSettings(String nodeId) {

    public NodeSettings {
        nodeId = nodeId == null ? "" : nodeId;
    }

    /** {@code automation.node-id}, or host:pid when it is empty. */
    public String name() {
        return nodeId.isBlank() ? hostAndPid() : nodeId;
    }

    private static String hostAndPid() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName() + ":" + ProcessHandle.current().pid();
        } catch (java.net.UnknownHostException e) {
            return "node:" + ProcessHandle.current().pid();
        }
    }
}
