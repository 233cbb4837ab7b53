package com.community.apigatewayv2.integrationresponse.local.apigateway.errors;

/**
 * An error the emulated API Gateway V2 answers with: HTTP status, the {@code x-amzn-ErrorType}
 * name the SDK maps to an exception class, and the {@code message} of the JSON body.
 */
public final class ServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String errorType;
    /** For a 405 only: the methods the path accepts, sent as the {@code Allow} header. */
    private final String allowedMethods;

    public ServiceException(int statusCode, String errorType, String message) {
        this(statusCode, errorType, message, null);
    }

    private ServiceException(int statusCode, String errorType, String message, String allowedMethods) {
        super(message);
        this.statusCode = statusCode;
        this.errorType = errorType;
        this.allowedMethods = allowedMethods;
    }

    public static ServiceException methodNotAllowed(String method, String allowedMethods) {
        return new ServiceException(
                405,
                "MethodNotAllowedException",
                "Method " + method + " is not allowed here; allowed: " + allowedMethods,
                allowedMethods);
    }

    public static ServiceException badRequest(String message) {
        return new ServiceException(400, "BadRequestException", message);
    }

    public static ServiceException notFound(String message) {
        return new ServiceException(404, "NotFoundException", message);
    }

    public static ServiceException conflict(String message) {
        return new ServiceException(409, "ConflictException", message);
    }

    public static ServiceException tooManyRequests(String message) {
        return new ServiceException(429, "TooManyRequestsException", message);
    }

    public int statusCode() {
        return statusCode;
    }

    public String errorType() {
        return errorType;
    }

    public String allowedMethods() {
        return allowedMethods;
    }
}
