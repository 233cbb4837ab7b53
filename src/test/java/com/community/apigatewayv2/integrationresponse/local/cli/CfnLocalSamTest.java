package com.community.apigatewayv2.integrationresponse.local.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.community.apigatewayv2.integrationresponse.local.apigateway.LocalApiGatewayV2;
import com.community.apigatewayv2.integrationresponse.local.stack.LocalDeployment;
import com.community.apigatewayv2.integrationresponse.local.stack.StsStandIn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;

/**
 * {@code bin/cfn-local invoke} with the sam-tests events, against a running local stack as
 * {@code serve} runs it, and {@code lifecycle --aws} with the long-term keys an IAM user has.
 */
class CfnLocalSamTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> environment = new HashMap<>();
    private final Map<String, String> savedProperties = new HashMap<>();
    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    @AfterEach
    void restore() {
        savedProperties.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    private int run(final String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        return new CfnLocal(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        environment::get)
                .run(args);
    }

    private JsonNode printed() throws IOException {
        return JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void eachSamTestsEventRunsAgainstTheLocalStackWithItsIdsFilledIn() throws IOException {
        try (LocalDeployment stack =
                        LocalDeployment.start(false, null, 0, 0, new PrintStream(OutputStream.nullOutputStream()));
                ApiGatewayV2Client client = stack.prerequisitesClient()) {
            final LocalDeployment.Prerequisites ids = stack.createPrerequisites(client, "sam-tests");
            final String endpoint = stack.lambdaUri().toString();

            assertEquals(
                    0,
                    run(
                            "invoke",
                            "--endpoint",
                            endpoint,
                            "--api-id",
                            ids.apiId(),
                            "--integration-id",
                            ids.integrationId(),
                            "sam-tests/create.json"),
                    this::errors);
            final JsonNode created = printed().get("resourceModel");
            assertEquals(ids.apiId(), created.get("ApiId").asText());
            assertEquals("/200/", created.get("IntegrationResponseKey").asText());
            final String responseId = created.get("IntegrationResponseId").asText();
            assertEquals(
                    "export IntegrationResponseTestIntegrationResponseId=" + responseId + System.lineSeparator(),
                    errors());

            // the rest as a shell user runs them: the ids exported, as serve and the CREATE printed them
            environment.put("IntegrationResponseTestApiId", ids.apiId());
            environment.put("IntegrationResponseTestIntegrationId", ids.integrationId());
            environment.put("IntegrationResponseTestIntegrationResponseId", responseId);

            assertEquals(0, run("invoke", "--endpoint", endpoint, "READ", "sam-tests/read.json"), this::errors);
            assertEquals(
                    responseId,
                    printed().get("resourceModel").get("IntegrationResponseId").asText());
            assertEquals(
                    "{\"$default\":\"{\\\"status\\\": \\\"ok\\\"}\"}",
                    printed().get("resourceModel").get("ResponseTemplates").toString());

            assertEquals(0, run("invoke", "--endpoint", endpoint, "sam-tests/update.json"), this::errors);
            assertEquals(
                    "/2\\d\\d/",
                    printed().get("resourceModel").get("IntegrationResponseKey").asText());
            assertEquals(
                    "CONVERT_TO_BINARY",
                    printed()
                            .get("resourceModel")
                            .get("ContentHandlingStrategy")
                            .asText());

            assertEquals(0, run("invoke", "--endpoint", endpoint, "sam-tests/list.json"), this::errors);
            assertEquals(1, printed().get("resourceModels").size());
            assertEquals(
                    responseId,
                    printed()
                            .get("resourceModels")
                            .get(0)
                            .get("IntegrationResponseId")
                            .asText());

            assertEquals(0, run("invoke", "--endpoint", endpoint, "sam-tests/delete.json"), this::errors);
            assertEquals("SUCCESS", printed().get("status").asText());
            assertThat(printed().has("resourceModel")).isFalse();

            assertEquals(1, run("invoke", "--endpoint", endpoint, "sam-tests/read.json"), this::errors);
            assertEquals("NotFound", printed().get("errorCode").asText());
        }
    }

    @Test
    void aPlaceholderWithoutAValueIsAUsageErrorNamingIt() {
        environment.put("IntegrationResponseTestApiId", "api1");
        environment.put("IntegrationResponseTestIntegrationId", "int1");

        assertEquals(2, run("invoke", "--endpoint", "http://127.0.0.1:9", "sam-tests/read.json"));

        assertThat(errors())
                .startsWith("cfn-local: sam-tests/read.json: no value for the placeholder"
                        + " {{IntegrationResponseTestIntegrationResponseId}}")
                .contains(
                        "give --api-id, --integration-id, --integration-response-id or export the placeholder's name");
    }

    @Test
    void anActionOtherThanTheEventsIsAUsageError() {
        assertEquals(2, run("invoke", "DELETE", "sam-tests/create.json"));

        assertThat(errors()).startsWith("cfn-local: sam-tests/create.json is a CREATE event, not DELETE");
    }

    @Test
    void idOptionsFillAnActionRequestsPlaceholdersAsASamEventsAndAMissingOneIsNamed() {
        assertEquals(2, run("invoke", "--api-id", "api1", "CREATE", "inputs/inputs_1_create.json"));

        assertThat(errors())
                .isEqualTo("cfn-local: inputs/inputs_1_create.json: no value for the placeholder"
                        + " {{IntegrationResponseTestIntegrationId}}; known: IntegrationResponseTestApiId"
                        + " (bin/cfn-local help)\n");
    }

    /**
     * An IAM user's keys from the default chain (system properties here, no session token): every
     * request carries the temporary credentials STS gave for them, GetSessionToken is called once, and
     * the whole lifecycle passes. The "real" service is the local API Gateway V2 behind the SDK's
     * standard endpoint setting.
     */
    @Test
    void lifecycleWithAwsTradesLongTermKeysForSessionCredentials() throws IOException {
        try (StsStandIn sts = new StsStandIn();
                LocalApiGatewayV2 apiGateway = new LocalApiGatewayV2().start()) {
            setProperty("aws.accessKeyId", "AKIALONGTERMUSER0003");
            setProperty("aws.secretAccessKey", "long-term-secret-3");
            setProperty("aws.sessionToken", null);
            setProperty("aws.endpointUrlSts", sts.url());
            setProperty(LocalApiGatewayV2.ENDPOINT_PROPERTY, apiGateway.url());

            assertEquals(0, run("lifecycle", "--aws", "--region", "us-east-1"), this::errors);

            assertThat(out.toString(StandardCharsets.UTF_8)).contains("contract: OK");
            assertEquals(1, sts.requests().size());
            assertThat(sts.requests().get(0).authorization()).contains("Credential=AKIALONGTERMUSER0003/");
        }
    }

    private void setProperty(final String name, final String value) {
        savedProperties.putIfAbsent(name, System.getProperty(name));
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }
}
