package com.community.apigatewayv2.integrationresponse.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import java.util.Arrays;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/** Every field the lean reader takes, read into the request a handler is given: each written out. */
class LeanRequestTest {
    private static final JSONObject CALLER = new JSONObject()
            .put("accessKeyId", "AKID")
            .put("secretAccessKey", "secret")
            .put("sessionToken", "session");

    @Test
    void everyFieldOfAFullRequestReachesTheHandlersRequest() {
        final JSONObject policy = new JSONObject()
                .put("flag", true)
                .put("text", "t")
                .put(
                        "nested",
                        new JSONObject().put("list", new JSONArray().put("x").put(false)));
        final JSONObject payload = new JSONObject()
                .put("action", "UPDATE")
                .put("awsAccountId", "123456789012")
                .put("bearerToken", "token-1")
                .put("nextToken", "next-1")
                .put("maxResults", 5)
                .put("region", "eu-west-1")
                .put("resourceType", "Community::ApiGatewayV2::IntegrationResponse")
                .put("resourceTypeVersion", "00000001")
                .put("stackId", "arn:aws:cloudformation:eu-west-1:123456789012:stack/s/1")
                .put("snapshotRequested", true)
                .put("rollback", false)
                .put("driftable", true)
                .put("features", policy)
                .put("updatePolicy", new JSONObject().put("u", "1"))
                .put("creationPolicy", new JSONObject().put("c", "2"))
                .put(
                        "requestData",
                        new JSONObject()
                                .put("callerCredentials", CALLER)
                                .put("providerLogGroupName", "group")
                                .put("logicalResourceId", "Response")
                                .put(
                                        "resourceProperties",
                                        new JSONObject().put("ApiId", "a1").put("IntegrationId", "i1"))
                                .put("previousResourceProperties", new JSONObject().put("ApiId", "a0"))
                                .put("systemTags", new JSONObject().put("aws:cloudformation:stack-name", "s"))
                                .put("previousSystemTags", new JSONObject().put("aws:old", "o"))
                                .put("stackTags", new JSONObject().put("team", "api"))
                                .put("previousStackTags", new JSONObject().put("team", "web")));

        final LeanRequest lean = LeanRequest.read(payload);

        assertEquals(Action.UPDATE, lean.action);
        assertEquals(
                Arrays.asList("AKID", "secret", "session"),
                Arrays.asList(
                        lean.callerCredentials.getAccessKeyId(),
                        lean.callerCredentials.getSecretAccessKey(),
                        lean.callerCredentials.getSessionToken()));
        assertEquals(Map.of("ApiId", "a1", "IntegrationId", "i1"), lean.properties.toMap());
        final ResourceHandlerRequest<ResourceModel> request = lean.request;
        assertEquals("token-1", request.getClientRequestToken());
        assertEquals(
                ResourceModel.builder().apiId("a1").integrationId("i1").build(), request.getDesiredResourceState());
        assertEquals(ResourceModel.builder().apiId("a0").build(), request.getPreviousResourceState());
        assertEquals(Map.of("team", "api"), request.getDesiredResourceTags());
        assertEquals(Map.of("team", "web"), request.getPreviousResourceTags());
        assertEquals(Map.of("aws:cloudformation:stack-name", "s"), request.getSystemTags());
        assertEquals(Map.of("aws:old", "o"), request.getPreviousSystemTags());
        assertEquals("123456789012", request.getAwsAccountId());
        assertEquals("Response", request.getLogicalResourceIdentifier());
        assertEquals("next-1", request.getNextToken());
        assertEquals("eu-west-1", request.getRegion());
        assertEquals("arn:aws:cloudformation:eu-west-1:123456789012:stack/s/1", request.getStackId());
        assertEquals(true, request.getSnapshotRequested());
        assertEquals(false, request.getRollback());
        assertEquals(true, request.getDriftable());
        assertEquals(
                Map.of("flag", true, "text", "t", "nested", Map.of("list", Arrays.asList("x", false))),
                request.getFeatures());
        assertEquals(Map.of("u", "1"), request.getUpdatePolicy());
        assertEquals(Map.of("c", "2"), request.getCreationPolicy());
    }

    /** Tags left out are no tags, as the runtime reads them: empty maps for the stack's, none for the system's. */
    @Test
    void aRequestWithoutTagsHasEmptyStackTagsAndNoSystemTags() {
        final ResourceHandlerRequest<ResourceModel> request = LeanRequest.read(new JSONObject()
                        .put("action", "READ")
                        .put(
                                "requestData",
                                new JSONObject()
                                        .put("callerCredentials", CALLER)
                                        .put("resourceProperties", new JSONObject())))
                .request;

        assertEquals(Map.of(), request.getDesiredResourceTags());
        assertEquals(Map.of(), request.getPreviousResourceTags());
        assertThat(request.getSystemTags()).isNull();
        assertThat(request.getFeatures()).isNull();
        assertThat(request.getPreviousResourceState()).isNull();
    }
}
