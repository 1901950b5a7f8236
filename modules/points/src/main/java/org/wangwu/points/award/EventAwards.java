package org.wangwu.points.award;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;
import org.wangwu.platform.error.ProblemException;
import org.wangwu.platform.event.DomainEventConsumer;
import org.wangwu.platform.tenancy.CountyCode;
import org.wangwu.platform.time.PlatformClock;
import org.wangwu.points.rules.Policies;
import org.wangwu.points.rules.PointsPolicy;
import org.wangwu.points.rules.Rule;

/**
 * Earns points from other modules' events, as the county maps event types to rules (a verified
 * simple wedding, a settled dispute). The payload names a {@code residentId} or {@code householdId}.
 * An event earns once; one the county does not map, or that names nobody of the register, earns nothing.
 */
@ApplicationScoped
public class EventAwards implements DomainEventConsumer {

    private static final Logger LOG = Logger.getLogger(EventAwards.class);

    @Inject
    Policies policies;

    @Inject
    AwardService awards;

    @Override
    public String name() {
        return "points.event-awards";
    }

    @Override
    public boolean accepts(String eventType) {
        return !eventType.startsWith("points.");
    }

    @Override
    public Uni<Void> handle(Mutiny.Session session, CountyCode county, Delivered event) {
        return policies.enabled(session).chain(on -> !on ? Uni.createFrom().voidItem()
                : policies.current(session).chain(policy -> award(session, county, policy, event)));
    }

    private Uni<Void> award(Mutiny.Session session, CountyCode county, PointsPolicy policy, Delivered event) {
        Optional<Rule> rule = policy.ruleForEvent(event.type()).flatMap(policy::findRule);
        if (rule.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID residentId = uuid(event.payload().get("residentId"));
        UUID householdId = uuid(event.payload().get("householdId"));
        if (residentId == null && householdId == null) {
            LOG.warnf("Event %s (%s) in county %s names no resident or household; no points", event.id(), event.type(),
                    county);
            return Uni.createFrom().voidItem();
        }
        return session.createSelectionQuery("select count(*) from Award where eventId = :e", Long.class)
                .setParameter("e", event.id()).getSingleResult()
                .chain(seen -> seen > 0 ? Uni.createFrom().voidItem()
                        : awards.fromEvent(session, county, policy, rule.get(), event.id(), event.type(), residentId,
                                        householdId, LocalDate.ofInstant(event.occurredAt(), PlatformClock.ZONE))
                                .replaceWithVoid()
                                .onFailure(ProblemException.class).recoverWithUni(e -> {
                                    // A cap reached or a person not in the register: the event earns nothing.
                                    LOG.infof("Event %s (%s) in county %s earns no points: %s", event.id(), event.type(),
                                            county, e.getMessage());
                                    return Uni.createFrom().voidItem();
                                }));
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
