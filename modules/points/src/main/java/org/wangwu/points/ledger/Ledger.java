package org.wangwu.points.ledger;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.territory.PlaceDirectory;
import org.wangwu.platform.territory.TerritoryViews.HouseholdView;
import org.wangwu.platform.territory.TerritoryViews.ResidentView;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.time.PlatformClock;
import org.wangwu.points.ledger.LedgerEntry.Kind;
import org.wangwu.points.ledger.PointsAccount.HolderType;
import org.wangwu.points.rules.PointsPolicy;
import org.wangwu.points.statistics.PointsFacts;

/**
 * The ledger's only writer. Every change takes the account's row lock first, so concurrent writes
 * to one account run one after another; it then appends an entry (never changing one), moves lots
 * and the cached balance together, and refuses to take a balance below zero.
 */
@ApplicationScoped
public class Ledger {

    @Inject
    PlaceDirectory places;

    @Inject
    PlatformClock clock;

    @Inject
    PointsFacts facts;

    /** Whose account points go to, resolved from the register under the county's holder setting. */
    public record Holder(HolderType type, UUID holderId, UUID householdId, String villageCode, String name) {
    }

    /** What an entry belongs to; an award's entry also names the rule's category (for the daily facts). */
    public record Link(UUID awardId, UUID redemptionId, UUID reversesEntryId, String category) {
        public static Link award(UUID id, String category) {
            return new Link(id, null, null, category);
        }

        public static Link redemption(UUID id) {
            return new Link(null, id, null, null);
        }

        public static Link reversal(UUID awardId, UUID entryId) {
            return new Link(awardId, null, entryId, null);
        }

        public static Link none() {
            return new Link(null, null, null, null);
        }
    }

    public Uni<Holder> holder(Mutiny.Session session, PointsPolicy policy, UUID residentId, UUID householdId) {
        if (residentId != null) {
            return places.resident(session, residentId).chain(r -> {
                if (r == null) {
                    throw ProblemException.invalidField("residentId", "is not in this county's register");
                }
                return policy.householdAccounts() ? householdHolder(session, r.householdId())
                        : Uni.createFrom().item(new Holder(HolderType.RESIDENT, r.id(), r.householdId(), r.villageCode(),
                                r.name()));
            });
        }
        if (householdId == null) {
            throw ProblemException.invalidField("residentId", "or householdId is required");
        }
        if (!policy.householdAccounts()) {
            throw ProblemException.invalidField("residentId", "is required: accounts in this county belong to residents");
        }
        return householdHolder(session, householdId);
    }

    private Uni<Holder> householdHolder(Mutiny.Session session, UUID householdId) {
        return places.household(session, householdId).chain(h -> {
            if (h == null) {
                throw ProblemException.invalidField("householdId", "is not in this county's register");
            }
            return places.residentsOfHousehold(session, householdId).map(members -> new Holder(HolderType.HOUSEHOLD,
                    h.id(), h.id(), h.villageCode(), householdName(h, members)));
        });
    }

    /** A household is shown by its head's name (户主), as the village's books show it. */
    private static String householdName(HouseholdView h, List<ResidentView> members) {
        return members.stream().filter(m -> "户主".equals(m.relation())).findFirst()
                .or(() -> members.stream().findFirst())
                .map(ResidentView::name).orElse(h.number() + "户");
    }

    /** The holder's account, opened on first use, locked for the rest of the transaction. */
    public Uni<PointsAccount> openAndLock(Mutiny.Session session, String county, Holder holder) {
        return session.createNativeQuery("""
                        insert into points_account (tenant_id, id, holder_type, holder_id, household_id, village_code,
                                                    holder_name, balance, last_seq, created_at, version)
                        values (:county, :id, :type, :holder, :household, :village, :name, 0, 0, :now, 0)
                        on conflict (tenant_id, holder_type, holder_id) do nothing""")
                .setParameter("county", county).setParameter("id", UUID.randomUUID())
                .setParameter("type", holder.type().name()).setParameter("holder", holder.holderId())
                .setParameter("household", holder.householdId()).setParameter("village", holder.villageCode())
                .setParameter("name", holder.name()).setParameter("now", clock.now())
                .executeUpdate()
                .call(opened -> opened == 0 ? Uni.createFrom().voidItem()
                        : facts.accountOpened(session, CountyCode.of(county), holder.villageCode(), clock.today()))
                .chain(() -> session.createSelectionQuery("from PointsAccount where holderType = :t and holderId = :h",
                                PointsAccount.class)
                        .setParameter("t", holder.type()).setParameter("h", holder.holderId())
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResult());
    }

    /** The holder's account if it was ever opened, without locking. */
    public Uni<PointsAccount> find(Mutiny.Session session, Holder holder) {
        return session.createSelectionQuery("from PointsAccount where holderType = :t and holderId = :h",
                        PointsAccount.class)
                .setParameter("t", holder.type()).setParameter("h", holder.holderId()).getSingleResultOrNull();
    }

