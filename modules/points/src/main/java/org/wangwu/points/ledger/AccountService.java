package org.wangwu.points.ledger;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.audit.AuditLog;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.Role;
import org.wangwu.platform.territory.PlaceDirectory;
import org.wangwu.platform.territory.TerritoryViews.ResidentView;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.time.PlatformClock;
import org.wangwu.platform.web.Page;
import org.wangwu.points.PointsPermissions;
import org.wangwu.points.ledger.AccountViews.AccountView;
import org.wangwu.points.ledger.AccountViews.EntryView;
import org.wangwu.points.ledger.LedgerEntry.Kind;
import org.wangwu.points.rules.PointsPolicy;

/** Accounts, statements and corrections (reversing entries). */
@ApplicationScoped
public class AccountService {

    @Inject
    Ledger ledger;

    @Inject
    PlaceDirectory places;

    @Inject
    PointsPermissions permissions;

    @Inject
    AuditLog audit;

    @Inject
    PlatformClock clock;

    /** The register entry of the signed-in resident. */
    public Uni<ResidentView> ownResident(Mutiny.Session session, Caller caller) {
        permissions.ownAccount(caller);
        return places.residentByAccount(session, caller.username()).map(r -> {
            if (r == null) {
                throw ProblemException.forbidden("no-register-entry",
                        "Your login is not linked to an entry of the county's register; ask the county administrator");
            }
            return r;
        });
    }

    /** The holder a signed-in resident's points go to: themselves or their household. */
    public Uni<Ledger.Holder> ownHolder(Mutiny.Session session, Caller caller, PointsPolicy policy) {
        return ownResident(session, caller).chain(r -> ledger.holder(session, policy, r.id(), null));
    }

    public Uni<AccountView> mine(Mutiny.Session session, Caller caller, PointsPolicy policy) {
        return ownHolder(session, caller, policy).chain(h -> ledger.find(session, h)
                .map(a -> a == null ? AccountView.unopened(h) : AccountView.of(a)));
    }

    /** An account its holder may read, and staff or clerks in reach. */
    public Uni<PointsAccount> readable(Mutiny.Session session, Caller caller, PointsPolicy policy, UUID id) {
        return session.find(PointsAccount.class, id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Points account", id))
                .chain(a -> {
                    if (!caller.has(Role.RESIDENT)) {
                        permissions.readVillage(caller, a.villageCode);
                        return Uni.createFrom().item(a);
                    }
                    return ownHolder(session, caller, policy).map(h -> {
                        if (!h.holderId().equals(a.holderId)) {
                            throw ProblemException.forbidden("not-permitted", "This is not your account");
                        }
                        return a;
                    });
                });
    }

    public Uni<Page<AccountView>> list(Mutiny.Session session, Caller caller, String place, int limit, String after) {
        String prefix = place == null ? caller.reach().placePrefix() : place;
        permissions.readVillage(caller, prefix);
        return session.createSelectionQuery("""
                        from PointsAccount where villageCode like :prefix and id > :after order by id""",
                        PointsAccount.class)
                .setParameter("prefix", prefix + "%")
                // PostgreSQL orders uuids as unsigned bytes: the all-zero uuid is the first.
                .setParameter("after", after == null ? new UUID(0L, 0L) : cursor(after))
                .setMaxResults(limit + 1).getResultList()
                .map(rows -> Page.of(rows, limit, AccountView::of, a -> a.id.toString()));
    }

    /** Newest first, each line with the balance after it; the cursor is the last line's position. */
    public Uni<Page<EntryView>> statement(Mutiny.Session session, UUID accountId, int limit, Long beforeSeq) {
        return session.createSelectionQuery("""
                        from LedgerEntry where accountId = :a and seq < :before order by seq desc""", LedgerEntry.class)
                .setParameter("a", accountId).setParameter("before", beforeSeq == null ? Long.MAX_VALUE : beforeSeq)
                .setMaxResults(limit + 1).getResultList()
                .map(rows -> Page.of(rows, limit, EntryView::of, e -> String.valueOf(e.seq)));
    }

    public Uni<EntryView> entry(Mutiny.Session session, UUID accountId, UUID entryId) {
        return session.find(LedgerEntry.class, entryId).map(entry -> {
            if (entry == null || !entry.accountId.equals(accountId)) {
                throw ProblemException.notFound("Ledger entry", entryId);
            }
            return EntryView.of(entry);
        });
    }

    /**
     * Corrects an award or deduction with a reversing entry. An award's reversal takes its points
     * back (first from its own lot), but never below zero: what was already spent stays spent.
     */
    public Uni<EntryView> reverse(Mutiny.Session session, CountyCode county, Caller caller, PointsPolicy policy,
                                  UUID accountId, UUID entryId, String reason) {
        return ledger.lock(session, accountId).chain(account -> {
            permissions.reverse(caller, account.villageCode);
            return session.find(LedgerEntry.class, entryId).chain(entry -> {
                if (entry == null || !entry.accountId.equals(accountId)) {
                    throw ProblemException.notFound("Ledger entry", entryId);
                }
                if (entry.kind != Kind.AWARD && entry.kind != Kind.DEDUCTION) {
                    throw ProblemException.conflict("not-reversible", "Only awards and deductions are corrected by "
                            + "reversal; a " + entry.kind + " entry is not", Map.of("kind", entry.kind.name()));
                }
                return session.createSelectionQuery("select count(*) from LedgerEntry where reversesEntryId = :e",
                        Long.class).setParameter("e", entryId).getSingleResult().chain(reversed -> {
                    if (reversed > 0) {
                        throw ProblemException.conflict("already-reversed", "Entry " + entryId + " was already reversed");
                    }
                    Ledger.Link link = Ledger.Link.reversal(entry.awardId, entry.id);
                    String memo = "冲正 / reversal: " + reason;
                    Uni<LedgerEntry> write = entry.kind == Kind.DEDUCTION
                            ? entry.points == 0 ? Uni.createFrom().failure(ProblemException.conflict("not-reversible",
                                    "This deduction took no points"))
                            : ledger.credit(session, account, Kind.REVERSAL, -entry.points,
                                    policy.expiresOn(clock.today()), link, caller.actor(), memo)
                            : ledger.lotOf(session, entry.id).chain(lot -> ledger.debit(session, account, Kind.REVERSAL,
                                    Math.min(entry.points, account.balance), lot == null ? null : lot.id, link,
                                    caller.actor(), memo));
                    return write.call(reversal -> audit.record(session, county, caller, "points.entry-reversed",
                                    "points-ledger-entry", entryId, Map.of("reversal", reversal.id.toString(),
                                            "points", reversal.points, "reason", reason)))
                            .map(EntryView::of);
                });
            });
        });
    }

    private static UUID cursor(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this list gave out");
        }
    }
}
