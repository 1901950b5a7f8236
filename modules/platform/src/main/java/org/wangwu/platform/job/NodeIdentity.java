package org.wangwu.platform.job;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node's name among the replicas, written on job runs and leases: {@code wangwu.node-id}, else
 * the host name (the pod's name on Kubernetes) with a random suffix, so two processes never share one.
 */
@ApplicationScoped
public class NodeIdentity {

    private final String id;

    public NodeIdentity(@ConfigProperty(name = "wangwu.node-id") Optional<String> configured) {
        String host = System.getenv().getOrDefault("HOSTNAME", "node");
        this.id = configured.filter(v -> !v.isBlank())
                .orElseGet(() -> host + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public String id() {
        return id;
    }
}
