package org.wangwu.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every create answers 201 with {@code Location}: where a resource has not named the new record's address itself,
 * it is the collection posted to plus the record's {@code id}. Decided here once so that an idempotent replay
 * (whose body is the stored JSON of the first answer) names the same address as the first answer.
 */
public class CreatedLocation {

    @Inject
    ObjectMapper json;

    @ServerResponseFilter
    public void locate(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 201 || response.getHeaders().containsKey(HttpHeaders.LOCATION)
                || response.getEntity() == null) {
            return;
        }
        Object id = idOf(response.getEntity());
        if (id != null) {
            response.getHeaders().putSingle(HttpHeaders.LOCATION,
                    request.getUriInfo().getAbsolutePathBuilder().path(id.toString()).build());
        }
    }

    /** The new record's id: a view record's {@code id} component (looked up once per type), or a replay's "id". */
    private Object idOf(Object entity) {
        if (entity instanceof JsonNode node) {
            JsonNode id = node.path("id");
            return id.isTextual() || id.isNumber() ? id.asText() : null;
        }
        Method accessor = ID_ACCESSORS.get(entity.getClass());
        if (accessor != null) {
            try {
                return accessor.invoke(entity);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        JsonNode id = json.valueToTree(entity).path("id");
        return id.isTextual() || id.isNumber() ? id.asText() : null;
    }

    /** A record type's {@code id} accessor, or null for other types (read as JSON instead). */
    private static final ClassValue<Method> ID_ACCESSORS = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return null;
            }
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getName().equals("id")) {
                    Method accessor = c.getAccessor();
                    return accessor.trySetAccessible() ? accessor : null;
                }
            }
            return null;
        }
    };
}
