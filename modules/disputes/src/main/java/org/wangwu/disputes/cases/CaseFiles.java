package org.wangwu.disputes.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.disputes.DisputesModule;
import org.wangwu.disputes.DisputesPermissions;
import org.wangwu.disputes.DisputesRules;
import org.wangwu.disputes.cases.CaseViews.AgreementView;
import org.wangwu.disputes.cases.CaseViews.CaseDossier;
import org.wangwu.disputes.cases.CaseViews.CaseSummary;
import org.wangwu.disputes.cases.CaseViews.PartyPersonalData;
import org.wangwu.disputes.cases.CaseViews.SessionView;
import org.wangwu.disputes.cases.CaseViews.StepView;
import org.wangwu.platform.audit.AuditLog;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.module.ModuleService;
import org.wangwu.platform.privacy.PersonalDataProtector;
import org.wangwu.platform.tenancy.CountyCode;

/** Loads a case with its mediators (what the permissions decide on) and the county's rules; serves its reads. */
@ApplicationScoped
public class CaseFiles {

    @Inject
    DisputesPermissions permissions;

    @Inject
    ModuleService modules;

    @Inject
    PersonalDataProtector protector;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper json;

    public Uni<DisputesRules> rules(Mutiny.Session session) {
        return modules.settings(session, DisputesModule.KEY).map(DisputesRules::new);
    }

    public Uni<CaseFile> load(Mutiny.Session session, UUID id) {
        return session.find(DisputeCase.class, id).chain(c -> {
            if (c == null) {
                throw ProblemException.notFound("Dispute case", id);
            }
            return session.createSelectionQuery("from Assignment where caseId = :id order by assignedAt", Assignment.class)
                    .setParameter("id", id).getResultList().map(list -> new CaseFile(c, list));
        });
    }

    public <T> Uni<List<T>> summaries(Mutiny.Session session, List<DisputeCase> cases, Function<CaseFile, T> view) {
        if (cases.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return session.createSelectionQuery("from Assignment where caseId in :ids order by assignedAt", Assignment.class)
                .setParameter("ids", cases.stream().map(c -> c.id).toList()).getResultList()
                .map(assignments -> cases.stream().map(c -> view.apply(new CaseFile(c,
                        assignments.stream().filter(a -> a.caseId.equals(c.id)).toList()))).toList());
    }

    public Uni<List<CaseParty>> parties(Mutiny.Session session, UUID caseId) {
        return session.createSelectionQuery("from CaseParty where caseId = :id order by role, name", CaseParty.class)
                .setParameter("id", caseId).getResultList();
    }

    public Uni<CaseSummary> summary(Mutiny.Session session, Caller caller, UUID id) {
        return load(session, id).map(file -> {
            permissions.readSummary(caller, file);
            return CaseSummary.of(file.dispute(), file.assignments());
        });
    }

    public Uni<List<StepView>> history(Mutiny.Session session, Caller caller, UUID id) {
        return load(session, id).chain(file -> {
            permissions.readSummary(caller, file);
            return session.createSelectionQuery("from CaseStep where caseId = :id order by occurredAt, id", CaseStep.class)
                    .setParameter("id", id).getResultList().map(list -> list.stream().map(StepView::of).toList());
        });
    }

    public Uni<CaseDossier> dossier(Mutiny.Session session, Caller caller, UUID id) {
        return load(session, id).chain(file -> {
            permissions.readDossier(caller, file);
            return parties(session, id).map(parties -> CaseDossier.of(file, parties));
        });
    }

    /** The one place a party's unmasked data leaves the module; the read itself is audited. */
    public Uni<PartyPersonalData> personalData(Mutiny.Session session, CountyCode county, Caller caller, UUID id,
                                               UUID partyId) {
        return load(session, id).chain(file -> {
            permissions.readPersonalData(caller, file);
            return session.find(CaseParty.class, partyId);
        }).chain(p -> {
            if (p == null || !p.caseId.equals(id)) {
                throw ProblemException.notFound("Party", partyId);
            }
            return audit.record(session, county, caller, "disputes.party-personal-data-read", "dispute-party",
                            partyId, Map.of("case", id.toString(), "fields", List.of("idNumber", "phone")))
                    .replaceWith(() -> new PartyPersonalData(p.id, p.name, protector.idNumber(p.personalData),
                            protector.phone(p.personalData)));
        });
    }

    public Uni<List<SessionView>> sessions(Mutiny.Session session, Caller caller, UUID id) {
        return load(session, id).chain(file -> {
            permissions.readDossier(caller, file);
            return session.createSelectionQuery("from MediationSession where caseId = :id order by scheduledAt",
                    MediationSession.class).setParameter("id", id).getResultList();
        }).map(list -> list.stream().map(this::view).toList());
    }

    public Uni<SessionView> mediationSession(Mutiny.Session session, Caller caller, UUID id, UUID sessionId) {
        return load(session, id).chain(file -> {
            permissions.readDossier(caller, file);
            return session.createSelectionQuery("from MediationSession where caseId = :id and id = :session",
                    MediationSession.class).setParameter("id", id).setParameter("session", sessionId)
                    .getSingleResultOrNull();
        }).onItem().ifNull().failWith(() -> ProblemException.notFound("Mediation session", sessionId)).map(this::view);
    }

    public Uni<AgreementView> agreement(Mutiny.Session session, Caller caller, UUID id) {
        return load(session, id).map(file -> {
            permissions.readDossier(caller, file);
            AgreementView view = AgreementView.of(file.dispute());
            if (view == null) {
                throw ProblemException.notFound("Agreement of case", id);
            }
            return view;
        });
    }

    SessionView view(MediationSession s) {
        return new SessionView(s.id, s.level, s.scheduledAt, s.place, read(s.participants), s.heldAt, s.minutes,
                s.createdBy, s.recordedBy);
    }

    String write(List<String> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> read(String stored) {
        try {
            return json.readValue(stored, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
