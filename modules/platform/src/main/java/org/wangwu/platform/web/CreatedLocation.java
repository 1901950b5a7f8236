package org.wangwu.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
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
        Object entity = response.getEntity();
        JsonNode id = (entity instanceof JsonNode node ? node : json.valueToTree(entity)).path("id");
        if (id.isTextual() || id.isNumber()) {
            response.getHeaders().putSingle(HttpHeaders.LOCATION,
                    request.getUriInfo().getAbsolutePathBuilder().path(id.asText()).build());
        }
    }
}
