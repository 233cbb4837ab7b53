package com.community.apigatewayv2.integrationresponse.local.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.community.apigatewayv2.integrationresponse.local.apigateway.errors.ServiceException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ApiGatewayV2Exception;
import software.amazon.awssdk.services.apigatewayv2.model.BadRequestException;
import software.amazon.awssdk.services.apigatewayv2.model.ConflictException;
import software.amazon.awssdk.services.apigatewayv2.model.ContentHandlingStrategy;
import software.amazon.awssdk.services.apigatewayv2.model.CreateIntegrationResponseResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetApiResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetIntegrationResponseResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetIntegrationResponsesResponse;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationResponse;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.NotFoundException;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;
import software.amazon.awssdk.services.apigatewayv2.model.TooManyRequestsException;
import software.amazon.awssdk.services.apigatewayv2.model.UpdateIntegrationResponseResponse;

/** Drives the emulator with the real SDK client: what the handler will see. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalApiGatewayV2SdkTest {

    private LocalApiGatewayV2 emulator;
    private ApiGatewayV2Client client;
    private String apiId;
    private String integrationId;

    @BeforeAll
    void startEmulator() throws IOException {
        emulator = new LocalApiGatewayV2().start();
        client = EmulatorClients.sdkClient(emulator);
    }

    @AfterAll
    void stopEmulator() {
        client.close();
        emulator.close();
    }

    @BeforeEach
    void createApiAndIntegration() {
        emulator.setFaultPlan(FaultPlan.NONE);
        emulator.setDefaultPageSize(100);
        apiId = EmulatorClients.createWebSocketApi(client);
        integrationId = EmulatorClients.createMockIntegration(client, apiId);
        emulator.resetCounts();
    }

    private CreateIntegrationResponseResponse createResponse(String key) {
        return client.createIntegrationResponse(
                r -> r.apiId(apiId).integrationId(integrationId).integrationResponseKey(key));
    }

    private GetIntegrationResponseResponse getResponse(String responseId) {
        return client.getIntegrationResponse(
                r -> r.apiId(apiId).integrationId(integrationId).integrationResponseId(responseId));
    }

    // ---- APIs and integrations ----

    @Test
    void apisAndIntegrationsHaveServiceShapedIdsAndReadBack() {
        assertTrue(apiId.matches("[a-z0-9]{10}"), apiId);
        assertTrue(integrationId.matches("[a-z0-9]{7}"), integrationId);

        GetApiResponse api = client.getApi(r -> r.apiId(apiId));
        assertEquals("ws-test", api.name());
        assertEquals(ProtocolType.WEBSOCKET, api.protocolType());
        assertEquals("$request.body.action", api.routeSelectionExpression());
        assertEquals("wss://" + apiId + ".execute-api.us-east-1.amazonaws.com", api.apiEndpoint());
        assertNotNull(api.createdDate(), "createdDate must parse as an SDK timestamp");

        assertTrue(client.getApis(r -> r.maxResults("500")).items().stream()
                .anyMatch(item -> item.apiId().equals(apiId)));
        assertEquals(
                IntegrationType.MOCK,
                client.getIntegration(r -> r.apiId(apiId).integrationId(integrationId))
                        .integrationType());
        assertEquals(
                List.of(integrationId),
                client.getIntegrations(r -> r.apiId(apiId)).items().stream()
                        .map(item -> item.integrationId())
                        .toList());
    }

    /** Asked to, the emulator takes only requests that carry the caller's session token, as the service would. */
    @Test
    void requestsWithoutTheRequiredSessionTokenAreRefused() {
        emulator.requireSessionToken("caller-session-token");
        try (ApiGatewayV2Client caller = EmulatorClients.sdkClient(
                        emulator, AwsSessionCredentials.create("AKIDCALLER", "caller-secret", "caller-session-token"));
                ApiGatewayV2Client other = EmulatorClients.sdkClient(
                        emulator, AwsSessionCredentials.create("AKIDCALLER", "caller-secret", "AKIDCALLER"))) {
            assertEquals("ws-test", caller.getApi(r -> r.apiId(apiId)).name());
            for (ApiGatewayV2Client refused : List.of(other, client)) {
                ApiGatewayV2Exception error =
                        assertThrows(ApiGatewayV2Exception.class, () -> refused.getApi(r -> r.apiId(apiId)));
                assertEquals(403, error.statusCode());
                assertEquals(
                        "UnrecognizedClientException", error.awsErrorDetails().errorCode());
                assertEquals(
                        "The security token included in the request is invalid.",
                        error.awsErrorDetails().errorMessage());
            }
        } finally {
            emulator.requireSessionToken(null);
        }
        assertEquals("ws-test", client.getApi(r -> r.apiId(apiId)).name());
    }

    @Test
    void deletingAnApiDeletesEverythingUnderIt() {
        createResponse("$default");
        client.deleteApi(r -> r.apiId(apiId));

        NotFoundException error = assertThrows(
                NotFoundException.class,
                () -> client.getIntegration(r -> r.apiId(apiId).integrationId(integrationId)));
        assertEquals(
                "Invalid API identifier specified 123456789012:" + apiId,
                error.awsErrorDetails().errorMessage());
        assertFalse(emulator.stateSnapshot().contains(apiId));
    }

    @Test
    void deletingAnIntegrationDeletesItsResponses() {
        String responseId = createResponse("$default").integrationResponseId();
        client.deleteIntegration(r -> r.apiId(apiId).integrationId(integrationId));

        assertThrows(NotFoundException.class, () -> getResponse(responseId));
        assertFalse(emulator.stateSnapshot().contains(responseId));
    }

    // ---- integration responses: create, read, list, delete ----

    @Test
    void createReturnsEverySetFieldAndReadBackMatches() {
        CreateIntegrationResponseResponse created = client.createIntegrationResponse(r -> r.apiId(apiId)
                .integrationId(integrationId)
                .integrationResponseKey("/4\\d\\d/")
                .contentHandlingStrategy(ContentHandlingStrategy.CONVERT_TO_TEXT)
                .responseParameters(Map.of("method.response.header.x-a", "integration.response.header.x-b"))
                .responseTemplates(Map.of("application/json", "", "text/plain", "$input.body"))
                .templateSelectionExpression("$request.header.accept"));

        assertTrue(created.integrationResponseId().matches("[a-z0-9]{7}"));
        assertEquals("/4\\d\\d/", created.integrationResponseKey());
        assertEquals(ContentHandlingStrategy.CONVERT_TO_TEXT, created.contentHandlingStrategy());
        assertEquals(
                Map.of("method.response.header.x-a", "integration.response.header.x-b"), created.responseParameters());
        assertEquals(Map.of("application/json", "", "text/plain", "$input.body"), created.responseTemplates());
        assertEquals("$request.header.accept", created.templateSelectionExpression());

        GetIntegrationResponseResponse read = getResponse(created.integrationResponseId());
        assertEquals(created.integrationResponseKey(), read.integrationResponseKey());
        assertEquals(created.contentHandlingStrategy(), read.contentHandlingStrategy());
        assertEquals(created.responseParameters(), read.responseParameters());
        assertEquals(created.responseTemplates(), read.responseTemplates());
        assertEquals(created.templateSelectionExpression(), read.templateSelectionExpression());
    }

    @Test
    void unsetFieldsAreOmitted() {
        CreateIntegrationResponseResponse created = createResponse("$default");
        GetIntegrationResponseResponse read = getResponse(created.integrationResponseId());

        assertNull(read.contentHandlingStrategy());
        assertNull(read.templateSelectionExpression());
        assertFalse(read.hasResponseParameters(), "an unset map is absent, not {}");
        assertFalse(read.hasResponseTemplates());
    }

    @Test
    void deleteRemovesTheResponse() {
        String responseId = createResponse("$default").integrationResponseId();
        client.deleteIntegrationResponse(
                r -> r.apiId(apiId).integrationId(integrationId).integrationResponseId(responseId));

        assertThrows(NotFoundException.class, () -> getResponse(responseId));
        assertTrue(client.getIntegrationResponses(r -> r.apiId(apiId).integrationId(integrationId))
                .items()
                .isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"$default", "/200/", "/4\\d\\d/", "/.*/", "/5\\d{2}|404/"})
    void acceptsValidKeys(String key) {
        assertEquals(key, createResponse(key).integrationResponseKey());
    }

    // ---- pagination ----

    @Test
    void paginationReturnsEveryResponseExactlyOnceInCreationOrder() {
        List<String> createdIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            createdIds.add(createResponse("/" + (200 + i) + "/").integrationResponseId());
        }

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String token = null;
        do {
            String currentToken = token;
            GetIntegrationResponsesResponse page = client.getIntegrationResponses(r ->
                    r.apiId(apiId).integrationId(integrationId).maxResults("2").nextToken(currentToken));
            page.items().forEach(item -> seen.add(item.integrationResponseId()));
            pageSizes.add(page.items().size());
            token = page.nextToken();
        } while (token != null);

        assertEquals(createdIds, seen);
        assertEquals(List.of(2, 2, 1), pageSizes);
        assertEquals(3, emulator.requestCount("GetIntegrationResponses"));
    }

    @Test
    void paginationNeitherSkipsNorRepeatsWhenResponsesAreAddedBetweenPages() {
        Set<String> original = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            original.add(createResponse("/" + (200 + i) + "/").integrationResponseId());
        }
        GetIntegrationResponsesResponse first = client.getIntegrationResponses(
                r -> r.apiId(apiId).integrationId(integrationId).maxResults("2"));
        String added = createResponse("/500/").integrationResponseId();
        GetIntegrationResponsesResponse rest = client.getIntegrationResponses(r ->
                r.apiId(apiId).integrationId(integrationId).maxResults("10").nextToken(first.nextToken()));

        List<String> seen = new ArrayList<>();
        Stream.concat(first.items().stream(), rest.items().stream())
                .forEach(item -> seen.add(item.integrationResponseId()));
        assertEquals(5, seen.size());
        assertEquals(5, new HashSet<>(seen).size());
        assertTrue(seen.containsAll(original));
        assertEquals(added, seen.get(4));
        assertNull(rest.nextToken());
    }

    @Test
    void defaultPageHoldsEverythingUpToTheDefaultSize() {
        for (int i = 0; i < 3; i++) {
            createResponse("/" + (200 + i) + "/");
        }
        GetIntegrationResponsesResponse page =
                client.getIntegrationResponses(r -> r.apiId(apiId).integrationId(integrationId));
        assertEquals(3, page.items().size());
        assertNull(page.nextToken());
    }

    @Test
    void aSmallerDefaultPageSizeSplitsAListThatNamesNoMaxResults() {
        emulator.setDefaultPageSize(2);
        for (int i = 0; i < 3; i++) {
            createResponse("/" + (200 + i) + "/");
        }
        GetIntegrationResponsesResponse first =
                client.getIntegrationResponses(r -> r.apiId(apiId).integrationId(integrationId));
        GetIntegrationResponsesResponse second = client.getIntegrationResponses(
                r -> r.apiId(apiId).integrationId(integrationId).nextToken(first.nextToken()));
        GetIntegrationResponsesResponse named = client.getIntegrationResponses(
                r -> r.apiId(apiId).integrationId(integrationId).maxResults("3"));

        assertEquals(List.of("/200/", "/201/"), keys(first));
        assertEquals(List.of("/202/"), keys(second));
        assertNull(second.nextToken());
        assertEquals(List.of("/200/", "/201/", "/202/"), keys(named));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 501})
    void aDefaultPageSizeOutsideTheServicesRangeIsRefused(int pageSize) {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> emulator.setDefaultPageSize(pageSize));
        assertEquals("the default page size must be from 1 to 500, not " + pageSize, error.getMessage());
    }

    private static List<String> keys(GetIntegrationResponsesResponse page) {
        return page.items().stream()
                .map(IntegrationResponse::integrationResponseKey)
                .toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "djF8eHx5", "!!!", "MTIz"})
    void unknownTokensAreBadRequests(String token) {
        BadRequestException error = assertThrows(
                BadRequestException.class,
                () -> client.getIntegrationResponses(
                        r -> r.apiId(apiId).integrationId(integrationId).nextToken(token)));
        assertEquals(400, error.statusCode());
        assertEquals(
                "Invalid pagination token specified", error.awsErrorDetails().errorMessage());
    }

    @Test
    void aTokenFromAnotherIntegrationIsRejected() {
        createResponse("/200/");
        createResponse("/201/");
        String token = client.getIntegrationResponses(
                        r -> r.apiId(apiId).integrationId(integrationId).maxResults("1"))
                .nextToken();
        assertNotNull(token);
        String otherIntegration = EmulatorClients.createMockIntegration(client, apiId);

        assertThrows(
                BadRequestException.class,
                () -> client.getIntegrationResponses(
                        r -> r.apiId(apiId).integrationId(otherIntegration).nextToken(token)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "501", "abc", "2.5"})
    void maxResultsOutOfRangeIsABadRequest(String maxResults) {
        BadRequestException error = assertThrows(
                BadRequestException.class,
                () -> client.getIntegrationResponses(
                        r -> r.apiId(apiId).integrationId(integrationId).maxResults(maxResults)));
        assertTrue(error.awsErrorDetails().errorMessage().startsWith("Invalid maxResults"));
    }

    // ---- update (PATCH) ----

    private String createFullResponse() {
        return client.createIntegrationResponse(r -> r.apiId(apiId)
                        .integrationId(integrationId)
                        .integrationResponseKey("/200/")
                        .contentHandlingStrategy(ContentHandlingStrategy.CONVERT_TO_BINARY)
                        .responseParameters(Map.of(
                                "method.response.header.p1",
                                "integration.response.header.v1",
                                "method.response.header.p2",
                                "'v2'"))
                        .responseTemplates(Map.of("application/json", "{}"))
                        .templateSelectionExpression("$request.body.type"))
                .integrationResponseId();
    }

    @Test
    void absentFieldsAreLeftUnchanged() {
        String responseId = createFullResponse();
        UpdateIntegrationResponseResponse updated = client.updateIntegrationResponse(r -> r.apiId(apiId)
                .integrationId(integrationId)
                .integrationResponseId(responseId)
                .integrationResponseKey("/201/"));

        assertEquals("/201/", updated.integrationResponseKey());
        assertEquals(ContentHandlingStrategy.CONVERT_TO_BINARY, updated.contentHandlingStrategy());
        assertEquals(
                Map.of(
                        "method.response.header.p1",
                        "integration.response.header.v1",
                        "method.response.header.p2",
                        "'v2'"),
                updated.responseParameters());
        assertEquals(Map.of("application/json", "{}"), updated.responseTemplates());
        assertEquals("$request.body.type", updated.templateSelectionExpression());
        assertEquals(updated.integrationResponseKey(), getResponse(responseId).integrationResponseKey());
    }

    @Test
    void emptyStringsClearStringFields() {
        String responseId = createFullResponse();
        client.updateIntegrationResponse(r -> r.apiId(apiId)
                .integrationId(integrationId)
                .integrationResponseId(responseId)
                .templateSelectionExpression("")
                .contentHandlingStrategy(""));

        GetIntegrationResponseResponse read = getResponse(responseId);
        assertNull(read.templateSelectionExpression());
        assertNull(read.contentHandlingStrategy());
        assertEquals(
                Map.of(
                        "method.response.header.p1",
                        "integration.response.header.v1",
                        "method.response.header.p2",
                        "'v2'"),
                read.responseParameters());
    }

    @Test
    void presentMapsReplaceTheStoredOnesWhole() {
        String responseId = createFullResponse();
        client.updateIntegrationResponse(r -> r.apiId(apiId)
                .integrationId(integrationId)
                .integrationResponseId(responseId)
                .responseParameters(Map.of("method.response.header.p3", "integration.response.body.v3")));

        assertEquals(
                Map.of("method.response.header.p3", "integration.response.body.v3"),
                getResponse(responseId).responseParameters());
    }

    @Test
    void emptyMapsEmptyTheStoredOnesWhichAreThenOmitted() {
        String responseId = createFullResponse();
        UpdateIntegrationResponseResponse updated = client.updateIntegrationResponse(r -> r.apiId(apiId)
                .integrationId(integrationId)
                .integrationResponseId(responseId)
                .responseParameters(Map.of())
                .responseTemplates(Map.of()));

        assertFalse(updated.hasResponseParameters());
        assertFalse(updated.hasResponseTemplates());
        GetIntegrationResponseResponse read = getResponse(responseId);
        assertFalse(read.hasResponseParameters());
        assertFalse(read.hasResponseTemplates());
        assertEquals("$request.body.type", read.templateSelectionExpression());
    }

    @Test
    void renamingOntoAnotherResponsesKeyConflictsAndChangesNothing() {
        createResponse("/200/");
        String other = createResponse("/300/").integrationResponseId();
        String before = emulator.stateSnapshot();

        ConflictException error = assertThrows(
                ConflictException.class,
                () -> client.updateIntegrationResponse(r -> r.apiId(apiId)
                        .integrationId(integrationId)
                        .integrationResponseId(other)
                        .integrationResponseKey("/200/")
                        .templateSelectionExpression("changed")));
        assertEquals(409, error.statusCode());
        assertEquals(before, emulator.stateSnapshot());
    }

    @Test
    void renamingToItsOwnKeyIsAllowed() {
        String responseId = createResponse("/200/").integrationResponseId();
        assertEquals(
                "/200/",
                client.updateIntegrationResponse(r -> r.apiId(apiId)
                                .integrationId(integrationId)
                                .integrationResponseId(responseId)
                                .integrationResponseKey("/200/"))
                        .integrationResponseKey());
    }

    // ---- errors ----

    @Test
    void duplicateKeyIsAConflict() {
        createResponse("/200/");
        String before = emulator.stateSnapshot();

        ConflictException error = assertThrows(ConflictException.class, () -> createResponse("/200/"));
        assertEquals(409, error.statusCode());
        assertEquals("The resource already exists.", error.awsErrorDetails().errorMessage());
        assertEquals("ConflictException", error.awsErrorDetails().errorCode());
        assertEquals(before, emulator.stateSnapshot());
    }

    @Test
    void theSameKeyIsFineInAnotherIntegration() {
        createResponse("/200/");
        String otherIntegration = EmulatorClients.createMockIntegration(client, apiId);
        assertEquals(
                "/200/",
                client.createIntegrationResponse(r ->
                                r.apiId(apiId).integrationId(otherIntegration).integrationResponseKey("/200/"))
                        .integrationResponseKey());
    }

    @Test
    void integrationResponsesAreRefusedOnHttpApis() {
        String httpApi = client.createApi(r -> r.name("http").protocolType(ProtocolType.HTTP))
                .apiId();
        String httpIntegration = client.createIntegration(r -> r.apiId(httpApi)
                        .integrationType(IntegrationType.HTTP_PROXY)
                        .integrationUri("https://example.com")
                        .integrationMethod("GET")
                        .payloadFormatVersion("1.0"))
                .integrationId();
        String before = emulator.stateSnapshot();

        BadRequestException error = assertThrows(
                BadRequestException.class,
                () -> client.createIntegrationResponse(
                        r -> r.apiId(httpApi).integrationId(httpIntegration).integrationResponseKey("$default")));
        assertEquals(400, error.statusCode());
        assertTrue(error.awsErrorDetails().errorMessage().contains("only for WebSocket APIs"));
        assertEquals(before, emulator.stateSnapshot());
    }

    @Test
    void mockIntegrationsAreRefusedOnHttpApis() {
        String httpApi = client.createApi(r -> r.name("http").protocolType(ProtocolType.HTTP))
                .apiId();
        assertThrows(BadRequestException.class, () -> EmulatorClients.createMockIntegration(client, httpApi));
    }

    static Stream<Arguments> invalidCreates() {
        return Stream.of(
                Arguments.of("key without slashes", "200", null),
                Arguments.of("lone slash", "/", null),
                Arguments.of("empty regex", "//", null),
                Arguments.of("regex that does not compile", "/[0-9/", null),
                Arguments.of("wrong case default", "$DEFAULT", null),
                Arguments.of("empty key", "", null),
                Arguments.of("unknown content handling", "$default", "CONVERT_TO_JSON"),
                Arguments.of("empty content handling on create", "$default", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCreates")
    void invalidCreatesAreBadRequestsAndChangeNothing(String description, String key, String contentHandling) {
        String before = emulator.stateSnapshot();
        BadRequestException error = assertThrows(
                BadRequestException.class,
                () -> client.createIntegrationResponse(r -> r.apiId(apiId)
                        .integrationId(integrationId)
                        .integrationResponseKey(key)
                        .contentHandlingStrategy(contentHandling)));
        assertEquals(400, error.statusCode());
        assertEquals("BadRequestException", error.awsErrorDetails().errorCode());
        assertTrue(error.awsErrorDetails().errorMessage().startsWith("Invalid"), error.getMessage());
        assertEquals(before, emulator.stateSnapshot());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "method.request.header.X-Trace|integration.response.header.X-Trace|Invalid mapping expression specified:"
                        + " method.request.header.X-Trace: a response parameter key must be method.response.header.{name}",
                "method.response.header.|integration.response.header.X-Trace|Invalid mapping expression specified:"
                        + " method.response.header.: a response parameter key must be method.response.header.{name}",
                "method.response.header.X-Trace|no-cache|Invalid mapping expression specified: no-cache: the value for"
                        + " method.response.header.X-Trace must be integration.response.header.{name},"
                        + " integration.response.body.{JSON-expression} or a static value in single quotes",
                "method.response.header.X-Trace|$integration.response.body.a|Invalid mapping expression specified:"
                        + " $integration.response.body.a: the value for method.response.header.X-Trace must be"
                        + " integration.response.header.{name}, integration.response.body.{JSON-expression}"
                        + " or a static value in single quotes"
            })
    void responseParametersOutsideTheServicesFormsAreBadRequestsOnCreateAndUpdate(
            String key, String value, String message) {
        String responseId = createFullResponse();
        String before = emulator.stateSnapshot();
        BadRequestException onCreate = assertThrows(
                BadRequestException.class,
                () -> client.createIntegrationResponse(r -> r.apiId(apiId)
                        .integrationId(integrationId)
                        .integrationResponseKey("/4\\d\\d/")
                        .responseParameters(Map.of(key, value))));
        BadRequestException onUpdate = assertThrows(
                BadRequestException.class,
                () -> client.updateIntegrationResponse(r -> r.apiId(apiId)
                        .integrationId(integrationId)
                        .integrationResponseId(responseId)
                        .responseParameters(Map.of(key, value))));
        assertEquals(message, onCreate.awsErrorDetails().errorMessage());
        assertEquals(message, onUpdate.awsErrorDetails().errorMessage());
        assertEquals(before, emulator.stateSnapshot());
    }

    @Test
    void responseParametersInTheServicesFormsAreKept() {
        Map<String, String> parameters = Map.of(
                "method.response.header.X-Trace", "integration.response.header.X-Trace",
                "method.response.header.X-Status", "integration.response.body.status",
                "method.response.header.Cache-Control", "'no-cache, no-store'");
        String responseId = client.createIntegrationResponse(r -> r.apiId(apiId)
                        .integrationId(integrationId)
                        .integrationResponseKey("/5\\d\\d/")
                        .responseParameters(parameters))
                .integrationResponseId();
        assertEquals(
                parameters,
                client.getIntegrationResponse(
                                r -> r.apiId(apiId).integrationId(integrationId).integrationResponseId(responseId))
                        .responseParameters());
    }

    @Test
    void invalidUpdatesAreBadRequestsAndChangeNothing() {
        String responseId = createFullResponse();
        String before = emulator.stateSnapshot();
        assertThrows(
                BadRequestException.class,
                () -> client.updateIntegrationResponse(r -> r.apiId(apiId)
                        .integrationId(integrationId)
                        .integrationResponseId(responseId)
                        .integrationResponseKey("nope")));
        assertThrows(
                BadRequestException.class,
                () -> client.updateIntegrationResponse(r -> r.apiId(apiId)
                        .integrationId(integrationId)
                        .integrationResponseId(responseId)
                        .contentHandlingStrategy("BOTH")));
        assertEquals(before, emulator.stateSnapshot());
    }

    @Test
    void missingKeyIsABadRequest() {
        BadRequestException error = assertThrows(
                BadRequestException.class,
                () -> client.createIntegrationResponse(r -> r.apiId(apiId).integrationId(integrationId)));
        assertTrue(error.awsErrorDetails().errorMessage().contains("integrationResponseKey"));
    }

    /** Which identifier of the path a not-found case replaces with one that does not exist. */
    enum Missing {
        API,
        INTEGRATION,
        RESPONSE
    }

    @FunctionalInterface
    interface IntegrationResponseCall {
        void call(ApiGatewayV2Client client, String apiId, String integrationId, String responseId);
    }

    static Stream<Arguments> integrationResponseCalls() {
        Map<String, IntegrationResponseCall> calls = Map.of(
                "CreateIntegrationResponse",
                        (c, a, i, r) -> c.createIntegrationResponse(
                                b -> b.apiId(a).integrationId(i).integrationResponseKey("/999/")),
                "GetIntegrationResponse",
                        (c, a, i, r) -> c.getIntegrationResponse(
                                b -> b.apiId(a).integrationId(i).integrationResponseId(r)),
                "GetIntegrationResponses",
                        (c, a, i, r) ->
                                c.getIntegrationResponses(b -> b.apiId(a).integrationId(i)),
                "UpdateIntegrationResponse",
                        (c, a, i, r) -> c.updateIntegrationResponse(b -> b.apiId(a)
                                .integrationId(i)
                                .integrationResponseId(r)
                                .templateSelectionExpression("x")),
                "DeleteIntegrationResponse",
                        (c, a, i, r) -> c.deleteIntegrationResponse(
                                b -> b.apiId(a).integrationId(i).integrationResponseId(r)));
        Set<String> withoutResponseId = Set.of("CreateIntegrationResponse", "GetIntegrationResponses");
        List<Arguments> cases = new ArrayList<>();
        calls.forEach((name, call) -> {
            for (Missing missing : Missing.values()) {
                if (missing == Missing.RESPONSE && withoutResponseId.contains(name)) {
                    continue;
                }
                cases.add(Arguments.of(name, missing, call));
            }
        });
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} with missing {1}")
    @MethodSource("integrationResponseCalls")
    void missingResourcesAreNotFoundOnEveryVerb(String operation, Missing missing, IntegrationResponseCall call) {
        String responseId = createResponse("$default").integrationResponseId();
        String before = emulator.stateSnapshot();
        emulator.resetCounts();
        String api = missing == Missing.API ? "nosuchapi0" : apiId;
        String integration = missing == Missing.INTEGRATION ? "nosuchi" : integrationId;
        String response = missing == Missing.RESPONSE ? "nosuchr" : responseId;

        NotFoundException error =
                assertThrows(NotFoundException.class, () -> call.call(client, api, integration, response));
        assertEquals(404, error.statusCode());
        String expected = switch (missing) {
            case API -> "Invalid API identifier specified 123456789012:nosuchapi0";
            case INTEGRATION -> "Invalid Integration identifier specified";
            case RESPONSE -> "Invalid IntegrationResponse identifier specified";
        };
        assertEquals(expected, error.awsErrorDetails().errorMessage());
        assertEquals(before, emulator.stateSnapshot());
        assertEquals(1, emulator.requestCount(operation));
    }

    @Test
    void missingApisAndIntegrationsAreNotFoundForTheirOwnOperations() {
        List<Runnable> calls = List.of(
                () -> client.getApi(r -> r.apiId("nosuchapi0")),
                () -> client.deleteApi(r -> r.apiId("nosuchapi0")),
                () -> client.createIntegration(r -> r.apiId("nosuchapi0").integrationType(IntegrationType.MOCK)),
                () -> client.getIntegrations(r -> r.apiId("nosuchapi0")),
                () -> client.getIntegration(r -> r.apiId(apiId).integrationId("nosuchi")),
                () -> client.deleteIntegration(r -> r.apiId(apiId).integrationId("nosuchi")));
        for (Runnable call : calls) {
            assertEquals(404, assertThrows(NotFoundException.class, call::run).statusCode());
        }
    }

    // ---- fault plan and counters ----

    @Test
    void theFaultPlanAnswersBeforeTheOperationRuns() {
        emulator.setFaultPlan(operation -> {
            if (operation.equals("CreateIntegrationResponse")) {
                throw ServiceException.tooManyRequests("Too Many Requests");
            }
        });
        String before = emulator.stateSnapshot();

        TooManyRequestsException error = assertThrows(TooManyRequestsException.class, () -> createResponse("$default"));
        assertEquals(429, error.statusCode());
        assertEquals("Too Many Requests", error.awsErrorDetails().errorMessage());
        assertEquals(before, emulator.stateSnapshot());
        assertEquals(1, emulator.requestCount("CreateIntegrationResponse"));

        emulator.setFaultPlan(FaultPlan.NONE);
        assertEquals("$default", createResponse("$default").integrationResponseKey());
    }

    @Test
    void unexpectedFaultsBecomeServerErrorsTheSdkStillParses() {
        emulator.setFaultPlan(operation -> {
            throw new IllegalStateException("boom");
        });
        ApiGatewayV2Exception error =
                assertThrows(ApiGatewayV2Exception.class, () -> client.getApi(r -> r.apiId(apiId)));
        assertEquals(500, error.statusCode());
    }

    @Test
    void countersCountEveryOperationIncludingFailures() {
        String responseId = createResponse("/200/").integrationResponseId();
        assertThrows(ConflictException.class, () -> createResponse("/200/"));
        getResponse(responseId);
        client.getIntegrationResponses(r -> r.apiId(apiId).integrationId(integrationId));
        client.updateIntegrationResponse(r -> r.apiId(apiId)
                .integrationId(integrationId)
                .integrationResponseId(responseId)
                .templateSelectionExpression("x"));
        client.deleteIntegrationResponse(
                r -> r.apiId(apiId).integrationId(integrationId).integrationResponseId(responseId));
        client.getApi(r -> r.apiId(apiId));

        assertEquals(
                Map.of(
                        "CreateIntegrationResponse", 2L,
                        "GetIntegrationResponse", 1L,
                        "GetIntegrationResponses", 1L,
                        "UpdateIntegrationResponse", 1L,
                        "DeleteIntegrationResponse", 1L,
                        "GetApi", 1L),
                emulator.requestCounts());
        assertEquals(2, emulator.requestCount("CreateIntegrationResponse"));
        assertEquals(0, emulator.requestCount("DeleteApi"));

        emulator.resetCounts();
        assertEquals(Map.of(), emulator.requestCounts());
    }

    @Test
    void snapshotIsCanonicalAndReflectsChanges() {
        String empty = emulator.stateSnapshot();
        assertEquals(empty, emulator.stateSnapshot());
        String responseId = createResponse("/200/").integrationResponseId();
        String withResponse = emulator.stateSnapshot();
        assertTrue(withResponse.contains(responseId));
        assertTrue(withResponse.indexOf("\"apiEndpoint\"") < withResponse.indexOf("\"apiId\""), "keys are sorted");
        client.deleteIntegrationResponse(
                r -> r.apiId(apiId).integrationId(integrationId).integrationResponseId(responseId));
        assertEquals(empty, emulator.stateSnapshot());
    }

    @Test
    void listsOnlyTheIntegrationsOwnResponses() {
        createResponse("/200/");
        String otherIntegration = EmulatorClients.createMockIntegration(client, apiId);
        client.createIntegrationResponse(
                r -> r.apiId(apiId).integrationId(otherIntegration).integrationResponseKey("/300/"));
        List<IntegrationResponse> items = client.getIntegrationResponses(
                        r -> r.apiId(apiId).integrationId(integrationId))
                .items();
        assertEquals(
                List.of("/200/"),
                items.stream().map(IntegrationResponse::integrationResponseKey).toList());
    }
}
