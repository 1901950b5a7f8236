package org.wangwu.platform.attachment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;
import org.wangwu.platform.tenancy.TenantEntity;

/** A file kept as evidence for something a module owns (a points application, a dispute case). */
@Entity
@Table(name = "attachment")
public class Attachment extends TenantEntity {

    @Id
    public UUID id;

    @Column(name = "module_key")
    public String moduleKey;

    @Column(name = "owner_type")
    public String ownerType;

    @Column(name = "owner_id")
    public String ownerId;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "size_bytes")
    public long sizeBytes;

    public String sha256;

    public byte[] content;

    @Column(name = "uploaded_by")
    public String uploadedBy;

    @Column(name = "uploaded_at")
    public Instant uploadedAt;

    /** The file as a download answer, named by its id (the uploader's file name is not echoed back). */
    public Response download() {
        return Response.ok(content, contentType).header("Content-Disposition", "attachment; filename=\"" + id + "\"").build();
    }
}
