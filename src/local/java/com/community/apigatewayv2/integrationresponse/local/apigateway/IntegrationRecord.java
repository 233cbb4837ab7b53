package com.community.apigatewayv2.integrationresponse.local.apigateway;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A stored integration and the JSON view the service returns for it (copied on the way out). */
record IntegrationRecord(long sequence, String integrationId, ObjectNode view) {

    ObjectNode toJson() {
        return view.deepCopy();
    }
}
