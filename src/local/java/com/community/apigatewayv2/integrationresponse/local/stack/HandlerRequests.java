package com.community.apigatewayv2.integrationresponse.local.stack;

import com.community.apigatewayv2.integrationresponse.local.net.LocalEndpoint;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/** Builds the {@code HandlerRequest} payloads CloudFormation sends to the TypeFunction. */
public final class HandlerRequests {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String region;
    private final AwsCredentials credentials;

    public HandlerRequests(final String region, final AwsCredentials credentials) {
        this.region = region;
        this.credentials = credentials;
    }

    public String region() {
        return region;
    }

    /**
     * @param action CREATE, READ, UPDATE, DELETE or LIST
     * @param desired the resource properties (for LIST, the scope: ApiId and IntegrationId)
     * @param previous the previous properties on UPDATE, else null
     * @param nextToken the LIST page to ask for, else null
     */
    public ObjectNode request(
            final String action, final JsonNode desired, final JsonNode previous, final String nextToken) {
        final ObjectNode callerCredentials = JSON.createObjectNode()
                .put("accessKeyId", credentials.accessKeyId())
                .put("secretAccessKey", credentials.secretAccessKey());
        if (credentials instanceof AwsSessionCredentials session) {
            callerCredentials.put("sessionToken", session.sessionToken());
        }
        final ObjectNode requestData = JSON.createObjectNode();
        requestData.set("callerCredentials", callerCredentials);
        if (desired != null) {
            requestData.set("resourceProperties", desired);
        }
        if (previous != null) {
            requestData.set("previousResourceProperties", previous);
        }
        requestData.put("logicalResourceId", "IntegrationResponse");
        final ObjectNode request = JSON.createObjectNode()
                .put("action", action)
                .put("awsAccountId", LocalEndpoint.ACCOUNT_ID)
                .put("bearerToken", UUID.randomUUID().toString())
                .put("region", region)
                .put("resourceType", ResourceModel.TYPE_NAME)
                .put("resourceTypeVersion", "00000001")
                .put(
                        "stackId",
                        "arn:aws:cloudformation:" + region + ":" + LocalEndpoint.ACCOUNT_ID + ":stack/cfn-local/"
                                + UUID.randomUUID());
        if (nextToken != null) {
            request.put("nextToken", nextToken);
        }
        request.set("requestData", requestData);
        return request;
    }
}
