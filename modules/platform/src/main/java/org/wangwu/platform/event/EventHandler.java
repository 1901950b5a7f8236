package org.wangwu.platform.event;

import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;
import org.wangwu.platform.tenancy.CountyCode;

/**
 * How a module handles one event type it declares it consumes ({@code ModuleDescriptor.Builder#consumes}).
 * The dispatcher hands it each event once, in a transaction of the event's county and only where the
 * module is switched on; what it writes commits together with the record that the event was delivered.
 */
@FunctionalInterface
public interface EventHandler {

    Uni<Void> handle(Mutiny.Session session, CountyCode county, DomainEventConsumer.Delivered event);
}
