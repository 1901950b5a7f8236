package org.wangwu.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** The hash that links an audit record to its predecessor; changing any field breaks the link. */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hashOf(AuditRecord r) {
        String canonical = String.join("\n",
                r.prevHash, r.tenantId, Long.toString(r.seq), r.id.toString(), r.occurredAt.toString(),
                r.actor, r.action, r.targetType, Objects.toString(r.targetId, ""),
                Objects.toString(r.requestId, ""), Objects.toString(r.detail, ""));
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
