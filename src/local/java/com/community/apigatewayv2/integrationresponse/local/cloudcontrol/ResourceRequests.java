package com.community.apigatewayv2.integrationresponse.local.cloudcontrol;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every resource operation request this endpoint has taken, by request token, and the client tokens
 * they were made with. A client token names one request: asked again with the same parameters it
 * returns that request, with other parameters it is a conflict. One operation at a time per resource.
 */
final class ResourceRequests {

    private record Idempotency(String fingerprint, String requestToken) {}

    private final String typeName;
    private final Clock clock;
    private final Map<String, ResourceRequest> byToken = new LinkedHashMap<>();
    private final Map<String, Idempotency> byClientToken = new HashMap<>();

    ResourceRequests(final String typeName, final Clock clock) {
        this.typeName = typeName;
        this.clock = clock;
    }

    /**
     * The request an earlier call made with this client token and the same parameters, if any.
     *
     * @param fingerprint the operation and its parameters, as one string
     * @throws CloudControlException ClientTokenConflictException when the token was used for other parameters
     */
    synchronized Optional<ResourceRequest> replay(final String clientToken, final String fingerprint)
            throws CloudControlException {
        final Idempotency earlier = clientToken == null ? null : byClientToken.get(clientToken);
        if (earlier == null) {
            return Optional.empty();
        }
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw new CloudControlException(
                    "ClientTokenConflictException",
                    "The client token " + clientToken + " was already used for a different request");
        }
        return Optional.of(byToken.get(earlier.requestToken()));
    }

    /**
     * Takes a new request, or returns the one this client token already made.
     *
     * @param identifier the resource it acts on, or null for a CREATE
     * @param arrivedNanos {@link System#nanoTime()} when its HTTP request arrived
     * @throws CloudControlException ClientTokenConflictException, or ConcurrentOperationException while
     *     another request acts on the same resource
     */
    synchronized ResourceRequest open(
            final String operation,
            final String identifier,
            final String clientToken,
            final String fingerprint,
            final long arrivedNanos)
            throws CloudControlException {
        final Optional<ResourceRequest> earlier = replay(clientToken, fingerprint);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (identifier != null) {
            for (ResourceRequest other : byToken.values()) {
                if (identifier.equals(other.identifier()) && !other.status().isFinal()) {
                    throw new CloudControlException(
                            "ConcurrentOperationException",
                            "Another " + other.operation() + " request (" + other.requestToken()
                                    + ") is in progress for the resource " + identifier);
                }
            }
        }
        final ResourceRequest request =
                new ResourceRequest(typeName, UUID.randomUUID().toString(), operation, identifier, clock, arrivedNanos);
        byToken.put(request.requestToken(), request);
        if (clientToken != null) {
            byClientToken.put(clientToken, new Idempotency(fingerprint, request.requestToken()));
        }
        return request;
    }

    synchronized ResourceRequest get(final String requestToken) throws CloudControlException {
        final ResourceRequest request = byToken.get(requestToken);
        if (request == null) {
            throw new CloudControlException(
                    "RequestTokenNotFoundException", "No resource request has the token " + requestToken);
        }
        return request;
    }

    /** All requests, newest first. */
    synchronized List<ResourceRequest> newestFirst() {
        final List<ResourceRequest> all = new ArrayList<>(byToken.values());
        java.util.Collections.reverse(all);
        return all;
    }
}
