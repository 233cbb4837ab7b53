package com.community.apigatewayv2.integrationresponse.model;

import lombok.EqualsAndHashCode;
import lombok.Getter;
import lombok.Setter;
import lombok.ToString;
import software.amazon.cloudformation.proxy.StdCallbackContext;

/**
 * What an UPDATE or DELETE that answered IN_PROGRESS (API Gateway was still throttling it at its
 * deadline) carries to its next invocation; the call chain's own memory is never carried over.
 */
@Getter
@Setter
@ToString
@EqualsAndHashCode(callSuper = true)
public class CallbackContext extends StdCallbackContext {
    /** How many invocations of this action have answered IN_PROGRESS so far. */
    private int throttledRounds;

    /** Whether an earlier attempt of this action may have taken effect (its answer was lost or a 5xx). */
    private boolean mayHaveApplied;
}
