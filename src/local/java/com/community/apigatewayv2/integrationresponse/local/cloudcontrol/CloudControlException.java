package com.community.apigatewayv2.integrationresponse.local.cloudcontrol;

import java.util.Map;

/** An error the local Cloud Control API answers with: the service's shape name, its HTTP status and a message. */
final class CloudControlException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The exception each handler error code becomes when a synchronous call (GetResource, ListResources) fails. */
    private static final Map<String, String> HANDLER_ERRORS = Map.ofEntries(
            Map.entry("NotFound", "ResourceNotFoundException"),
            Map.entry("InvalidRequest", "InvalidRequestException"),
            Map.entry("AlreadyExists", "AlreadyExistsException"),
            Map.entry("ResourceConflict", "ResourceConflictException"),
            Map.entry("NotUpdatable", "NotUpdatableException"),
            Map.entry("Throttling", "ThrottlingException"),
            Map.entry("ServiceLimitExceeded", "ServiceLimitExceededException"),
            Map.entry("NotStabilized", "NotStabilizedException"),
            Map.entry("GeneralServiceException", "GeneralServiceException"),
            Map.entry("ServiceInternalError", "ServiceInternalErrorException"),
            Map.entry("NetworkFailure", "NetworkFailureException"),
            Map.entry("InvalidCredentials", "InvalidCredentialsException"),
            Map.entry("InternalFailure", "HandlerInternalFailureException"));

    /** HTTP statuses of the service's errors (its Smithy model); anything not listed is a 400. */
    private static final Map<String, Integer> STATUSES = Map.ofEntries(
            Map.entry("InvalidCredentialsException", 401),
            Map.entry("ResourceNotFoundException", 404),
            Map.entry("RequestTokenNotFoundException", 404),
            Map.entry("TypeNotFoundException", 404),
            Map.entry("UnsupportedActionException", 405),
            Map.entry("ClientTokenConflictException", 409),
            Map.entry("ConcurrentOperationException", 409),
            Map.entry("ResourceConflictException", 409),
            Map.entry("ThrottlingException", 429),
            Map.entry("ConcurrentModificationException", 500),
            Map.entry("HandlerFailureException", 502),
            Map.entry("HandlerInternalFailureException", 502),
            Map.entry("NetworkFailureException", 502),
            Map.entry("ServiceInternalErrorException", 502));

    private final String type;

    CloudControlException(final String type, final String message) {
        super(message, null, false, false);
        this.type = type;
    }

    /** The synchronous form of a handler's FAILED event. */
    static CloudControlException fromHandler(final String errorCode, final String message) {
        return new CloudControlException(HANDLER_ERRORS.getOrDefault(errorCode, "HandlerFailureException"), message);
    }

    static CloudControlException invalidRequest(final String message) {
        return new CloudControlException("InvalidRequestException", message);
    }

    /** The generic input check every AWS JSON service answers with, worded as they word it. */
    static CloudControlException validation(final String member, final Object value, final String constraint) {
        return new CloudControlException(
                "ValidationException",
                "1 validation error detected: Value " + (value == null ? "null" : "'" + value + "'") + " at '" + member
                        + "' failed to satisfy constraint: " + constraint);
    }

    static CloudControlException typeNotFound(final String typeName) {
        return new CloudControlException("TypeNotFoundException", "The type '" + typeName + "' cannot be found.");
    }

    String type() {
        return type;
    }

    int status() {
        return STATUSES.getOrDefault(type, 400);
    }
}
