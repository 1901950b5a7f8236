package org.wangwu.points.demo;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.identity.Caller;
import org.wangwu.platform.identity.Role;
import org.wangwu.platform.tenancy.CombinedWrite;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.tenancy.TenantTransactions;
import org.wangwu.platform.territory.PlaceDirectory;
import org.wangwu.platform.territory.TerritoryViews.HouseholdView;
import org.wangwu.platform.time.PlatformClock;
import org.wangwu.points.award.Award;
import org.wangwu.points.award.AwardService;
import org.wangwu.points.award.AwardViews;
import org.wangwu.points.jobs.PointsJobs;
import org.wangwu.points.ledger.Ledger;
import org.wangwu.points.rules.Policies;
import org.wangwu.points.rules.PointsPolicy;
import org.wangwu.points.rules.Rule;
import org.wangwu.points.supermarket.SupermarketService;
import org.wangwu.points.supermarket.SupermarketViews;

/**
 * Six months of a demo county's points bank, lived through the module's own services with the
 * platform clock set back and moved on week by week: cadres record deeds, the township reviews,
 * disclosure ends and the job posts, households spend at their village's love supermarket, and
 * points expire as the county's rule says. The daily facts follow from that, as they would live.
 */
@ApplicationScoped
public class PointsDemoSeed {

    private static final Logger LOG = Logger.getLogger(PointsDemoSeed.class);
    private static final int WEEKS = 26;
    /** The demo realm's clerk logins; each demo county's supermarkets list theirs. */
    private static final Map<String, String> CLERKS = Map.of("419001", "jiyuan-clerk", "330523", "anji-clerk");

    @Inject
    TenantTransactions tx;

    @Inject
    PlaceDirectory places;

    @Inject
    Policies policies;

    @Inject
    AwardService awards;

    @Inject
    SupermarketService supermarkets;

    @Inject
    Ledger ledger;

    @Inject
    PointsJobs jobs;

    @Inject
    PlatformClock clock;

    /**
     * What the county's rules refused along the way (a deed over its cap, goods sold out): a refusal is part
     * of a county's life and the seed goes on; any other failure stops the seed.
     */
    private static final class Refusals {
        private int deeds;
        private int redemptions;
        private String first;

        void deed(Throwable refusal) {
            deeds++;
            note(refusal);
        }

        void redemption(Throwable refusal) {
            redemptions++;
            note(refusal);
        }

        private void note(Throwable refusal) {
            if (first == null) {
                first = refusal.getMessage();
            }
        }

        @Override
        public String toString() {
            return "refused: " + deeds + " deeds, " + redemptions + " redemptions" + (first == null ? "" : "; first: " + first);
        }
    }

    /** A village's supermarket and the goods on its shelf. */
    private record Shop(UUID id, String villageCode, List<UUID> goods, List<Integer> prices) {
    }

    public Uni<Void> seed(CountyCode county) {
        Random random = new Random(county.value().hashCode());
        Refusals refusals = new Refusals();
        Caller admin = Caller.system("demo-data", county, Role.COUNTY_ADMIN);
        clock.advance(Duration.ofDays(-7L * WEEKS));
        return tx.inCounty(county, s -> places.households(s).chain(households -> policies.current(s)
                        .map(policy -> Map.entry(households, policy))))
                .chain(loaded -> openShops(county, admin, loaded.getKey()).chain(shops -> {
                    List<Supplier<Uni<?>>> steps = new ArrayList<>();
                    for (int week = 0; week < WEEKS; week++) {
                        for (HouseholdView h : loaded.getKey()) {
                            if (random.nextInt(10) < 4) {
                                Rule rule = pick(loaded.getValue(), random);
                                steps.add(() -> award(county, admin, rule, h, refusals));
                            }
                        }
                        steps.add(() -> Uni.createFrom().item(() -> {
                            clock.advance(Duration.ofDays(7));
                            return 0;
                        }));
                        steps.add(() -> jobs.postDisclosed(county));
                        for (Shop shop : shops) {
                            for (HouseholdView h : loaded.getKey()) {
                                if (h.villageCode().equals(shop.villageCode()) && random.nextInt(10) < 2) {
                                    int item = random.nextInt(shop.goods().size());
                                    steps.add(() -> redeem(county, shop, item, h, refusals));
                                }
                            }
                        }
                        steps.add(() -> jobs.expire(county));
                    }
                    return Multi.createFrom().iterable(steps).onItem().transformToUniAndConcatenate(Supplier::get)
                            .collect().last().replaceWithVoid();
                }))
                .eventually(clock::reset)
                .invoke(() -> LOG.infof("Demo points activity seeded for county %s (%s)", county, refusals));
    }

