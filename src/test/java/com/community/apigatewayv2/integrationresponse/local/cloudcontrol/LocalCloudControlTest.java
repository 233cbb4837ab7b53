package com.community.apigatewayv2.integrationresponse.local.cloudcontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.community.apigatewayv2.integrationresponse.local.stack.LocalDeployment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.DescribeTypeResponse;
import software.amazon.awssdk.services.cloudformation.model.RegistryType;
import software.amazon.awssdk.services.cloudformation.model.TypeNotFoundException;
import software.amazon.awssdk.services.cloudformation.model.TypeSummary;

/**
 * The local Cloud Control API on the wire (awsJson1_0, as botocore's {@code cloudcontrol} model
 * describes it; the Java SDK's cloudcontrol module is not served here, and the AWS CLI and boto3 drive
 * it in {@code CloudControlClientsIT}), and the registry through the Java SDK's CloudFormation client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalCloudControlTest {
    private static final String TYPE = "Community::ApiGatewayV2::IntegrationResponse";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalDeployment stack;
    private HttpClient http;
    private ApiGatewayV2Client apiGateway;
    private LocalDeployment.Prerequisites parents;

    /** One answer: its HTTP status and JSON body. */
    private record Answer(int status, JsonNode body) {
        String errorType() {
            return body.path("__type").asText();
        }

        String message() {
            return body.path("Message").asText();
        }

        JsonNode event() {
            return body.path("ProgressEvent");
        }
    }

    @BeforeAll
    void start() throws Exception {
        stack = LocalDeployment.start(
                false,
                null,
                0,
                0,
                0,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                LocalDeployment.Pace.REAL_TIME);
        http = HttpClient.newHttpClient();
        apiGateway = stack.prerequisitesClient();
    }

    @BeforeEach
    void freshParents() {
        parents = stack.createPrerequisites(apiGateway, "cloudcontrol");
    }

    @AfterAll
    void stop() {
        stack.close();
    }

    private Answer call(final String operation, final String body) throws Exception {
        final HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(stack.cloudControl().url() + "/"))
                        .header("Content-Type", "application/x-amz-json-1.0")
                        .header("X-Amz-Target", "CloudApiService." + operation)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    /** A request body: TypeName and the given members; string values are JSON-encoded as the SDKs do. */
    private static String body(final Object... members) {
        final ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < members.length; i += 2) {
            final Object value = members[i + 1];
            if (value instanceof Integer number) {
                node.put((String) members[i], number);
            } else if (value instanceof JsonNode json) {
                node.set((String) members[i], json);
            } else {
                node.put((String) members[i], (String) value);
            }
        }
        return node.toString();
    }

    private String parentsJson() {
        return "\"ApiId\":\"" + parents.apiId() + "\",\"IntegrationId\":\"" + parents.integrationId() + "\"";
    }

    private JsonNode create(final String properties) throws Exception {
        final Answer started =
                call("CreateResource", body("TypeName", TYPE, "DesiredState", "{" + parentsJson() + properties + "}"));
        assertThat(started.status()).as(started.body().toString()).isEqualTo(200);
        return finished(started.event().path("RequestToken").asText(), "SUCCESS");
    }

    /** Polls GetResourceRequestStatus until the request is final, and checks it ended as expected. */
    private JsonNode finished(final String requestToken, final String expectedStatus) throws Exception {
        final Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            final Answer answer = call("GetResourceRequestStatus", body("RequestToken", requestToken));
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
            final String status = answer.event().path("OperationStatus").asText();
            if (!status.equals("PENDING") && !status.equals("IN_PROGRESS")) {
                assertThat(status).as(answer.body().toString()).isEqualTo(expectedStatus);
                return answer.event();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("still " + status + " after 60 s: " + answer.body());
            }
            Thread.sleep(50);
        }
    }

    private static JsonNode json(final String text) throws Exception {
        return JSON.readTree(text);
    }

    private String onlyResponseId() {
        return apiGateway
                .getIntegrationResponses(r -> r.apiId(parents.apiId()).integrationId(parents.integrationId()))
                .items()
                .get(0)
                .integrationResponseId();
    }

    @Test
    void createAnswersAtOnceThenSucceedsWithTheIdentifierAndTheModel() throws Exception {
        final Answer started = call(
                "CreateResource",
                body(
                        "TypeName",
                        TYPE,
                        "DesiredState",
                        "{" + parentsJson() + ",\"IntegrationResponseKey\":\"$default\"}"));
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.event().path("TypeName").asText()).isEqualTo(TYPE);
        assertThat(started.event().path("Operation").asText()).isEqualTo("CREATE");
        assertThat(started.event().path("OperationStatus").asText()).isIn("PENDING", "IN_PROGRESS");
        assertThat(started.event().path("EventTime").isNumber()).isTrue();

        final JsonNode done = finished(started.event().path("RequestToken").asText(), "SUCCESS");
        final String responseId = onlyResponseId();
        assertThat(done.path("Identifier").asText())
                .isEqualTo(parents.apiId() + "|" + parents.integrationId() + "|" + responseId);
        assertThat(json(done.path("ResourceModel").asText()))
                .isEqualTo(json("{" + parentsJson() + ",\"IntegrationResponseId\":\"" + responseId
                        + "\",\"IntegrationResponseKey\":\"$default\"}"));
    }

    @Test
    void getResourceReadsByEitherIdentifierFormAndAnswersNotFoundOnceDeleted() throws Exception {
        create(",\"IntegrationResponseKey\":\"/200/\",\"ResponseTemplates\":{\"application/json\":\"{}\"}");
        final String id = onlyResponseId();
        final String identifier = parents.apiId() + "|" + parents.integrationId() + "|" + id;

        final Answer byPipes = call("GetResource", body("TypeName", TYPE, "Identifier", identifier));
        final Answer byJson = call(
                "GetResource",
                body(
                        "TypeName",
                        TYPE,
                        "Identifier",
                        "{\"IntegrationResponseId\":\"" + id + "\"," + parentsJson() + "}"));

        final JsonNode expected = json("{" + parentsJson() + ",\"IntegrationResponseId\":\"" + id
                + "\",\"IntegrationResponseKey\":\"/200/\",\"ResponseTemplates\":{\"application/json\":\"{}\"}}");
        assertThat(byPipes.body().path("TypeName").asText()).isEqualTo(TYPE);
        assertThat(byPipes.body().at("/ResourceDescription/Identifier").asText())
                .isEqualTo(identifier);
        assertThat(json(byPipes.body().at("/ResourceDescription/Properties").asText()))
                .isEqualTo(expected);
        assertThat(byJson.body().at("/ResourceDescription/Identifier").asText()).isEqualTo(identifier);
        assertThat(json(byJson.body().at("/ResourceDescription/Properties").asText()))
                .isEqualTo(expected);

        final Answer deleting = call("DeleteResource", body("TypeName", TYPE, "Identifier", identifier));
        assertThat(deleting.event().path("Operation").asText()).isEqualTo("DELETE");
        assertThat(deleting.event().path("Identifier").asText()).isEqualTo(identifier);
        finished(deleting.event().path("RequestToken").asText(), "SUCCESS");
        assertThat(apiGateway
                        .getIntegrationResponses(r -> r.apiId(parents.apiId()).integrationId(parents.integrationId()))
                        .items())
                .isEmpty();
        final Answer gone = call("GetResource", body("TypeName", TYPE, "Identifier", identifier));
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorType()).isEqualTo("ResourceNotFoundException");
    }

    @Test
    void anIdentifierWithoutAllThreePartsIsRefused() throws Exception {
        final Answer answer = call(
                "GetResource", body("TypeName", TYPE, "Identifier", parents.apiId() + "|" + parents.integrationId()));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorType()).isEqualTo("InvalidRequestException");
    }

    @Test
    void updateAppliesThePatchToTheCurrentStateWithEscapedPathsAndUpdatesTheService() throws Exception {
        final JsonNode created = create(",\"IntegrationResponseKey\":\"/200/\",\"ResponseTemplates\":"
                + "{\"application/json\":\"{}\",\"text/plain\":\"ok\"}");
        final String identifier = created.path("Identifier").asText();
        final String id = onlyResponseId();

        final Answer updating = call(
                "UpdateResource",
                body(
                        "TypeName",
                        TYPE,
                        "Identifier",
                        identifier,
                        "PatchDocument",
                        "[{\"op\":\"test\",\"path\":\"/IntegrationResponseKey\",\"value\":\"/200/\"},"
                                + "{\"op\":\"replace\",\"path\":\"/IntegrationResponseKey\",\"value\":\"/4\\\\d{2}/\"},"
                                + "{\"op\":\"remove\",\"path\":\"/ResponseTemplates/application~1json\"},"
                                + "{\"op\":\"add\",\"path\":\"/ContentHandlingStrategy\",\"value\":\"CONVERT_TO_TEXT\"}]"));
        assertThat(updating.status()).as(updating.body().toString()).isEqualTo(200);
        assertThat(updating.event().path("Operation").asText()).isEqualTo("UPDATE");
        finished(updating.event().path("RequestToken").asText(), "SUCCESS");

        final var inService = apiGateway.getIntegrationResponse(r ->
                r.apiId(parents.apiId()).integrationId(parents.integrationId()).integrationResponseId(id));
        assertThat(inService.integrationResponseKey()).isEqualTo("/4\\d{2}/");
        assertThat(inService.responseTemplates()).isEqualTo(Map.of("text/plain", "ok"));
        assertThat(inService.contentHandlingStrategyAsString()).isEqualTo("CONVERT_TO_TEXT");
    }

    @Test
    void patchesCloudControlRefusesAreRefusedWithItsWordingAndChangeNothing() throws Exception {
        final String identifier = create(
                        ",\"IntegrationResponseKey\":\"/200/\",\"ResponseTemplates\":{\"application/json\":\"{}\"}")
                .path("Identifier")
                .asText();

        assertThat(update(identifier, "[{\"op\":\"replace\",\"path\":\"/ApiId\",\"value\":\"other\"}]"))
                .isEqualTo("NotUpdatableException: Invalid patch update: createOnlyProperties [/properties/ApiId]"
                        + " cannot be updated");
        assertThat(update(
                        identifier,
                        "[{\"op\":\"replace\",\"path\":\"/IntegrationId\",\"value\":\"other\"},"
                                + "{\"op\":\"remove\",\"path\":\"/ApiId\"}]"))
                .isEqualTo("NotUpdatableException: Invalid patch update: createOnlyProperties "
                        + "[/properties/ApiId,/properties/IntegrationId] cannot be updated");
        assertThat(update(identifier, "[{\"op\":\"replace\",\"path\":\"/IntegrationResponseId\",\"value\":\"x1\"}]"))
                .isEqualTo("NotUpdatableException: Invalid patch update: readOnlyProperties "
                        + "[/properties/IntegrationResponseId] cannot be updated");
        assertThat(update(identifier, "[{\"op\":\"remove\",\"path\":\"/IntegrationResponseKey\"}]"))
                .startsWith("InvalidRequestException: Model validation failed (")
                .contains("IntegrationResponseKey");
        assertThat(update(
                        identifier,
                        "[{\"op\":\"replace\",\"path\":\"/IntegrationResponseKey\",\"value\":\"/500/\"},"
                                + "{\"op\":\"test\",\"path\":\"/IntegrationResponseKey\",\"value\":\"/200/\"}]"))
                .startsWith(
                        "InvalidRequestException: Invalid patch update: operation 2 (test /IntegrationResponseKey): ");
        assertThat(update(identifier, "[{\"op\":\"remove\",\"path\":\"/ResponseTemplates/a~1b\"}]"))
                .startsWith(
                        "InvalidRequestException: Invalid patch update: operation 1 (remove /ResponseTemplates/a~1b): ");
        // a path not escaped as RFC 6901 asks ("~1" for "/") names a member of a member that is not there
        assertThat(update(
                        identifier,
                        "[{\"op\":\"replace\",\"path\":\"/ResponseTemplates/application/json\",\"value\":\"x\"}]"))
                .isEqualTo("InvalidRequestException: Invalid patch update: operation 1"
                        + " (replace /ResponseTemplates/application/json): Missing field \"application\"");
        assertThat(update(identifier, "{\"op\":\"remove\"}"))
                .isEqualTo("InvalidRequestException: Invalid patch document: it must be a JSON array of RFC 6902"
                        + " operations");
        assertThat(update(identifier, "[{\"op\":\"frobnicate\",\"path\":\"/A\"}]"))
                .startsWith("InvalidRequestException: Invalid patch document: ");
        assertThat(update(identifier, "[{\"op\":"))
                .isEqualTo("InvalidRequestException: Invalid patch document: not JSON");

        final String id = onlyResponseId();
        assertThat(apiGateway
                        .getIntegrationResponse(r -> r.apiId(parents.apiId())
                                .integrationId(parents.integrationId())
                                .integrationResponseId(id))
                        .integrationResponseKey())
                .isEqualTo("/200/");
        final Answer updates = call(
                "ListResourceRequests",
                body("ResourceRequestStatusFilter", json("{\"Operations\":[\"UPDATE\"]}"), "MaxResults", 100));
        assertThat(updates.body().path("ResourceRequestStatusSummaries").findValuesAsText("Identifier"))
                .doesNotContain(identifier);
    }

    /** The error an UpdateResource with this patch answers, as "type: message". */
    private String update(final String identifier, final String patch) throws Exception {
        final Answer answer =
                call("UpdateResource", body("TypeName", TYPE, "Identifier", identifier, "PatchDocument", patch));
        assertThat(answer.status()).as(answer.body().toString()).isBetween(400, 499);
        return answer.errorType() + ": " + answer.message();
    }

    @Test
    void aClientTokenReplaysItsRequestAndRefusesOtherParameters() throws Exception {
        final String desired = "{" + parentsJson() + ",\"IntegrationResponseKey\":\"/201/\"}";
        final Answer first =
                call("CreateResource", body("TypeName", TYPE, "DesiredState", desired, "ClientToken", "token-1"));
        final String token = first.event().path("RequestToken").asText();
        finished(token, "SUCCESS");
        // the same properties in another order are the same request
        final Answer again = call(
                "CreateResource",
                body(
                        "TypeName",
                        TYPE,
                        "DesiredState",
                        "{\"IntegrationResponseKey\":\"/201/\",\"IntegrationId\":\"" + parents.integrationId()
                                + "\",\"ApiId\":\"" + parents.apiId() + "\"}",
                        "ClientToken",
                        "token-1"));

        assertThat(again.event().path("RequestToken").asText()).isEqualTo(token);
        assertThat(again.event().path("OperationStatus").asText()).isEqualTo("SUCCESS");
        assertThat(apiGateway
                        .getIntegrationResponses(r -> r.apiId(parents.apiId()).integrationId(parents.integrationId()))
                        .items())
                .hasSize(1);
        final Answer conflict = call(
                "CreateResource",
                body(
                        "TypeName",
                        TYPE,
                        "DesiredState",
                        "{" + parentsJson() + ",\"IntegrationResponseKey\":\"/202/\"}",
                        "ClientToken",
                        "token-1"));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.errorType()).isEqualTo("ClientTokenConflictException");
    }

    @Test
    void aHandlerFailureIsAFailedRequestWithTheHandlersErrorCode() throws Exception {
        final Answer started = call(
                "CreateResource",
                body(
                        "TypeName",
                        TYPE,
                        "DesiredState",
                        "{\"ApiId\":\"nosuchapi\",\"IntegrationId\":\"nosuch\",\"IntegrationResponseKey\":\"$default\"}"));
        final JsonNode failed = finished(started.event().path("RequestToken").asText(), "FAILED");
        assertThat(failed.path("ErrorCode").asText()).isEqualTo("NotFound");
        assertThat(failed.path("StatusMessage").asText()).isNotBlank();
        assertThat(failed.has("ResourceModel")).isFalse();
    }

    @Test
    void aDesiredStateTheSchemaRefusesFailsTheRequestWithInvalidRequest() throws Exception {
        final Answer started = call(
                "CreateResource",
                body("TypeName", TYPE, "DesiredState", "{" + parentsJson() + ",\"IntegrationResponseKey\":5}"));
        final JsonNode failed = finished(started.event().path("RequestToken").asText(), "FAILED");
        assertThat(failed.path("ErrorCode").asText()).isEqualTo("InvalidRequest");
        assertThat(failed.path("StatusMessage").asText()).contains("IntegrationResponseKey");
    }

    @Test
    void listResourcesNeedsBothParentsAndAnswersEveryResponseOfTheIntegration() throws Exception {
        create(",\"IntegrationResponseKey\":\"/200/\"");
        create(",\"IntegrationResponseKey\":\"/300/\"");

        final Answer none = call("ListResources", body("TypeName", TYPE));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.errorType()).isEqualTo("InvalidRequestException");
        assertThat(none.message())
                .isEqualTo("Missing or invalid ResourceModel property in " + TYPE
                        + " list handler request input. Required property: (#: required key [ApiId] not found, "
                        + "#: required key [IntegrationId] not found)");
        final Answer onlyApi = call(
                "ListResources", body("TypeName", TYPE, "ResourceModel", "{\"ApiId\":\"" + parents.apiId() + "\"}"));
        assertThat(onlyApi.message())
                .isEqualTo(
                        "Missing or invalid ResourceModel property in " + TYPE
                                + " list handler request input. Required property: (#: required key [IntegrationId] not found)");

        // MaxResults is "Reserved" in Cloud Control's reference: the handler pages as the service does
        final Answer all = call(
                "ListResources", body("TypeName", TYPE, "ResourceModel", "{" + parentsJson() + "}", "MaxResults", 1));
        assertThat(all.status()).as(all.body().toString()).isEqualTo(200);
        assertThat(all.body().path("TypeName").asText()).isEqualTo(TYPE);
        assertThat(all.body().has("NextToken")).isFalse();
        final List<String> keys = new ArrayList<>();
        for (JsonNode description : all.body().path("ResourceDescriptions")) {
            assertThat(description.path("Identifier").asText())
                    .startsWith(parents.apiId() + "|" + parents.integrationId() + "|");
            keys.add(json(description.path("Properties").asText())
                    .path("IntegrationResponseKey")
                    .asText());
        }
        assertThat(keys).containsExactlyInAnyOrder("/200/", "/300/");
    }

    @Test
    void resourceRequestsAreListedNewestFirstInPagesAndFinishedOnesCannotBeCancelled() throws Exception {
        final String a = create(",\"IntegrationResponseKey\":\"/210/\"")
                .path("RequestToken")
                .asText();
        final String b = create(",\"IntegrationResponseKey\":\"/211/\"")
                .path("RequestToken")
                .asText();
        final JsonNode filter = json("{\"Operations\":[\"CREATE\"],\"OperationStatuses\":[\"SUCCESS\"]}");

        final Answer page = call("ListResourceRequests", body("MaxResults", 1, "ResourceRequestStatusFilter", filter));
        assertThat(page.body().path("ResourceRequestStatusSummaries").findValuesAsText("RequestToken"))
                .containsExactly(b);
        final Answer next = call(
                "ListResourceRequests",
                body(
                        "MaxResults",
                        1,
                        "ResourceRequestStatusFilter",
                        filter,
                        "NextToken",
                        page.body().path("NextToken").asText()));
        assertThat(next.body().path("ResourceRequestStatusSummaries").findValuesAsText("RequestToken"))
                .containsExactly(a);
        assertThat(call("ListResourceRequests", body("NextToken", "not-a-token"))
                        .errorType())
                .isEqualTo("InvalidRequestException");

        final Answer cancel = call("CancelResourceRequest", body("RequestToken", a));
        assertThat(cancel.errorType()).isEqualTo("ConcurrentModificationException");
        final Answer unknown = call("GetResourceRequestStatus", body("RequestToken", "0000-unknown"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorType()).isEqualTo("RequestTokenNotFoundException");
    }

    @Test
    void anotherTypeIsNotFoundAndAMalformedOneIsAValidationError() throws Exception {
        final Answer other =
                call("GetResource", body("TypeName", "AWS::ApiGatewayV2::IntegrationResponse", "Identifier", "a|b|c"));
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.errorType()).isEqualTo("TypeNotFoundException");
        assertThat(other.message()).isEqualTo("The type 'AWS::ApiGatewayV2::IntegrationResponse' cannot be found.");
        final Answer malformed = call("GetResource", body("TypeName", "Community", "Identifier", "a|b|c"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorType()).isEqualTo("ValidationException");
        final Answer unknown = call("FrobnicateResource", "{}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorType()).isEqualTo("UnknownOperationException");
    }

    @Test
    @SuppressWarnings("deprecation") // the Apache 4 client is the only one on this classpath (see EmulatorClients)
    void theRegistryDescribesTheTypeWithTheProjectsSchema() throws Exception {
        try (CloudFormationClient cloudFormation = CloudFormationClient.builder()
                .endpointOverride(URI.create(stack.cloudControl().url()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "local")))
                .httpClient(ApacheHttpClient.create())
                .build()) {
            final DescribeTypeResponse described = cloudFormation.describeType(
                    r -> r.type(RegistryType.RESOURCE).typeName(TYPE));
            assertThat(described.typeName()).isEqualTo(TYPE);
            assertThat(described.arn())
                    .isEqualTo("arn:aws:cloudformation:us-east-1:123456789012:type/resource/"
                            + "Community-ApiGatewayV2-IntegrationResponse");
            final JsonNode schema = json(described.schema());
            assertThat(schema.path("typeName").asText()).isEqualTo(TYPE);
            assertThat(schema.path("primaryIdentifier").toString())
                    .isEqualTo("[\"/properties/ApiId\",\"/properties/IntegrationId\","
                            + "\"/properties/IntegrationResponseId\"]");
            assertThat(cloudFormation
                            .listTypes(r -> r.type(RegistryType.RESOURCE))
                            .typeSummaries())
                    .extracting(TypeSummary::typeName)
                    .containsExactly(TYPE);
            assertThatThrownBy(() -> cloudFormation.describeType(
                            r -> r.type(RegistryType.RESOURCE).typeName("AWS::S3::Bucket")))
                    .isInstanceOf(TypeNotFoundException.class);

            assertThat(cloudFormation.listExports(r -> {}).exports()).isEmpty();
            stack.cloudControl()
                    .setExports(new java.util.LinkedHashMap<>(Map.of("IntegrationResponseTestApiId", "api1")));
            assertThat(cloudFormation.listExports(r -> {}).exports())
                    .extracting(e -> e.name() + "=" + e.value() + " from " + e.exportingStackId())
                    .containsExactly("IntegrationResponseTestApiId=api1 from arn:aws:cloudformation:us-east-1:"
                            + "123456789012:stack/cfn-local-serve/3417973c-d67f-37b0-b7e5-6b82f0cc306f");
        }
    }
}
