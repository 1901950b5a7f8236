package org.wangwu.points.award;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.event.DomainEventConsumer.Delivered;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.time.PlatformClock;
import org.wangwu.points.rules.Policies;
import org.wangwu.points.rules.PointsPolicy;
import org.wangwu.points.rules.Rule;

/**
 * Earns points from other modules' events, as the county maps event types to rules (a verified
 * simple wedding, a settled dispute). The payload names a {@code residentId} or {@code householdId}, or
 * {@code parties} each with those (a dispute's parties): each account holder named earns once per event.
 * One the county does not map, or that names nobody of the register, earns nothing.
 */
@ApplicationScoped
public class EventAwards {

    private static final Logger LOG = Logger.getLogger(EventAwards.class);

    @Inject
    Policies policies;

    @Inject
    AwardService awards;

    /** The handler of every event type the module declares it consumes ({@link org.wangwu.points.PointsModule}). */
    public Uni<Void> handle(Mutiny.Session session, CountyCode county, Delivered event) {
        return policies.current(session).chain(policy -> award(session, county, policy, event));
    }

    private Uni<Void> award(Mutiny.Session session, CountyCode county, PointsPolicy policy, Delivered event) {
        Optional<Rule> rule = policy.ruleForEvent(event.type()).flatMap(policy::findRule);
        if (rule.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Named> named = named(event.payload(), policy);
        if (named.isEmpty()) {
            LOG.warnf("Event %s (%s) in county %s names no resident or household; no points", event.id(), event.type(),
                    county);
            return Uni.createFrom().voidItem();
        }
        LocalDate on = LocalDate.ofInstant(event.occurredAt(), PlatformClock.ZONE);
        return session.createSelectionQuery("select count(*) from Award where eventId = :e", Long.class)
                .setParameter("e", event.id()).getSingleResult()
                .chain(seen -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    if (seen > 0) {
                        return chain;
                    }
                    for (Named n : named) {
                        chain = chain.chain(() -> awards.fromEvent(session, county, policy, rule.get(), event.id(),
                                        event.type(), n.residentId(), n.householdId(), on)
                                .replaceWithVoid()
                                .onFailure(ProblemException.class).recoverWithUni(e -> {
                                    // A cap reached or a person not in the register: this one earns nothing.
                                    LOG.infof("Event %s (%s) in county %s earns no points for %s: %s", event.id(),
                                            event.type(), county, n, e.getMessage());
                                    return Uni.createFrom().voidItem();
                                }));
                    }
                    return chain;
                });
    }

    /** Whom an event names: one {@code residentId} or {@code householdId}, or several {@code parties}. */
    private record Named(UUID residentId, UUID householdId) {
    }

    /** Each account holder once: two parties of one household earn that household once where accounts are households'. */
    private static List<Named> named(JsonNode payload, PointsPolicy policy) {
        List<JsonNode> entries = new ArrayList<>();
        if (payload.path("parties").isArray()) {
            payload.get("parties").forEach(entries::add);
        } else {
            entries.add(payload);
        }
        Map<UUID, Named> byHolder = new LinkedHashMap<>();
        for (JsonNode entry : entries) {
            Named n = new Named(uuid(entry.get("residentId")), uuid(entry.get("householdId")));
            boolean byHousehold = n.residentId() == null || policy.householdAccounts() && n.householdId() != null;
            UUID holder = byHousehold ? n.householdId() : n.residentId();
            if (holder != null) {
                byHolder.putIfAbsent(holder, n);
            }
        }
        return List.copyOf(byHolder.values());
    }

    private static UUID uuid(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return null;
        }
        try {
            return UUID.fromString(value.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
