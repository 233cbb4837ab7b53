package com.community.apigatewayv2.integrationresponse.local.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;

/** What no SDK would send: malformed bodies, wrong JSON types, unknown routes, wrong methods. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalApiGatewayV2RawHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalApiGatewayV2 emulator;
    private ApiGatewayV2Client sdk;
    private HttpClient http;
    private String responsesPath;
    private String responseId;

    @BeforeAll
    void start() throws IOException {
        emulator = new LocalApiGatewayV2().start();
        sdk = EmulatorClients.sdkClient(emulator);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    void stop() {
        sdk.close();
        emulator.close();
    }

    @BeforeEach
    void createResponse() {
        String apiId = EmulatorClients.createWebSocketApi(sdk);
        String integrationId = EmulatorClients.createMockIntegration(sdk, apiId);
        responsesPath = "/v2/apis/" + apiId + "/integrations/" + integrationId + "/integrationresponses";
        responseId = sdk.createIntegrationResponse(r -> r.apiId(apiId)
                        .integrationId(integrationId)
                        .integrationResponseKey("/200/")
                        .responseTemplates(Map.of("a", "b")))
                .integrationResponseId();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.url() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private static void assertServiceError(HttpResponse<String> response, int status, String type) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(Optional.of(type), response.headers().firstValue("x-amzn-ErrorType"));
        assertEquals(Optional.of("application/json"), response.headers().firstValue("Content-Type"));
        JsonNode body = JSON.readTree(response.body());
        assertTrue(body.path("message").isTextual(), response.body());
        assertEquals(1, body.size(), "the body holds only the message: " + response.body());
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("POST", "not json at all"),
                Arguments.of("POST", "{\"integrationResponseKey\": \"/201/\""),
                Arguments.of("POST", "{\"integrationResponseKey\": \"/201/\"} trailing"),
                Arguments.of("POST", "[\"/201/\"]"),
                Arguments.of("POST", "\"/201/\""),
                Arguments.of("POST", "{\"integrationResponseKey\": 201}"),
                Arguments.of("POST", "{\"integrationResponseKey\": [\"/201/\"]}"),
                Arguments.of("POST", "{\"integrationResponseKey\": \"/201/\", \"integrationResponseKey\": \"/202/\"}"),
                Arguments.of("POST", "{\"integrationResponseKey\": \"/201/\", \"responseTemplates\": {\"a\": 1}}"),
                Arguments.of("POST", "{\"integrationResponseKey\": \"/201/\", \"responseTemplates\": {\"a\": null}}"),
                Arguments.of("POST", "{\"integrationResponseKey\": \"/201/\", \"responseParameters\": \"x\"}"),
                Arguments.of("POST", "{\"integrationResponseKey\": \"/201/\", \"templateSelectionExpression\": true}"),
                Arguments.of("POST", "{\"integrationResponseKey\": \"/201/\", \"contentHandlingStrategy\": 1}"),
                Arguments.of("POST", "{}"),
                Arguments.of("POST", ""),
                Arguments.of("PATCH", "{\"templateSelectionExpression\": 5}"),
                Arguments.of("PATCH", "{\"responseTemplates\": [\"a\"]}"),
                Arguments.of("PATCH", "{\"responseParameters\": {\"a\": {\"b\": \"c\"}}}"),
                Arguments.of("PATCH", "{\"integrationResponseKey\": false}"),
                Arguments.of("PATCH", "{{"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badBodies")
    void badBodiesAreBadRequestsAndChangeNothing(String method, String body) throws Exception {
        String before = emulator.stateSnapshot();
        String path = method.equals("POST") ? responsesPath : responsesPath + "/" + responseId;

        assertServiceError(send(method, path, body), 400, "BadRequestException");
        assertEquals(before, emulator.stateSnapshot());
    }

    @Test
    void nullFieldsCountAsAbsent() throws Exception {
        HttpResponse<String> response = send(
                "PATCH",
                responsesPath + "/" + responseId,
                "{\"templateSelectionExpression\": null, \"responseTemplates\": null}");
        assertEquals(200, response.statusCode());
        assertEquals(
                "b",
                JSON.readTree(response.body())
                        .path("responseTemplates")
                        .path("a")
                        .asText());
    }

    @Test
    void createAnswers201WithOnlyTheSetFields() throws Exception {
        HttpResponse<String> response = send(
                "POST",
                responsesPath,
                "{\"integrationResponseKey\": \"$default\", \"responseTemplates\": {\"application/json\": \"\"}}");
        assertEquals(201, response.statusCode());
        JsonNode body = JSON.readTree(response.body());
        assertEquals(3, body.size(), response.body());
        assertEquals("", body.path("responseTemplates").path("application/json").textValue());
        assertTrue(response.headers().firstValue("x-amzn-RequestId").isPresent());
    }

    /** The answer's text with the values the emulator picks (identifiers, the date) named instead. */
    private static String withIdsNamed(String body, String apiId, String integrationId) {
        String named = body.replaceAll("\"createdDate\":\"[0-9T:-]+Z\"", "\"createdDate\":\"DATE\"");
        named = named.replace(apiId, "API_ID");
        return integrationId == null ? named : named.replace(integrationId, "INTEGRATION_ID");
    }

    @Test
    void apisAnswerEveryFieldInTheSameOrderEveryTime() throws Exception {
        HttpResponse<String> created = send(
                "POST",
                "/v2/apis",
                "{\"name\": \"n\", \"protocolType\": \"WEBSOCKET\", \"routeSelectionExpression\": \"$request.body.a\","
                        + " \"apiKeySelectionExpression\": \"$context.authorizer.usageIdentifierKey\","
                        + " \"description\": \"d\", \"version\": \"1\", \"disableSchemaValidation\": true,"
                        + " \"disableExecuteApiEndpoint\": true, \"tags\": {\"z\": \"1\", \"a\": \"\"}}");
        assertEquals(201, created.statusCode(), created.body());
        String apiId = JSON.readTree(created.body()).path("apiId").textValue();
        String expected =
                "{\"name\":\"n\",\"protocolType\":\"WEBSOCKET\",\"routeSelectionExpression\":\"$request.body.a\","
                        + "\"apiKeySelectionExpression\":\"$context.authorizer.usageIdentifierKey\",\"description\":\"d\","
                        + "\"version\":\"1\",\"disableSchemaValidation\":true,\"disableExecuteApiEndpoint\":true,"
                        + "\"tags\":{\"a\":\"\",\"z\":\"1\"},\"createdDate\":\"DATE\",\"apiId\":\"API_ID\","
                        + "\"apiEndpoint\":\"wss://API_ID.execute-api.us-east-1.amazonaws.com\"}";
        assertEquals(expected, withIdsNamed(created.body(), apiId, null));
        assertEquals(
                expected, withIdsNamed(send("GET", "/v2/apis/" + apiId, null).body(), apiId, null));

        HttpResponse<String> http =
                send("POST", "/v2/apis", "{\"name\": \"h\", \"protocolType\": \"HTTP\", \"tags\": {}}");
        assertEquals(201, http.statusCode(), http.body());
        String httpApiId = JSON.readTree(http.body()).path("apiId").textValue();
        assertEquals(
                "{\"name\":\"h\",\"protocolType\":\"HTTP\",\"routeSelectionExpression\":\"$request.method $request.path\","
                        + "\"apiKeySelectionExpression\":\"$request.header.x-api-key\",\"disableExecuteApiEndpoint\":false,"
                        + "\"tags\":{},\"createdDate\":\"DATE\",\"apiId\":\"API_ID\","
                        + "\"apiEndpoint\":\"https://API_ID.execute-api.us-east-1.amazonaws.com\"}",
                withIdsNamed(http.body(), httpApiId, null));
    }

    @Test
    void integrationsAnswerEveryFieldInTheSameOrderEveryTime() throws Exception {
        String apiId = EmulatorClients.createWebSocketApi(sdk);
        String path = "/v2/apis/" + apiId + "/integrations";
        HttpResponse<String> created = send(
                "POST",
                path,
                "{\"integrationType\": \"HTTP\", \"integrationUri\": \"https://example.com\", \"integrationMethod\": \"GET\","
                        + " \"integrationSubtype\": \"s\", \"connectionId\": \"c\", \"credentialsArn\": \"arn\","
                        + " \"description\": \"d\", \"payloadFormatVersion\": \"1.0\", \"templateSelectionExpression\": \"t\","
                        + " \"connectionType\": \"VPC_LINK\", \"passthroughBehavior\": \"NEVER\","
                        + " \"contentHandlingStrategy\": \"CONVERT_TO_TEXT\", \"requestParameters\": {\"b\": \"2\", \"a\": \"1\"},"
                        + " \"requestTemplates\": {}, \"timeoutInMillis\": 50}");
        assertEquals(201, created.statusCode(), created.body());
        String integrationId =
                JSON.readTree(created.body()).path("integrationId").textValue();
        String expected =
                "{\"apiGatewayManaged\":false,\"integrationType\":\"HTTP\",\"integrationUri\":\"https://example.com\","
                        + "\"integrationMethod\":\"GET\",\"integrationSubtype\":\"s\",\"connectionId\":\"c\",\"credentialsArn\":\"arn\","
                        + "\"description\":\"d\",\"payloadFormatVersion\":\"1.0\",\"templateSelectionExpression\":\"t\","
                        + "\"connectionType\":\"VPC_LINK\",\"passthroughBehavior\":\"NEVER\",\"contentHandlingStrategy\":\"CONVERT_TO_TEXT\","
                        + "\"requestParameters\":{\"a\":\"1\",\"b\":\"2\"},\"requestTemplates\":{},\"timeoutInMillis\":50,"
                        + "\"integrationId\":\"INTEGRATION_ID\"}";
        assertEquals(expected, withIdsNamed(created.body(), apiId, integrationId));
        assertEquals(
                expected,
                withIdsNamed(send("GET", path + "/" + integrationId, null).body(), apiId, integrationId));

        HttpResponse<String> mock = send("POST", path, "{\"integrationType\": \"MOCK\"}");
        String mockId = JSON.readTree(mock.body()).path("integrationId").textValue();
        assertEquals(
                "{\"apiGatewayManaged\":false,\"integrationType\":\"MOCK\",\"connectionType\":\"INTERNET\","
                        + "\"timeoutInMillis\":29000,\"integrationId\":\"INTEGRATION_ID\"}",
                withIdsNamed(mock.body(), apiId, mockId));
        assertEquals(
                "{\"items\":[" + expected + ",{\"apiGatewayManaged\":false,\"integrationType\":\"MOCK\","
                        + "\"connectionType\":\"INTERNET\",\"timeoutInMillis\":29000,\"integrationId\":\"MOCK_ID\"}]}",
                withIdsNamed(send("GET", path, null).body(), apiId, integrationId)
                        .replace(mockId, "MOCK_ID"));
    }

    @Test
    void deleteAnswers204WithoutABody() throws Exception {
        HttpResponse<String> response = send("DELETE", responsesPath + "/" + responseId, null);
        assertEquals(204, response.statusCode());
        assertEquals("", response.body());
        assertServiceError(send("DELETE", responsesPath + "/" + responseId, null), 404, "NotFoundException");
    }

    @Test
    void unknownRoutesAreNotFound() throws Exception {
        String before = emulator.stateSnapshot();
        assertServiceError(send("GET", "/v2/nothing", null), 404, "NotFoundException");
        assertServiceError(send("GET", "/", null), 404, "NotFoundException");
        assertServiceError(send("POST", responsesPath + "/" + responseId + "/extra", "{}"), 404, "NotFoundException");
        assertEquals(before, emulator.stateSnapshot());
        assertEquals(
                0,
                emulator.requestCounts().keySet().stream()
                        .filter(name -> name.contains("Unknown"))
                        .count());
    }

    @Test
    void wrongMethodsAreRefusedWithTheAllowedOnes() throws Exception {
        String before = emulator.stateSnapshot();
        HttpResponse<String> response = send("PUT", responsesPath + "/" + responseId, "{}");
        assertServiceError(response, 405, "MethodNotAllowedException");
        assertEquals(Optional.of("DELETE, GET, PATCH"), response.headers().firstValue("Allow"));
        assertServiceError(send("PATCH", responsesPath, "{}"), 405, "MethodNotAllowedException");
        assertEquals(before, emulator.stateSnapshot());
    }

    @Test
    void maxResultsMustBeAnInteger() throws Exception {
        assertServiceError(send("GET", responsesPath + "?maxResults=many", null), 400, "BadRequestException");
        assertServiceError(send("GET", responsesPath + "?nextToken=%00", null), 400, "BadRequestException");
        assertEquals(200, send("GET", responsesPath + "?maxResults=1", null).statusCode());
    }

    @Test
    void oversizedBodiesAreRefused() throws Exception {
        String huge = "{\"integrationResponseKey\": \"/201/\", \"responseTemplates\": {\"a\": \""
                + "x".repeat(2 * 1024 * 1024) + "\"}}";
        assertServiceError(send("POST", responsesPath, huge), 400, "BadRequestException");
    }
}