    private static Rule pick(PointsPolicy policy, Random random) {
        // A cadre's record without a photo: rules that ask for evidence would refuse it.
        List<Rule> rules = policy.rules().stream()
                .filter(r -> r.recordableBy(Role.VILLAGE_CADRE.realmRole()) && !r.evidenceRequired()).toList();
        return rules.get(random.nextInt(rules.size()));
    }

    /** A cadre of the village records the deed; the county reviews it where its rule asks (never the recorder); disclosure follows. */
    private Uni<?> award(CountyCode county, Caller admin, Rule rule, HouseholdView h, Refusals refusals) {
        Caller cadre = Caller.system("demo-cadre", county, h.villageCode(), Role.VILLAGE_CADRE);
        CombinedWrite write = new CombinedWrite();
        return tx.inCounty(county, s -> policies.current(s).chain(policy -> awards.request(s, write, county, cadre,
                        policy, new AwardViews.NewAward(rule.code(), null, h.id(), "演示数据 / demo", clock.today()))
                .call(() -> write.execute(s))
                .chain(view -> view.status() != Award.Status.PENDING_REVIEW ? Uni.createFrom().item(view)
                        : awards.review(s, county, admin, policy, view.id(),
                                new AwardViews.Review(AwardViews.Decision.APPROVE, null)))))
                .onFailure(ProblemException.class).invoke(refusals::deed)
                .onFailure(ProblemException.class).recoverWithNull();
    }

    private Uni<List<Shop>> openShops(CountyCode county, Caller admin, List<HouseholdView> households) {
        List<String> villages = households.stream().map(HouseholdView::villageCode).distinct().toList();
        List<String> clerks = CLERKS.containsKey(county.value()) ? List.of(CLERKS.get(county.value()), "demo-clerk")
                : List.of("demo-clerk");
        return Multi.createFrom().iterable(villages).onItem().transformToUniAndConcatenate(village -> tx.inCounty(county,
                s -> supermarkets.create(s, county, admin, new SupermarketViews.NewSupermarket("爱心超市 " + village,
                                village, clerks))
                        .chain(m -> supermarkets.addGoods(s, county, admin, m.id(), new SupermarketViews.NewGoods("洗衣粉",
                                        10, 500))
                                .chain(soap -> supermarkets.addGoods(s, county, admin, m.id(),
                                                new SupermarketViews.NewGoods("食用油", 25, 300))
                                        .map(oil -> new Shop(m.id(), village, List.of(soap.id(), oil.id()),
                                                List.of(10, 25)))))))
                .collect().asList();
    }

    /** The household spends at its village's supermarket when its balance covers the goods. */
    private Uni<?> redeem(CountyCode county, Shop shop, int item, HouseholdView h, Refusals refusals) {
        Caller clerk = new Caller("demo-clerk", "demo-clerk", null, Set.of(Role.SUPERMARKET_CLERK.realmRole()),
                Optional.of(county), Optional.empty(), Optional.of(shop.villageCode()), Optional.empty(), Set.of(), null);
        return tx.inCounty(county, s -> policies.current(s).chain(policy -> ledger.holder(s, policy, null, h.id())
                .chain(holder -> ledger.find(s, holder))
                .chain(account -> account == null || account.balance < shop.prices().get(item)
                        ? Uni.createFrom().nullItem()
                        : redeem(s, county, clerk, policy, shop, item, account.id))))
                .onFailure(ProblemException.class).invoke(refusals::redemption)
                .onFailure(ProblemException.class).recoverWithNull();
    }

    private Uni<?> redeem(Mutiny.Session s, CountyCode county, Caller clerk, PointsPolicy policy, Shop shop, int item,
                          UUID account) {
        CombinedWrite write = new CombinedWrite();
        return supermarkets.redeem(s, write, county, clerk, policy, shop.id(),
                new SupermarketViews.NewRedemption(account, shop.goods().get(item), 1)).call(() -> write.execute(s));
    }
}
