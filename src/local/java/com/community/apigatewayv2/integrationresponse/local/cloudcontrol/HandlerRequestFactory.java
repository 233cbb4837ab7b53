package com.community.apigatewayv2.integrationresponse.local.cloudcontrol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds the HandlerRequest CloudFormation sends the TypeFunction, with the deployment's region and credentials. */
@FunctionalInterface
public interface HandlerRequestFactory {
    /**
     * @param action CREATE, READ, UPDATE, DELETE or LIST
     * @param desired the resource properties (for LIST, its scope)
     * @param previous the properties before an UPDATE, else null
     */
    ObjectNode request(String action, JsonNode desired, JsonNode previous);
}
