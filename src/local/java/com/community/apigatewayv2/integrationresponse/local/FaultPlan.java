package com.community.apigatewayv2.integrationresponse.local;

/**
 * The single seam for fault injection: consulted once per recognised request, after it is
 * counted and before the operation touches any state. Throwing a {@link ServiceException} makes
 * the emulator answer with that error instead of running the operation, so a fault never leaves
 * half-applied state behind.
 */
@FunctionalInterface
public interface FaultPlan {

    /** Lets every operation through. */
    FaultPlan NONE = operationName -> { };

    /**
     * @param operationName the service's operation name, e.g. {@code CreateIntegrationResponse}
     * @throws ServiceException to answer the request with that error
     */
    void beforeOperation(String operationName);
}
