package org.wangwu.points.supermarket;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.audit.AuditLog;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.event.DomainEvents;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.territory.PlaceDirectory;
import org.wangwu.platform.tenancy.CombinedWrite;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.time.PlatformClock;
import org.wangwu.platform.web.Cursor;
import org.wangwu.platform.web.Page;
import org.wangwu.points.PointsModule;
import org.wangwu.points.PointsPermissions;
import org.wangwu.points.ledger.Ledger;
import org.wangwu.points.ledger.AccountViews.AccountView;
import org.wangwu.points.ledger.LedgerEntry;
import org.wangwu.points.ledger.PointsAccount;
import org.wangwu.points.rules.PointsPolicy;
import org.wangwu.points.supermarket.SupermarketViews.GoodsChange;
import org.wangwu.points.supermarket.SupermarketViews.GoodsView;
import org.wangwu.points.supermarket.SupermarketViews.NewGoods;
import org.wangwu.points.supermarket.SupermarketViews.NewRedemption;
import org.wangwu.points.supermarket.SupermarketViews.NewSupermarket;
import org.wangwu.points.supermarket.SupermarketViews.RedemptionView;
import org.wangwu.points.supermarket.SupermarketViews.SupermarketView;

/**
 * Love supermarkets, their goods and the counter. A redemption locks the account, then the goods
 * (always in that order, so concurrent redemptions queue instead of deadlocking), and only then
 * checks balance, stock and the county's daily limit: no overspend, no oversell.
 */
@ApplicationScoped
public class SupermarketService {

    @Inject
    PlaceDirectory places;

    @Inject
    Ledger ledger;

    @Inject
    PointsPermissions permissions;

    @Inject
    AuditLog audit;

    @Inject
    DomainEvents events;

    @Inject
    PlatformClock clock;

    public Uni<SupermarketView> create(Mutiny.Session s, CountyCode county, Caller caller, NewSupermarket in) {
        permissions.manageSupermarket(caller, in.placeCode());
        return placeExists(s, in.placeCode()).chain(exists -> {
            if (!exists) {
                throw ProblemException.invalidField("placeCode", "is not a village or township of this county");
            }
            Supermarket m = new Supermarket();
            m.id = UUID.randomUUID();
            m.name = in.name();
            m.placeCode = in.placeCode();
            m.createdAt = clock.now();
            return s.persist(m).chain(() -> writeClerks(s, m.id, in.clerks()))
                    .chain(() -> audit.record(s, county, caller, "points.supermarket-opened", "points-supermarket", m.id,
                            Map.of("name", m.name, "place", m.placeCode, "clerks", in.clerks())))
                    .chain(() -> view(s, m));
        });
    }

    private Uni<Boolean> placeExists(Mutiny.Session s, String code) {
        if (code.length() == 12) {
            return places.village(s, code).map(v -> v != null);
        }
        return places.villages(s).map(all -> all.stream().anyMatch(v -> v.townshipCode().equals(code)));
    }

    public Uni<SupermarketView> setClerks(Mutiny.Session s, CountyCode county, Caller caller, UUID id, List<String> clerks) {
        return supermarket(s, id).chain(m -> {
            permissions.manageSupermarket(caller, m.placeCode);
            return s.createMutationQuery("delete from Clerk where supermarketId = :m").setParameter("m", id)
                    .executeUpdate()
                    .chain(() -> writeClerks(s, id, clerks))
                    .chain(() -> audit.record(s, county, caller, "points.clerks-changed", "points-supermarket", id,
                            Map.of("clerks", clerks)))
                    .chain(() -> view(s, m));
        });
    }

