package org.wangwu.consultation.suggestion;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.consultation.ConsultationFacts;
import org.wangwu.consultation.ConsultationPermissions;
import org.wangwu.consultation.ConsultationPolicy;
import org.wangwu.consultation.matter.Matter;
import org.wangwu.consultation.suggestion.SuggestionViews.NewSuggestion;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.wangwu.consultation.ConsultationModule;
import org.wangwu.platform.attachment.Attachment;
import org.wangwu.platform.attachment.Attachments;
import org.wangwu.platform.attachment.Attachments.AttachmentView;
import org.wangwu.platform.audit.AuditLog;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.territory.PlaceDirectory;
import org.wangwu.platform.territory.TerritoryViews.ResidentView;
import org.wangwu.platform.time.PlatformClock;
import org.wangwu.platform.web.Cursor;
import org.wangwu.platform.web.Page;

/** Collecting villagers' suggestions (意见征集) and answering them: a reply, a merge into a matter, or a reasoned no. */
@ApplicationScoped
public class SuggestionService {

    public static final String TARGET = "consultation-suggestion";
    private static final java.util.Set<String> FILE_TYPES = java.util.Set.of("image/jpeg", "image/png", "application/pdf");

    @Inject
    Attachments attachments;

    @Inject
    ConsultationPermissions permissions;

    @Inject
    ConsultationFacts facts;

    @Inject
    PlaceDirectory places;

    @Inject
    AuditLog audit;

    @Inject
    PlatformClock clock;

    public Uni<Suggestion> submit(Mutiny.Session s, CountyCode county, Caller caller, ConsultationPolicy policy,
                                  NewSuggestion in) {
        permissions.suggest(caller, in.villageCode());
        policy.category(in.category());
        return registered(s, caller).chain(me -> {
            Suggestion x = new Suggestion();
            x.id = UUID.randomUUID();
            x.villageCode = in.villageCode();
            x.category = in.category();
            x.text = in.text();
            x.author = caller.actor();
            x.authorName = me.name();
            x.status = Suggestion.Status.OPEN;
            x.submittedAt = clock.now();
            return s.persist(x)
                    .chain(() -> facts.suggestionReceived(s, county, x.villageCode, x.category, x.submittedAt))
                    .chain(() -> audit.record(s, county, caller, "consultation.suggestion-submitted", TARGET, x.id,
                            Map.of("category", x.category)))
                    .replaceWith(x);
        });
    }

    /** A cadre's reply (the suggestion is answered without a matter) or a reasoned decline. */
    public Uni<Suggestion> answer(Mutiny.Session s, CountyCode county, Caller caller, UUID id, Suggestion.Status outcome,
                                  String text) {
        return open(s, caller, id).chain(x -> {
            x.status = outcome;
            x.reply = text;
            x.answeredBy = caller.actor();
            x.answeredAt = clock.now();
            return audit.record(s, county, caller, "consultation.suggestion-" + outcome.name().toLowerCase(), TARGET, x.id,
                    Map.of("reply", text)).replaceWith(x);
        });
    }

    /** Merges open suggestions of the matter's village into it; each one's author can then follow the matter. */
    public Uni<Void> merge(Mutiny.Session s, CountyCode county, Caller caller, Matter m, List<UUID> ids) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID id : ids.stream().distinct().toList()) {
            chain = chain.chain(() -> open(s, caller, id).chain(x -> {
                if (!x.villageCode.equals(m.villageCode)) {
                    throw ProblemException.invalidField("suggestionIds", "suggestion " + id + " is of another village");
                }
                x.status = Suggestion.Status.MERGED;
                x.matterId = m.id;
                x.reply = "已纳入议事事项 / taken into the matter: " + m.title;
                x.answeredBy = caller.actor();
                x.answeredAt = clock.now();
                return audit.record(s, county, caller, "consultation.suggestion-merged", TARGET, x.id,
                        Map.of("matter", m.id.toString())).replaceWithVoid();
            }));
        }
        return chain;
    }

    public Uni<Suggestion> readable(Mutiny.Session s, Caller caller, UUID id) {
        return s.find(Suggestion.class, id).map(x -> {
            if (x == null) {
                throw ProblemException.notFound("Suggestion", id);
            }
            if (!x.author.equals(caller.actor())) {
                permissions.read(caller, x.villageCode);
            }
            return x;
        });
    }

    /** Suggestions of a place, or (author set) of one author; newest first, optionally of one status. */
    public Uni<Page<Suggestion>> list(Mutiny.Session s, String place, String author, Suggestion.Status status, int limit,
                                      String cursor) {
        Cursor after = Cursor.parse(cursor);
        String hql = "from Suggestion where " + (author != null ? "author = :who" : "villageCode like :place")
                + (status == null ? "" : " and status = :status")
                + (after == null ? "" : Cursor.after("submittedAt", "id")) + " order by submittedAt desc, id desc";
        var q = s.createSelectionQuery(hql, Suggestion.class).setMaxResults(limit + 1);
        if (author != null) {
            q.setParameter("who", author);
        } else {
            q.setParameter("place", place + "%");
        }
        if (status != null) {
            q.setParameter("status", status);
        }
        if (after != null) {
            q.setParameter("cursorAt", after.at()).setParameter("cursorId", after.id());
        }
        return q.getResultList().map(rows -> Page.of(rows, limit, x -> x, x -> Cursor.of(x.submittedAt, x.id)));
    }

    /** The signed-in resident's register entry: a suggestion, objection or evaluation is by a known villager. */
    public Uni<ResidentView> registered(Mutiny.Session s, Caller caller) {
        return places.residentByAccount(s, caller.username()).map(me -> {
            if (me == null) {
                throw ProblemException.forbidden("not-registered", "Your login is not linked to an entry of the register; "
                        + "ask the village to link it");
            }
            return me;
        });
    }

    private Uni<Suggestion> open(Mutiny.Session s, Caller caller, UUID id) {
        return s.find(Suggestion.class, id).map(x -> {
            if (x == null) {
                throw ProblemException.notFound("Suggestion", id);
            }
            permissions.answerSuggestion(caller, x.villageCode);
            if (x.status != Suggestion.Status.OPEN) {
                throw ProblemException.conflict("suggestion-answered", "This suggestion is already " + x.status,
                        Map.of("status", x.status.name()));
            }
            return x;
        });
    }

    /** The author adds a file while the suggestion is open. */
    public Uni<AttachmentView> attach(Mutiny.Session s, CountyCode county, Caller caller, ConsultationPolicy policy,
                                      UUID id, FileUpload file) {
        return s.find(Suggestion.class, id).chain(x -> {
            if (x == null || !x.author.equals(caller.actor())) {
                throw ProblemException.notFound("Suggestion", id);
            }
            if (x.status != Suggestion.Status.OPEN) {
                throw ProblemException.conflict("suggestion-answered", "This suggestion is already " + x.status);
            }
            return attachments.store(s, county, caller, ConsultationModule.KEY, TARGET, x.id, file,
                    new Attachments.Policy(policy.attachmentMaxBytes(), FILE_TYPES));
        });
    }

    public Uni<List<AttachmentView>> attachments(Mutiny.Session s, Suggestion x) {
        return attachments.list(s, ConsultationModule.KEY, TARGET, x.id);
    }

    public Uni<Attachment> attachment(Mutiny.Session s, Suggestion x, UUID attachmentId) {
        return attachments.read(s, ConsultationModule.KEY, TARGET, x.id, attachmentId);
    }
}
