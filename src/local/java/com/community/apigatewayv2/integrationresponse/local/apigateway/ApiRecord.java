package com.community.apigatewayv2.integrationresponse.local.apigateway;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A stored API: its identity and protocol, which the emulator's rules depend on, and the JSON
 * view the service returns for it. The view is never handed out without copying.
 */
record ApiRecord(long sequence, String apiId, String protocolType, ObjectNode view) {

    static final String WEBSOCKET = "WEBSOCKET";
    static final String HTTP = "HTTP";

    boolean isWebSocket() {
        return WEBSOCKET.equals(protocolType);
    }

    ObjectNode toJson() {
        return view.deepCopy();
    }
}
