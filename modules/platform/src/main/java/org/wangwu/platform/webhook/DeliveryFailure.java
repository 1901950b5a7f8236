package org.wangwu.platform.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Why an attempt failed, in words safe to show a county: never the network's or the receiver's raw
 * error text, which can tell an outsider about the platform's own network.
 */
@Schema(description = "Why a webhook delivery attempt failed, in words safe to show: CONNECTION_REFUSED, TIMED_OUT, HOST_NOT_FOUND, ADDRESS_NOT_ALLOWED (the target resolved to an internal address), TLS_FAILED, CONNECTION_FAILED, REDIRECT_NOT_FOLLOWED (a 3xx answer), ERROR_STATUS (another answer outside 2xx)")
public enum DeliveryFailure {
    CONNECTION_REFUSED,
    TIMED_OUT,
    HOST_NOT_FOUND,
    /** The target resolved to a loopback, private, link-local, metadata or otherwise internal address. */
    ADDRESS_NOT_ALLOWED,
    TLS_FAILED,
    CONNECTION_FAILED,
    /** A 3xx answer: redirects are never followed, they could lead inside. */
    REDIRECT_NOT_FOLLOWED,
    /** Any other answer outside 2xx; its status code is in the history. */
    ERROR_STATUS
}
