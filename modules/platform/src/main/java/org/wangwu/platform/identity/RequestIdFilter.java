package org.wangwu.platform.identity;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Accepts or issues the request id and echoes it on every response. */
public class RequestIdFilter {

    @Inject
    RequestId requestId;

    @ServerRequestFilter(preMatching = true)
    public void accept(ContainerRequestContext request) {
        requestId.accept(request.getHeaderString(RequestId.HEADER));
    }

    @ServerResponseFilter
    public void echo(ContainerResponseContext response) {
        response.getHeaders().putSingle(RequestId.HEADER, requestId.value());
    }
}