    private Uni<Void> writeClerks(Mutiny.Session s, UUID supermarketId, List<String> usernames) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String username : new LinkedHashSet<>(usernames)) {
            Clerk c = new Clerk();
            c.id = UUID.randomUUID();
            c.supermarketId = supermarketId;
            c.username = username;
            chain = chain.chain(() -> s.persist(c));
        }
        return chain.chain(s::flush);
    }

    public Uni<List<SupermarketView>> list(Mutiny.Session s, Caller caller, String place) {
        permissions.readCounty(caller);
        return s.createSelectionQuery("from Supermarket where placeCode like :p order by placeCode, name",
                        Supermarket.class).setParameter("p", (place == null ? "" : place) + "%").getResultList()
                .chain(list -> s.createSelectionQuery("from Clerk order by username", Clerk.class).getResultList()
                        .map(clerks -> list.stream().map(m -> new SupermarketView(m.id, m.name, m.placeCode,
                                clerks.stream().filter(c -> c.supermarketId.equals(m.id)).map(c -> c.username).toList()))
                                .toList()));
    }

    public Uni<SupermarketView> get(Mutiny.Session s, Caller caller, UUID id) {
        permissions.readCounty(caller);
        return supermarket(s, id).chain(m -> view(s, m));
    }

    public Uni<GoodsView> addGoods(Mutiny.Session s, CountyCode county, Caller caller, UUID supermarketId, NewGoods in) {
        return supermarket(s, supermarketId).chain(m -> {
            permissions.manageSupermarket(caller, m.placeCode);
            Goods g = new Goods();
            g.id = UUID.randomUUID();
            g.supermarketId = m.id;
            g.name = in.name();
            g.pricePoints = in.pricePoints();
            g.stock = in.stock();
            g.active = true;
            g.createdAt = clock.now();
            return s.persist(g)
                    .chain(() -> audit.record(s, county, caller, "points.goods-added", "points-goods", g.id,
                            Map.of("name", g.name, "price", g.pricePoints, "stock", g.stock)))
                    .replaceWith(() -> GoodsView.of(g));
        });
    }

    public Uni<GoodsView> changeGoods(Mutiny.Session s, CountyCode county, Caller caller, UUID supermarketId,
                                      UUID goodsId, GoodsChange in) {
        return supermarket(s, supermarketId).chain(m -> {
            permissions.manageSupermarket(caller, m.placeCode);
            return lockGoods(s, supermarketId, goodsId).chain(g -> {
                if (in.stockDelta() != null) {
                    if (g.stock + in.stockDelta() < 0) {
                        throw ProblemException.conflict("stock-below-zero", "Only " + g.stock + " are in stock",
                                Map.of("stock", g.stock));
                    }
                    g.stock += in.stockDelta();
                }
                if (in.pricePoints() != null) {
                    g.pricePoints = in.pricePoints();
                }
                if (in.active() != null) {
                    g.active = in.active();
                }
                return audit.record(s, county, caller, "points.goods-changed", "points-goods", g.id,
                                Map.of("stock", g.stock, "price", g.pricePoints, "active", g.active))
                        .replaceWith(() -> GoodsView.of(g));
            });
        });
    }

    public Uni<List<GoodsView>> goods(Mutiny.Session s, Caller caller, UUID supermarketId) {
        permissions.readCounty(caller);
        return supermarket(s, supermarketId).chain(m -> s.createSelectionQuery(
                        "from Goods where supermarketId = :m order by name, id", Goods.class)
                .setParameter("m", m.id).getResultList().map(list -> list.stream().map(GoodsView::of).toList()));
    }

    public Uni<GoodsView> goodsItem(Mutiny.Session s, Caller caller, UUID supermarketId, UUID goodsId) {
        permissions.readCounty(caller);
        return supermarket(s, supermarketId).chain(m -> s.createSelectionQuery(
                        "from Goods where id = :g and supermarketId = :m", Goods.class)
                .setParameter("g", goodsId).setParameter("m", m.id).getSingleResultOrNull()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Goods", goodsId))
                .map(GoodsView::of));
    }

    /**
     * Hands goods over for points. One statement reads the supermarket with its clerks and locks the
     * account and the goods; the changes are left in {@code write} (one statement more).
     */
    public Uni<RedemptionView> redeem(Mutiny.Session s, CombinedWrite write, CountyCode county, Caller caller,
                                      PointsPolicy policy, UUID supermarketId, NewRedemption in) {
        return s.createNativeQuery("select cast(m.place_code as text), (select string_agg(c.username, chr(31))"
                        + " from points_clerk c where c.tenant_id = m.tenant_id and c.supermarket_id = m.id), "
                        + Ledger.columns("a") + ", g.name, cast(g.price_points as text), cast(g.stock as text),"
                        + " cast(g.active as text)"
                        + " from points_supermarket m"
                        + " join points_account a on a.tenant_id = m.tenant_id and a.id = :account"
                        + " join points_goods g on g.tenant_id = m.tenant_id and g.supermarket_id = m.id and g.id = :goods"
                        + " where m.tenant_id = :county and m.id = :market for no key update of a, g", Object[].class)
                .setParameter("county", county.value()).setParameter("account", in.accountId())
                .setParameter("goods", in.goodsId()).setParameter("market", supermarketId)
                .getSingleResultOrNull()
                .chain(row -> row == null ? notFound(s, caller, supermarketId, in) : Uni.createFrom().item(row))
                .chain(row -> {
                    String placeCode = (String) row[0];
                    List<String> clerks = row[1] == null ? List.of() : List.of(((String) row[1]).split("\u001f"));
                    PointsAccount account = Ledger.account(row, 2);
                    permissions.redeem(caller, clerks, placeCode, account.villageCode);
                    String goodsName = (String) row[12];
                    int price = Integer.parseInt((String) row[13]);
                    int stock = Integer.parseInt((String) row[14]);
                    if (!Boolean.parseBoolean((String) row[15])) {
                        throw ProblemException.conflict("goods-unavailable", goodsName + " is not on offer");
                    }
                    if (stock < in.quantity()) {
                        throw ProblemException.conflict("out-of-stock", "Only " + stock + " of " + goodsName
                                + " are in stock", Map.of("stock", stock));
                    }
                    long total = (long) price * in.quantity();
                    // Without a daily limit (0) there is nothing to sum: one statement fewer.
                    Uni<Long> redeemed = policy.maxRedemptionPerDay() > 0 ? redeemedToday(s, account.id)
                            : Uni.createFrom().item(0L);
                    return redeemed.chain(today -> {
                        if (policy.maxRedemptionPerDay() > 0 && today + total > policy.maxRedemptionPerDay()) {
                            throw ProblemException.conflict("redemption-limit", "An account may redeem at most "
                                    + policy.maxRedemptionPerDay() + " points a day in this county; " + today
                                    + " are redeemed today", Map.of("limit", policy.maxRedemptionPerDay(),
                                    "redeemedToday", today));
                        }
                        Ledger.requireBalance(account, total); // before the audit shard's lock
                        return audit.tail(s, county, 1).map(tail -> {
                            UUID redemptionId = UUID.randomUUID();
                            LedgerEntry entry = ledger.debit(write, account, LedgerEntry.Kind.REDEMPTION, total, null,
                                    Ledger.Link.redemption(redemptionId), caller.actor(),
                                    goodsName + " x " + in.quantity());
                            write.add("update points_goods set stock = stock - " + write.bind(in.quantity())
                                    + ", version = version + 1 where tenant_id = " + write.bind(county.value())
                                    + " and id = " + write.bind(in.goodsId()));
                            write.insert("points_redemption",
                                    "tenant_id", county.value(), "id", redemptionId,
                                    "supermarket_id", supermarketId, "account_id", account.id,
                                    "goods_id", in.goodsId(), "quantity", in.quantity(), "points", total,
                                    "entry_id", entry.id, "clerk", caller.actor(),
                                    "redeemed_at", entry.occurredAt, "booked_on", entry.bookedOn);
                            events.publish(write, county, PointsModule.REDEMPTION_MADE, "points-redemption", redemptionId,
                                    Map.of("redemptionId", redemptionId.toString(), "accountId", account.id.toString(),
                                            "villageCode", account.villageCode, "supermarketId", supermarketId.toString(),
                                            "goodsId", in.goodsId().toString(), "quantity", in.quantity(), "points", total));
                            audit.record(write, tail, caller, "points.redemption-made", "points-redemption", redemptionId,
                                    Map.of("account", account.id.toString(), "goods", in.goodsId().toString(),
                                            "quantity", in.quantity(), "points", total));
                            return new RedemptionView(redemptionId, supermarketId, account.id, in.goodsId(), goodsName,
                                    in.quantity(), total, entry.balanceAfter, entry.id, caller.actor(), entry.occurredAt);
                        });
                    });
                });
    }

    /** Why the redemption's read found nothing, answered as the steps one by one would: which is missing, or 403. */
    private Uni<Object[]> notFound(Mutiny.Session s, Caller caller, UUID supermarketId, NewRedemption in) {
        return supermarket(s, supermarketId).chain(m -> clerks(s, m.id).chain(clerks -> ledger.lock(s, in.accountId())
                .chain(account -> {
                    permissions.redeem(caller, clerks, m.placeCode, account.villageCode);
                    return lockGoods(s, m.id, in.goodsId());
                })))
                .map(g -> {
                    throw ProblemException.notFound("Goods", in.goodsId());
                });
    }

    /** What a clerk needs to redeem for an account: its holder and balance, nothing of its history. */
    public Uni<AccountView> lookUp(Mutiny.Session s, Caller caller, UUID supermarketId, UUID accountId) {
        return supermarket(s, supermarketId).chain(m -> clerks(s, m.id).chain(clerks -> {
            return s.find(PointsAccount.class, accountId)
                    .onItem().ifNull().failWith(() -> ProblemException.notFound("Points account", accountId))
                    .map(account -> {
                        permissions.lookUp(caller, clerks, m.placeCode, account.villageCode);
                        return AccountView.of(account);
                    });
        }));
    }

    public Uni<Page<RedemptionView>> redemptions(Mutiny.Session s, Caller caller, UUID supermarketId, int limit,
                                                 String cursor) {
        return supermarket(s, supermarketId).chain(m -> clerks(s, m.id).chain(clerks -> {
            if (!clerks.contains(caller.username())) {
                permissions.manageSupermarket(caller, m.placeCode);
            }
            Cursor after = Cursor.parse(cursor);
            var q = s.createSelectionQuery("select r, g.name, e.balanceAfter from Redemption r, Goods g, LedgerEntry e"
                            + " where r.goodsId = g.id and r.entryId = e.id and r.supermarketId = :m"
                            + (after == null ? "" : Cursor.after("r.redeemedAt", "r.id"))
                            + " order by r.redeemedAt desc, r.id desc", Object[].class)
                    .setParameter("m", m.id).setMaxResults(limit + 1);
            if (after != null) {
                q.setParameter("cursorAt", after.at()).setParameter("cursorId", after.id());
            }
            return q.getResultList().map(rows -> Page.of(rows, limit, SupermarketService::redemptionView,
                    row -> Cursor.of(((Redemption) row[0]).redeemedAt, ((Redemption) row[0]).id)));
        }));
    }

    /** One redemption, for the supermarket's clerks and managers as its list is. */
    public Uni<RedemptionView> redemption(Mutiny.Session s, Caller caller, UUID supermarketId, UUID redemptionId) {
        return supermarket(s, supermarketId).chain(m -> clerks(s, m.id).chain(clerks -> {
            if (!clerks.contains(caller.username())) {
                permissions.manageSupermarket(caller, m.placeCode);
            }
            return s.createSelectionQuery("select r, g.name, e.balanceAfter from Redemption r, Goods g, LedgerEntry e"
                            + " where r.goodsId = g.id and r.entryId = e.id and r.supermarketId = :m and r.id = :r",
                            Object[].class)
                    .setParameter("m", m.id).setParameter("r", redemptionId).getSingleResultOrNull()
                    .onItem().ifNull().failWith(() -> ProblemException.notFound("Redemption", redemptionId))
                    .map(SupermarketService::redemptionView);
        }));
    }

    /** A row of (redemption, goods name, balance after). */
    private static RedemptionView redemptionView(Object[] row) {
        Redemption r = (Redemption) row[0];
        return new RedemptionView(r.id, r.supermarketId, r.accountId, r.goodsId, (String) row[1], r.quantity,
                r.points, (Long) row[2], r.entryId, r.clerk, r.redeemedAt);
    }

    private Uni<Long> redeemedToday(Mutiny.Session s, UUID accountId) {
        return s.createSelectionQuery("select coalesce(sum(points), 0) from Redemption where accountId = :a "
                        + "and bookedOn = :today", Long.class)
                .setParameter("a", accountId).setParameter("today", clock.today()).getSingleResult();
    }

    private Uni<Supermarket> supermarket(Mutiny.Session s, UUID id) {
        return s.find(Supermarket.class, id).onItem().ifNull().failWith(() -> ProblemException.notFound("Supermarket", id));
    }

    private Uni<List<String>> clerks(Mutiny.Session s, UUID supermarketId) {
        return s.createSelectionQuery("select username from Clerk where supermarketId = :m", String.class)
                .setParameter("m", supermarketId).getResultList();
    }

    private Uni<Goods> lockGoods(Mutiny.Session s, UUID supermarketId, UUID goodsId) {
        return s.createSelectionQuery("from Goods where id = :g and supermarketId = :m", Goods.class)
                .setParameter("g", goodsId).setParameter("m", supermarketId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResultOrNull()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Goods", goodsId));
    }

    private Uni<SupermarketView> view(Mutiny.Session s, Supermarket m) {
        return clerks(s, m.id).map(c -> new SupermarketView(m.id, m.name, m.placeCode, c.stream().sorted().toList()));
    }
}
