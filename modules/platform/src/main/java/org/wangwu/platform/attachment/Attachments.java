package org.wangwu.platform.attachment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.wangwu.platform.audit.AuditLog;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.time.PlatformClock;

/**
 * Stores and serves evidence files. A file is accepted only if its size is within the module's limit
 * and its bytes really are of an allowed type (JPEG, PNG or PDF are recognised by their signatures),
 * whatever its name or declared type says.
 */
@ApplicationScoped
public class Attachments {

    /** A module's limits, usually from the county's settings. */
    public record Policy(long maxBytes, Set<String> contentTypes) {
    }

    /** An attachment as the API lists it (never the bytes). */
    public record AttachmentView(
            @Schema(description = "The file's id") UUID id,
            @Schema(description = "The name the file was uploaded with", examples = "调解现场.jpg") String fileName,
            @Schema(description = "Its media type, checked from the content", examples = "image/jpeg") String contentType,
            @Schema(description = "Its size in bytes", examples = "182304") long sizeBytes,
            @Schema(description = "SHA-256 of the content (hex), so that a copy can be checked", examples = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256,
            @Schema(description = "Who uploaded it", examples = "jiyuan-mediator") String uploadedBy,
            @Schema(description = "When it was uploaded") Instant uploadedAt) {
        static AttachmentView of(Attachment a) {
            return new AttachmentView(a.id, a.fileName, a.contentType, a.sizeBytes, a.sha256, a.uploadedBy, a.uploadedAt);
        }
    }

    private static final Map<String, byte[]> SIGNATURES = Map.of(
            "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'},
            "application/pdf", new byte[] {'%', 'P', 'D', 'F'});

    @Inject
    Vertx vertx;

    @Inject
    AuditLog audit;

    @Inject
    PlatformClock clock;

    public Uni<AttachmentView> store(Mutiny.Session session, CountyCode county, Caller caller, String moduleKey,
                                     String ownerType, Object ownerId, FileUpload upload, Policy policy) {
        if (upload == null || upload.uploadedFile() == null) {
            throw ProblemException.invalidField("file", "is required (multipart form field 'file')");
        }
        if (upload.size() > policy.maxBytes()) {
            throw ProblemException.invalidField("file", "is " + upload.size() + " bytes; at most " + policy.maxBytes()
                    + " are accepted");
        }
        if (upload.size() == 0) {
            throw ProblemException.invalidField("file", "is empty");
        }
        return vertx.fileSystem().readFile(upload.uploadedFile().toString()).chain(buffer -> {
            byte[] bytes = buffer.getBytes();
            String type = sniff(bytes);
            if (type == null || !policy.contentTypes().contains(type)) {
                throw ProblemException.invalidField("file", "must be one of " + new TreeSet<>(policy.contentTypes())
                        + " (recognised by content, not by name)");
            }
            Attachment a = new Attachment();
            a.id = UUID.randomUUID();
            a.moduleKey = moduleKey;
            a.ownerType = ownerType;
            a.ownerId = ownerId.toString();
            a.fileName = safeName(upload.fileName());
            a.contentType = type;
            a.sizeBytes = bytes.length;
            a.sha256 = sha256(bytes);
            a.content = bytes;
            a.uploadedBy = caller.actor();
            a.uploadedAt = clock.now();
            return session.persist(a)
                    .chain(() -> audit.record(session, county, caller, moduleKey + ".attachment-added", ownerType,
                            ownerId, Map.of("attachment", a.id.toString(), "sha256", a.sha256)))
                    .replaceWith(AttachmentView.of(a));
        });
    }

    public Uni<List<AttachmentView>> list(Mutiny.Session session, String moduleKey, String ownerType, Object ownerId) {
        return session.createSelectionQuery("""
                        from Attachment where moduleKey = :m and ownerType = :t and ownerId = :o order by uploadedAt""",
                        Attachment.class)
                .setParameter("m", moduleKey).setParameter("t", ownerType).setParameter("o", ownerId.toString())
                .getResultList().map(list -> list.stream().map(AttachmentView::of).toList());
    }

    /** The file itself, only if it belongs to the given owner (so ids cannot be used across owners). */
    public Uni<Attachment> read(Mutiny.Session session, String moduleKey, String ownerType, Object ownerId, UUID id) {
        return session.find(Attachment.class, id).map(a -> {
            if (a == null || !a.moduleKey.equals(moduleKey) || !a.ownerType.equals(ownerType)
                    || !a.ownerId.equals(ownerId.toString())) {
                throw ProblemException.notFound("Attachment", id);
            }
            return a;
        });
    }

    private static String sniff(byte[] bytes) {
        for (Map.Entry<String, byte[]> signature : SIGNATURES.entrySet()) {
            byte[] magic = signature.getValue();
            if (bytes.length >= magic.length && java.util.Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length)) {
                return signature.getKey();
            }
        }
        return null;
    }

    private static String safeName(String name) {
        String cleaned = name == null ? "file" : name.replaceAll("[\\\\/\\p{Cntrl}]", "_");
        return cleaned.length() > 255 ? cleaned.substring(cleaned.length() - 255) : cleaned;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
