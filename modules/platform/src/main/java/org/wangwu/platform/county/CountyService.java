package org.wangwu.platform.county;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.audit.AuditLog;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;

/** Onboards, suspends and reactivates counties; each change is audited in the county's own chain. */
@ApplicationScoped
public class CountyService {

    @Inject
    TenantTransactions tx;

    @Inject
    AuditLog audit;

    @Inject
    org.wangwu.platform.identity.KeycloakOrganizations organizations;

    public Uni<County> onboard(Caller caller, CountyOnboarding request) {
        CountyCode code = CountyCode.of(request.code());
        if (!code.provinceCode().equals(request.province())) {
            throw ProblemException.invalidField("province", "must be the first two digits of the county code ("
                    + code.provinceCode() + ")");
        }
        return tx.inCounty(code, session -> session.find(Province.class, request.province())
                .chain(province -> {
                    if (province == null) {
                        throw ProblemException.invalidField("province", "is not a province code of GB/T 2260");
                    }
                    return session.find(County.class, code.value());
                })
                .chain(existing -> {
                    if (existing != null) {
                        throw ProblemException.conflict("county-exists", "County " + code + " is already onboarded");
                    }
                    County county = new County();
                    county.code = code.value();
                    county.provinceCode = request.province();
                    county.nameZh = request.nameZh();
                    county.nameEn = request.nameEn();
                    county.status = County.Status.ACTIVE;
                    county.onboardedAt = Instant.now();
                    county.updatedAt = county.onboardedAt;
                    // The organization is created before the commit: if Keycloak refuses, the county is not onboarded.
                    return session.persist(county).chain(session::flush)
                            .chain(() -> organizations.ensureCounty(county.code, county.nameZh, county.nameEn,
                                    county.provinceCode))
                            .chain(() -> audit.record(session, code, caller, "county.onboarded", "county", code,
                                    Map.of("nameZh", county.nameZh, "nameEn", county.nameEn, "province", county.provinceCode)))
                            .replaceWith(county);
                }));
    }

    public Uni<County> changeStatus(Caller caller, CountyCode code, County.Status target, String reason) {
        return tx.inCounty(code, session -> session.find(County.class, code.value())
                .chain(county -> {
                    if (county == null) {
                        throw ProblemException.notFound("County", code);
                    }
                    if (county.status == target) {
                        throw ProblemException.conflict("county-status",
                                "County " + code + " is already " + target, Map.of("status", target.name()));
                    }
                    county.status = target;
                    county.statusReason = reason;
                    county.updatedAt = Instant.now();
                    String action = target == County.Status.SUSPENDED ? "county.suspended" : "county.reactivated";
                    return audit.record(session, code, caller, action, "county", code,
                                    reason == null ? Map.of() : Map.of("reason", reason))
                            .replaceWith(county);
                }));
    }

    public Uni<County> find(CountyCode code) {
        return tx.platform(session -> session.find(County.class, code.value()))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("County", code));
    }

    public Uni<List<County>> list(String province) {
        return tx.platform(session -> province == null
                ? session.createSelectionQuery("from County order by code", County.class).getResultList()
                : session.createSelectionQuery("from County where provinceCode = :p order by code", County.class)
                        .setParameter("p", province).getResultList());
    }
}