    /** Locks an account for a write; must come before anything else in the transaction loads it. */
    public Uni<PointsAccount> lock(Mutiny.Session session, UUID accountId) {
        return session.createSelectionQuery("from PointsAccount where id = :id", PointsAccount.class)
                .setParameter("id", accountId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResultOrNull()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Points account", accountId));
    }

    /** Credits points as a new lot that expires on {@code expiresOn} (null: never). */
    public Uni<LedgerEntry> credit(Mutiny.Session session, PointsAccount account, Kind kind, long points,
                                   LocalDate expiresOn, Link link, String by, String memo) {
        if (points <= 0) {
            throw new IllegalArgumentException("A credit is positive: " + points);
        }
        LedgerEntry entry = append(account, kind, points, link, by, memo);
        PointsLot lot = new PointsLot();
        lot.id = UUID.randomUUID();
        lot.accountId = account.id;
        lot.entryId = entry.id;
        lot.points = points;
        lot.remaining = points;
        lot.earnedAt = entry.occurredAt;
        lot.expiresOn = expiresOn;
        return session.persist(entry).chain(() -> session.persist(lot))
                .chain(() -> facts.entry(session, account, entry, link.category())).replaceWith(entry);
    }

    /**
     * Debits points, taking from {@code firstLot} (when given) and then from the oldest lots. Refused
     * with 409 when the balance does not cover it: a balance never goes below zero.
     */
    public Uni<LedgerEntry> debit(Mutiny.Session session, PointsAccount account, Kind kind, long points,
                                  UUID firstLot, Link link, String by, String memo) {
        if (points < 0) {
            throw new IllegalArgumentException("A debit amount is not negative: " + points);
        }
        if (account.balance < points) {
            throw ProblemException.conflict("insufficient-points", "The account holds " + account.balance
                    + " points; " + points + " are needed", java.util.Map.of("balance", account.balance));
        }
        return openLots(session, account.id).chain(lots -> {
            long left = points;
            lots.sort(java.util.Comparator.comparing((PointsLot l) -> !l.id.equals(firstLot)));
            for (PointsLot lot : lots) {
                long take = Math.min(left, lot.remaining);
                lot.remaining -= take;
                left -= take;
                if (left == 0) {
                    break;
                }
            }
            if (left != 0) {
                throw new IllegalStateException("Lots of account " + account.id + " do not match its balance");
            }
            LedgerEntry entry = append(account, kind, -points, link, by, memo);
            return session.persist(entry).chain(() -> facts.entry(session, account, entry, link.category()))
                    .replaceWith(entry);
        });
    }

    /**
     * Expires what is left of the account's lots whose expiry day has come. Running it again finds
     * nothing left, so it is safe to repeat. Returns the entry, or null when nothing expired.
     */
    public Uni<LedgerEntry> expire(Mutiny.Session session, PointsAccount account, LocalDate today, String by) {
        return session.createSelectionQuery("""
                        from PointsLot where accountId = :a and remaining > 0 and expiresOn <= :today
                        order by earnedAt, id""", PointsLot.class)
                .setParameter("a", account.id).setParameter("today", today).getResultList()
                .chain(lots -> {
                    long total = 0;
                    for (PointsLot lot : lots) {
                        total += lot.remaining;
                        lot.expired += lot.remaining;
                        lot.remaining = 0;
                    }
                    if (total == 0) {
                        return Uni.createFrom().nullItem();
                    }
                    LedgerEntry entry = append(account, Kind.EXPIRY, -total, Link.none(), by,
                            lots.size() + " lot(s) reached their expiry day");
                    return session.persist(entry).chain(() -> facts.entry(session, account, entry, null))
                            .replaceWith(entry);
                });
    }

    public Uni<PointsLot> lotOf(Mutiny.Session session, UUID entryId) {
        return session.createSelectionQuery("from PointsLot where entryId = :e", PointsLot.class)
                .setParameter("e", entryId).getSingleResultOrNull();
    }

    private Uni<List<PointsLot>> openLots(Mutiny.Session session, UUID accountId) {
        return session.createSelectionQuery("from PointsLot where accountId = :a and remaining > 0 order by earnedAt, id",
                PointsLot.class).setParameter("a", accountId).getResultList()
                .map(java.util.ArrayList::new);
    }

    private LedgerEntry append(PointsAccount account, Kind kind, long signedPoints, Link link, String by, String memo) {
        Instant now = clock.now();
        account.balance += signedPoints;
        account.lastSeq++;
        LedgerEntry e = new LedgerEntry();
        e.id = UUID.randomUUID();
        e.accountId = account.id;
        e.seq = account.lastSeq;
        e.kind = kind;
        e.points = signedPoints;
        e.balanceAfter = account.balance;
        e.awardId = link.awardId();
        e.redemptionId = link.redemptionId();
        e.reversesEntryId = link.reversesEntryId();
        e.memo = memo == null ? null : memo.substring(0, Math.min(memo.length(), 1000));
        e.occurredAt = now;
        e.bookedOn = LocalDate.ofInstant(now, PlatformClock.ZONE);
        e.recordedBy = by;
        return e;
    }
}
