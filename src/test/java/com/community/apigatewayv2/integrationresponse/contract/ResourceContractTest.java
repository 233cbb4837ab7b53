package com.community.apigatewayv2.integrationresponse.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.community.apigatewayv2.integrationresponse.local.lambda.LambdaInvoker;
import com.community.apigatewayv2.integrationresponse.local.stack.CloudFormationDriver;
import com.community.apigatewayv2.integrationresponse.local.stack.ContractChecks;
import com.community.apigatewayv2.integrationresponse.local.stack.ContractInputs;
import com.community.apigatewayv2.integrationresponse.local.stack.HandlerRequests;
import com.community.apigatewayv2.integrationresponse.local.stack.Lifecycle;
import com.community.apigatewayv2.integrationresponse.local.stack.LocalDeployment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;

/**
 * The CloudFormation resource contract, as {@code cfn test} checks it, through the local Lambda
 * endpoint over HTTP against the local API Gateway V2 endpoint, from the project's own inputs/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResourceContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CloudFormationDriver DRIVER = new CloudFormationDriver();

    private LocalDeployment stack;
    private ApiGatewayV2Client prerequisitesClient;
    private LocalDeployment.Prerequisites prerequisites;
    private ContractInputs inputs;
    private LambdaInvoker invoker;
    private HandlerRequests requests;
    private final List<JsonNode> events = new ArrayList<>();

    @BeforeAll
    void startTheLocalStack() throws IOException {
        stack = LocalDeployment.start(
                false, null, 0, 0, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        // every call, the handler's and the prerequisites', must carry the caller's session token
        stack.apiGateway().requireSessionToken(((AwsSessionCredentials) stack.credentials()).sessionToken());
        prerequisitesClient = stack.prerequisitesClient();
        invoker = new LambdaInvoker(stack.lambdaUri());
        requests = stack.requests();
    }

    @BeforeEach
    void freshParents() throws IOException {
        prerequisites = stack.createPrerequisites(prerequisitesClient, "contract");
        inputs = ContractInputs.load(Path.of("inputs"), 1, prerequisites.placeholders());
    }

    @AfterAll
    void stop() {
        try {
            everyEventKeepsTheContract();
        } finally {
            stack.close();
        }
    }

    private JsonNode call(final String action, final JsonNode desired, final JsonNode previous, final String nextToken)
            throws IOException, InterruptedException {
        final ObjectNode request = requests.request(action, desired, previous, nextToken);
        final List<JsonNode> answered = DRIVER.run(invoker, request);
        answered.forEach(event ->
                events.add(JSON.createObjectNode().put("action", action).set("event", event)));
        return answered.get(answered.size() - 1);
    }

    private static JsonNode withoutId(final JsonNode model) {
        final ObjectNode copy = model.deepCopy();
        copy.remove("IntegrationResponseId");
        return copy;
    }

    private List<JsonNode> listAll(final JsonNode model) throws IOException, InterruptedException {
        final ObjectNode scope = JSON.createObjectNode()
                .put("ApiId", model.get("ApiId").asText())
                .put("IntegrationId", model.get("IntegrationId").asText());
        final List<JsonNode> models = new ArrayList<>();
        String token = null;
        do {
            final JsonNode page = call("LIST", scope, null, token);
            assertEquals("SUCCESS", page.path("status").asText(), page.toString());
            page.path("resourceModels").forEach(models::add);
            token = page.hasNonNull("nextToken") ? page.get("nextToken").asText() : null;
        } while (token != null);
        return models;
    }

    private void assertFailed(final JsonNode event, final String errorCode) {
        assertEquals("FAILED", event.path("status").asText(), event.toString());
        assertEquals(errorCode, event.path("errorCode").asText(), event.toString());
        assertThat(event.path("message").asText()).isNotBlank();
    }

    @Test
    void createThenReadEqualsTheInputAndListContainsIt() throws Exception {
        final JsonNode created = call("CREATE", inputs.create(), null, null);
        assertEquals("SUCCESS", created.path("status").asText(), created.toString());
        final JsonNode model = created.get("resourceModel");
        assertEquals(inputs.create(), withoutId(model));

        final JsonNode read = call("READ", ContractChecks.identifierOf(model), null, null);
        assertEquals("SUCCESS", read.path("status").asText());
        assertEquals(model, read.get("resourceModel"));
        assertThat(listAll(model)).contains(model);
    }

    @Test
    void updateThenReadEqualsTheUpdateInputAndKeepsThePrimaryIdentifier() throws Exception {
        final JsonNode created = call("CREATE", inputs.create(), null, null).get("resourceModel");
        final ObjectNode desired = ((ObjectNode) inputs.update().deepCopy())
                .put(
                        "IntegrationResponseId",
                        created.get("IntegrationResponseId").asText());

        final JsonNode updated = call("UPDATE", desired, created, null);

        assertEquals("SUCCESS", updated.path("status").asText(), updated.toString());
        assertEquals(inputs.update(), withoutId(updated.get("resourceModel")));
        assertEquals(ContractChecks.identifierOf(created), ContractChecks.identifierOf(updated.get("resourceModel")));
        assertEquals(
                updated.get("resourceModel"),
                call("READ", ContractChecks.identifierOf(created), null, null).get("resourceModel"));
        assertThat(listAll(created)).contains(updated.get("resourceModel"));
    }

    @Test
    void anUpdateThatRemovesMapKeysReadsBackWithoutThem() throws Exception {
        final ObjectNode create = JSON.createObjectNode()
                .put("ApiId", prerequisites.apiId())
                .put("IntegrationId", prerequisites.integrationId())
                .put("IntegrationResponseKey", "/4\\d\\d/");
        create.putObject("ResponseTemplates")
                .put("application/json", "{\"error\": true}")
                .put("text/plain", "error");
        create.putObject("ResponseParameters")
                .put("method.response.header.X-Kept", "'kept'")
                .put("method.response.header.X-Removed", "integration.response.header.X-Removed");
        final JsonNode created = call("CREATE", create, null, null).get("resourceModel");
        final ObjectNode desired = create.deepCopy()
                .put(
                        "IntegrationResponseId",
                        created.get("IntegrationResponseId").asText());
        desired.putObject("ResponseTemplates").put("application/json", "{\"error\": true}");
        desired.putObject("ResponseParameters").put("method.response.header.X-Kept", "'kept'");

        final JsonNode updated = call("UPDATE", desired, created, null);
        final JsonNode read = call("READ", ContractChecks.identifierOf(created), null, null);

        assertEquals("SUCCESS", updated.path("status").asText(), updated.toString());
        assertEquals(desired, updated.get("resourceModel"));
        assertEquals(
                JSON.readTree("{\"application/json\": \"{\\\"error\\\": true}\"}"),
                read.get("resourceModel").get("ResponseTemplates"));
        assertEquals(
                JSON.readTree("{\"method.response.header.X-Kept\": \"'kept'\"}"),
                read.get("resourceModel").get("ResponseParameters"));
    }

    @Test
    void updateOfAResourceNeverCreatedFailsNotFound() throws Exception {
        assertFailed(call("UPDATE", inputs.update(), null, null), "NotFound");
        final ObjectNode madeUp = ((ObjectNode) inputs.update().deepCopy()).put("IntegrationResponseId", "nosuch1");
        assertFailed(call("UPDATE", madeUp, null, null), "NotFound");
    }

    @Test
    void afterDeleteReadUpdateAndDeleteFailNotFoundAndListNoLongerHasIt() throws Exception {
        final JsonNode created = call("CREATE", inputs.create(), null, null).get("resourceModel");
        final JsonNode identifier = ContractChecks.identifierOf(created);

        final JsonNode deleted = call("DELETE", identifier, null, null);
        assertEquals("SUCCESS", deleted.path("status").asText(), deleted.toString());
        assertThat(deleted.has("resourceModel")).as("DELETE returns no model").isFalse();

        assertFailed(call("READ", identifier, null, null), "NotFound");
        final ObjectNode desired = ((ObjectNode) inputs.update().deepCopy())
                .put(
                        "IntegrationResponseId",
                        created.get("IntegrationResponseId").asText());
        assertFailed(call("UPDATE", desired, created, null), "NotFound");
        assertFailed(call("DELETE", identifier, null, null), "NotFound");
        assertThat(listAll(created)).doesNotContain(created);
    }

    @Test
    void theInvalidInputFailsInvalidRequest() throws Exception {
        assertFailed(call("CREATE", inputs.invalid(), null, null), "InvalidRequest");
    }

    @Test
    void aDuplicateKeyFailsAlreadyExists() throws Exception {
        assertEquals(
                "SUCCESS",
                call("CREATE", inputs.create(), null, null).path("status").asText());
        assertFailed(call("CREATE", inputs.create(), null, null), "AlreadyExists");
    }

    @Test
    void theLifecycleCommandFindsNoBreak() throws Exception {
        final ByteArrayOutputStream lines = new ByteArrayOutputStream();
        final List<String> violations = new Lifecycle(
                        invoker, requests, new PrintStream(lines, true, StandardCharsets.UTF_8))
                .run(inputs.create(), inputs.update());
        assertThat(violations).isEmpty();
        assertThat(lines.toString(StandardCharsets.UTF_8).lines())
                .extracting(line -> line.split("\\s+")[0] + " " + line.split("\\s+")[1])
                .containsExactly(
                        "CREATE SUCCESS",
                        "READ SUCCESS",
                        "READ SUCCESS",
                        "UPDATE SUCCESS",
                        "READ SUCCESS",
                        "READ SUCCESS",
                        "LIST SUCCESS",
                        "DELETE SUCCESS",
                        "READ FAILED",
                        "DELETE FAILED");
    }

    /** Checked over every event the suite saw, once all tests ran. */
    private void everyEventKeepsTheContract() {
        assertThat(events).isNotEmpty();
        final List<String> breaks = new ArrayList<>();
        for (final JsonNode recorded : events) {
            breaks.addAll(CloudFormationDriver.breaksOf(recorded.get("action").asText(), recorded.get("event")));
        }
        assertThat(breaks).as("the contract every progress event keeps").isEmpty();
    }
}
