package org.wangwu.points.ledger;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.territory.PlaceDirectory;
import org.wangwu.platform.territory.TerritoryViews.HouseholdView;
import org.wangwu.platform.territory.TerritoryViews.ResidentView;
import org.wangwu.platform.tenancy.CombinedWrite;
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
        return places.householdWithMembers(session, householdId).map(found -> {
            if (found == null) {
                throw ProblemException.invalidField("householdId", "is not in this county's register");
            }
            HouseholdView h = found.household();
            return new Holder(HolderType.HOUSEHOLD, h.id(), h.id(), h.villageCode(), householdName(h, found.members()));
        });
    }

    /** A household is shown by its head's name (户主), as the village's books show it. */
    private static String householdName(HouseholdView h, List<ResidentView> members) {
        return members.stream().filter(m -> "户主".equals(m.relation())).findFirst()
                .or(() -> members.stream().findFirst())
                .map(ResidentView::name).orElse(h.number() + "户");
    }

    /**
     * The holder's account, opened on first use, locked for the rest of the transaction, as plain values
     * (not a managed entity): {@link #credit}, {@link #debit} and {@link #expire} write its row.
     */
    public Uni<PointsAccount> openAndLock(Mutiny.Session session, String county, Holder holder) {
        return lockHeld(session, holder).chain(found -> found != null ? Uni.createFrom().item(found) : session
                .createNativeQuery("""
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
                .chain(() -> lockHeld(session, holder)));
    }

    private Uni<PointsAccount> lockHeld(Mutiny.Session session, Holder holder) {
        return session.createNativeQuery("select " + columns("a") + " from points_account a"
                        + " where a.holder_type = :t and a.holder_id = :h for no key update", Object[].class)
                .setParameter("t", holder.type().name()).setParameter("h", holder.holderId())
                .getSingleResultOrNull().map(row -> row == null ? null : account(row, 0));
    }

    /** The columns {@link #account} reads, of the account table under {@code alias}, as text. */
    public static String columns(String alias) {
        return String.join(", ", java.util.stream.Stream.of("id", "tenant_id", "holder_type", "holder_id", "household_id",
                "village_code", "holder_name", "balance", "last_seq", "version")
                .map(c -> "cast(" + alias + "." + c + " as text)").toList());
    }

    /** An account (plain values, not managed) from the {@link #columns} of a row, starting at {@code at}. */
    public static PointsAccount account(Object[] row, int at) {
        PointsAccount a = new PointsAccount();
        a.id = UUID.fromString((String) row[at]);
        a.tenantId = (String) row[at + 1];
        a.holderType = HolderType.valueOf((String) row[at + 2]);
        a.holderId = UUID.fromString((String) row[at + 3]);
        a.householdId = row[at + 4] == null ? null : UUID.fromString((String) row[at + 4]);
        a.villageCode = (String) row[at + 5];
        a.holderName = (String) row[at + 6];
        a.balance = Long.parseLong((String) row[at + 7]);
        a.lastSeq = Long.parseLong((String) row[at + 8]);
        a.version = Long.parseLong((String) row[at + 9]);
        return a;
    }

    /** The holder's account if it was ever opened, without locking. */
    public Uni<PointsAccount> find(Mutiny.Session session, Holder holder) {
        return session.createSelectionQuery("from PointsAccount where holderType = :t and holderId = :h",
                        PointsAccount.class)
                .setParameter("t", holder.type()).setParameter("h", holder.holderId()).getSingleResultOrNull();
    }

    /**
     * Locks an account for a write (as {@link #openAndLock} does); must come before anything else in the
     * transaction loads it.
     */
    public Uni<PointsAccount> lock(Mutiny.Session session, UUID accountId) {
        return session.createNativeQuery("select " + columns("a") + " from points_account a where a.id = :id"
                        + " for no key update", Object[].class)
                .setParameter("id", accountId).getSingleResultOrNull()
                .map(row -> row == null ? null : account(row, 0))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Points account", accountId));
    }

    /** Credits points to a locked account (see {@link #lock}) as a new lot that expires on {@code expiresOn} (null: never). */
    public Uni<LedgerEntry> credit(Mutiny.Session session, PointsAccount account, Kind kind, long points,
                                   LocalDate expiresOn, Link link, String by, String memo) {
        CombinedWrite write = new CombinedWrite();
        LedgerEntry entry = credit(write, account, kind, points, expiresOn, link, by, memo);
        return write.execute(session).replaceWith(entry);
    }

    /** The same as parts of {@code write} (the account's row among them): one credit per account and write. */
    public LedgerEntry credit(CombinedWrite write, PointsAccount account, Kind kind, long points, LocalDate expiresOn,
                              Link link, String by, String memo) {
        if (points <= 0) {
            throw new IllegalArgumentException("A credit is positive: " + points);
        }
        LedgerEntry entry = append(write, account, kind, points, link, by, memo);
        write.insert("points_lot",
                "tenant_id", account.tenantId, "id", UUID.randomUUID(), "account_id", account.id,
                "entry_id", entry.id, "points", points, "remaining", points, "expired", 0L,
                "earned_at", entry.occurredAt, "expires_on", expiresOn, "version", 0L);
        return entry;
    }

    /**
     * Debits points from a locked account, taking from {@code firstLot} (when given) and then from
     * the oldest lots. Refused with 409 when the balance does not cover it: a balance never goes below zero.
     */
    public Uni<LedgerEntry> debit(Mutiny.Session session, PointsAccount account, Kind kind, long points,
                                  UUID firstLot, Link link, String by, String memo) {
        CombinedWrite write = new CombinedWrite();
        LedgerEntry entry = debit(write, account, kind, points, firstLot, link, by, memo);
        return write.execute(session).replaceWith(entry);
    }

    /** The same as parts of {@code write} (the account's row among them): one debit per account and write. */
    public LedgerEntry debit(CombinedWrite write, PointsAccount account, Kind kind, long points, UUID firstLot,
                             Link link, String by, String memo) {
        if (points < 0) {
            throw new IllegalArgumentException("A debit amount is not negative: " + points);
        }
        requireBalance(account, points);
        if (points > 0) {
            // Each open lot gives what is still owed after the lots before it (the first lot, then oldest first);
            // the account's lock keeps the lots as this statement's snapshot sees them.
            String county = write.bind(account.tenantId);
            String order = (firstLot == null ? "" : "(id <> " + write.bind(firstLot) + "), ") + "earned_at, id";
            write.add("update points_lot l set remaining = l.remaining - t.take, version = l.version + 1 from ("
                    + "select id, least(remaining, " + write.bind(points) + " - (cast(sum(remaining) over (order by "
                    + order + ") as bigint) - remaining)) as take from points_lot where tenant_id = " + county
                    + " and account_id = " + write.bind(account.id) + " and remaining > 0) t"
                    + " where l.tenant_id = " + county + " and l.id = t.id and t.take > 0");
        }
        return append(write, account, kind, -points, link, by, memo);
    }

    /** Refused with 409 when the balance does not cover {@code points}: a balance never goes below zero. */
    public static void requireBalance(PointsAccount account, long points) {
        if (account.balance < points) {
            throw ProblemException.conflict("insufficient-points", "The account holds " + account.balance
                    + " points; " + points + " are needed", java.util.Map.of("balance", account.balance));
        }
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
                    CombinedWrite write = new CombinedWrite();
                    LedgerEntry entry = append(write, account, Kind.EXPIRY, -total, Link.none(), by,
                            lots.size() + " lot(s) reached their expiry day");
                    return write.execute(session).replaceWith(entry);
                });
    }

    public Uni<PointsLot> lotOf(Mutiny.Session session, UUID entryId) {
        return session.createSelectionQuery("from PointsLot where entryId = :e", PointsLot.class)
                .setParameter("e", entryId).getSingleResultOrNull();
    }

    private LedgerEntry append(CombinedWrite write, PointsAccount account, Kind kind, long signedPoints, Link link,
                               String by, String memo) {
        LedgerEntry e = append(account, kind, signedPoints, link, by, memo);
        write.insert("points_ledger_entry",
                "tenant_id", account.tenantId, "id", e.id, "account_id", e.accountId, "seq", e.seq,
                "kind", e.kind, "points", e.points, "balance_after", e.balanceAfter, "award_id", e.awardId,
                "redemption_id", e.redemptionId, "reverses_entry_id", e.reversesEntryId, "memo", e.memo,
                "occurred_at", e.occurredAt, "booked_on", e.bookedOn, "recorded_by", e.recordedBy);
        write.add("update points_account set balance = " + write.bind(account.balance) + ", last_seq = "
                + write.bind(account.lastSeq) + ", version = version + 1 where tenant_id = "
                + write.bind(account.tenantId) + " and id = " + write.bind(account.id));
        account.version++;
        facts.entry(write, account, e, link.category());
        return e;
    }

    private LedgerEntry append(PointsAccount account, Kind kind, long signedPoints, Link link, String by, String memo) {
        Instant now = clock.now();
        account.balance += signedPoints;
        account.lastSeq++;
        LedgerEntry e = new LedgerEntry();
        e.id = UUID.randomUUID();
        e.tenantId = account.tenantId;
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
