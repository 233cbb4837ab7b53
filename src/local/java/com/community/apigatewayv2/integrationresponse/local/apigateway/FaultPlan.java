package com.community.apigatewayv2.integrationresponse.local.apigateway;

import com.community.apigatewayv2.integrationresponse.local.apigateway.errors.DroppedConnection;
import com.community.apigatewayv2.integrationresponse.local.apigateway.errors.ServiceException;

/**
 * The single seam for fault injection, consulted twice per recognised request: before the
 * operation touches any state, and after it has been applied but before the answer is sent.
 *
 * <ul>
 *   <li>Throwing a {@link ServiceException} answers with that error instead of (before) or in
 *       place of the success answer to (after) the operation.</li>
 *   <li>Throwing a {@link DroppedConnection} closes the connection without any answer, as a
 *       network reset would.</li>
 *   <li>Sleeping delays the request, e.g. past the client's timeout.</li>
 * </ul>
 *
 * A fault thrown before the operation never leaves half-applied state behind; one thrown after it
 * models a request whose outcome the client cannot know. Plans are called from many threads at once.
 */
@FunctionalInterface
public interface FaultPlan {

    /** Lets every operation through. */
    FaultPlan NONE = operationName -> {};

    /**
     * @param operationName the service's operation name, e.g. {@code CreateIntegrationResponse}
     * @throws ServiceException to answer the request with that error
     * @throws DroppedConnection to drop the connection without answering
     */
    void beforeOperation(String operationName);

    /**
     * Called once the operation has been applied, before its answer is sent.
     *
     * @throws ServiceException to answer with that error although the operation took effect
     * @throws DroppedConnection to drop the connection although the operation took effect
     */
    default void afterOperation(String operationName) {}
}
