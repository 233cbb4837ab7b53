package com.community.apigatewayv2.integrationresponse.local.apigateway.errors;

/**
 * Thrown by a fault plan to make the emulator close the connection without sending any
 * answer, which the client sees as a connection reset (no HTTP response).
 */
public final class DroppedConnection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DroppedConnection(String reason) {
        super(reason, null, false, false);
    }
}
