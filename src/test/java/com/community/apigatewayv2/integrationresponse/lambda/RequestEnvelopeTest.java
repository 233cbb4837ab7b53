package com.community.apigatewayv2.integrationresponse.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What is wrong with a payload is named before either request path reads it. */
class RequestEnvelopeTest {
    private static final String CREDENTIALS =
            "{\"accessKeyId\": \"AKID\", \"secretAccessKey\": \"s\", \"sessionToken\": \"t\"}";

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "[1]|The request is not a JSON object",
                "{\"a\":|The request is not valid JSON",
                "{}|The request names no action: expected one of CREATE, READ, UPDATE, DELETE, LIST",
                "{\"action\": \"read\"}|Unknown action 'read': expected one of CREATE, READ, UPDATE, DELETE, LIST",
                "{\"action\": \"READ\"}|The request carries no requestData object",
                "{\"action\": \"READ\", \"requestData\": {}}|The request carries no callerCredentials object",
                "{\"action\": \"READ\", \"requestData\": {\"callerCredentials\": {}}}"
                        + "|callerCredentials carries no accessKeyId",
                "{\"action\": \"READ\", \"requestData\": {\"callerCredentials\": {\"accessKeyId\": \"AKID\","
                        + " \"secretAccessKey\": null}}}|callerCredentials carries no secretAccessKey",
                "{\"action\": \"CREATE\", \"requestData\": {\"callerCredentials\": {\"accessKeyId\": \"AKID\","
                        + " \"secretAccessKey\": \"s\"}}}|callerCredentials carries no sessionToken",
                "{\"action\": \"CREATE\", \"requestData\": {\"callerCredentials\": {\"accessKeyId\": \"AKID\","
                        + " \"secretAccessKey\": \"s\", \"sessionToken\": 7}}}|callerCredentials.sessionToken is not a string",
                "{\"action\": \"UPDATE\", \"requestData\": {\"callerCredentials\": " + CREDENTIALS + ","
                        + " \"providerCredentials\": {\"accessKeyId\": \"AKID\", \"secretAccessKey\": \"s\"}}}"
                        + "|providerCredentials carries no sessionToken",
                "{\"action\": \"CREATE\", \"requestData\": {\"callerCredentials\": {\"accessKeyId\": [],"
                        + " \"secretAccessKey\": \"s\", \"sessionToken\": \"t\"}}}|callerCredentials.accessKeyId is not a string",
                "{\"action\": \"READ\", \"requestData\": {\"callerCredentials\": " + CREDENTIALS
                        + ", \"resourceProperties\": []}}" + "|resourceProperties is not a JSON object",
                "{\"action\": \"READ\", \"requestData\": {\"callerCredentials\": " + CREDENTIALS
                        + ", \"previousResourceProperties\": 1}}" + "|previousResourceProperties is not a JSON object",
                "{\"action\": \"READ\", \"requestData\": {\"callerCredentials\": " + CREDENTIALS
                        + "}, \"callbackContext\": \"x\"}" + "|callbackContext is not a JSON object"
            })
    void envelopeProblemsAreNamed(final String payload, final String problem) {
        assertEquals(
                problem,
                RequestEnvelope.open(payload.getBytes(StandardCharsets.UTF_8)).problem());
    }

    @Test
    void aWellFormedEnvelopeIsLeftToTheRuntime() {
        assertNull(RequestEnvelope.open(
                        ("{\"action\": \"CREATE\", \"requestData\": {\"callerCredentials\": " + CREDENTIALS + ","
                                        + " \"resourceProperties\": {}, \"previousResourceProperties\": null}, \"callbackContext\": null}")
                                .getBytes(StandardCharsets.UTF_8))
                .problem());
        assertThat(RequestEnvelope.open(("{\"action\": \"" + "X".repeat(100) + "\"}").getBytes(StandardCharsets.UTF_8))
                        .problem())
                .startsWith("Unknown action '" + "X".repeat(40) + "...'");
    }

    private static String create(final String more) {
        return "{\"action\": \"CREATE\", \"region\": \"us-east-1\", \"requestData\": {\"callerCredentials\": "
                + CREDENTIALS + ", \"resourceProperties\": {}}" + more + "}";
    }

    /** Each field the runtime maps, by its name in any case: what would make Jackson fail is named here. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                ", \"maxResults\": 3000000000|maxResults is not a whole number from -2147483648 to 2147483647",
                ", \"maxResults\": 1e400|maxResults is not a whole number from -2147483648 to 2147483647",
                ", \"MAXRESULTS\": 3000000000|MAXRESULTS is not a whole number from -2147483648 to 2147483647",
                ", \"maxResults\": \"many\"|maxResults is not a whole number from -2147483648 to 2147483647",
                ", \"callbackContext\": {\"throttledRounds\": 3000000000}"
                        + "|callbackContext.throttledRounds is not a whole number from -2147483648 to 2147483647",
                ", \"callbackContext\": {\"throttledRounds\": -1}|callbackContext.throttledRounds is not from 0 to 8",
                ", \"callbackContext\": {\"throttledRounds\": 2147483647}"
                        + "|callbackContext.throttledRounds is not from 0 to 8",
                ", \"callbackContext\": {\"mayHaveApplied\": 3}|callbackContext.mayHaveApplied is not true or false",
                ", \"callbackContext\": {\"callGraphs\": {\"k\": [\"java.net.InetAddress\", \"canary.invalid\"]}}"
                        + "|callbackContext holds 'callGraphs', which this handler never returns",
                ", \"CallbackContext\": {\"CALLGRAPHS\": {\"k\": 1}}"
                        + "|CallbackContext holds 'CALLGRAPHS', which this handler never returns",
                ", \"requestContext\": {\"invocation\": 3000000000}"
                        + "|requestContext.invocation is not a whole number from -2147483648 to 2147483647",
                ", \"requestContext\": {\"callbackContext\": {\"callGraphs\": 5}}"
                        + "|requestContext.callbackContext holds 'callGraphs', which this handler never returns",
                ", \"requestContext\": 7|requestContext is not a JSON object",
                ", \"rollback\": \"maybe\"|rollback is not true or false",
                ", \"stackId\": {}|stackId is not a string",
                ", \"features\": []|features is not a JSON object",
                ", \"resourceType\": \"AWS::S3::Bucket\""
                        + "|This handler serves Community::ApiGatewayV2::IntegrationResponse, not 'AWS::S3::Bucket'",
                ", \"REGION\": \"us-east-1/../x\"|region 'us-east-1/../x' is not an AWS Region this handler knows",
                ", \"Region\": \"\"|region '' is not an AWS Region this handler knows",
            })
    void runtimeFieldsOfTheWrongKindAreNamed(final String more, final String problem) {
        assertEquals(
                problem,
                RequestEnvelope.open(create(more).getBytes(StandardCharsets.UTF_8))
                        .problem());
    }

    @Test
    void fieldsTheRuntimeReadsLenientlyPass() {
        assertNull(RequestEnvelope.open(create(", \"maxResults\": \"20\", \"rollback\": \"TRUE\","
                                + " \"callbackContext\": {\"throttledRounds\": 8, \"mayHaveApplied\": false,"
                                + " \"callGraphs\": {}},"
                                + " \"requestContext\": {\"invocation\": 2}, \"unknownField\": {\"a\": [1]}")
                        .getBytes(StandardCharsets.UTF_8))
                .problem());
    }

    @Test
    void nestingAndNamesBeyondTheParsersLimitsAreNamed() {
        final String deep = "[".repeat(1001) + "]".repeat(1001);
        assertEquals(
                "The request nests deeper than 64 levels",
                RequestEnvelope.open(
                                create(", \"features\": {\"a\": " + deep + "}").getBytes(StandardCharsets.UTF_8))
                        .problem());
        final String name = "n".repeat(50_001);
        assertEquals(
                "A field name in the request is longer than 50000 characters",
                RequestEnvelope.open(create(", \"" + name + "\": 1").getBytes(StandardCharsets.UTF_8))
                        .problem());
    }

    private static String compressed(final byte[] gzip) {
        return "{\"__COMPRESSED__\": \"" + java.util.Base64.getEncoder().encodeToString(gzip)
                + "\", \"__COMPRESSION_METHOD__\": \"gzip_base64\"}";
    }

    private static byte[] gzip(final byte[] text) throws java.io.IOException {
        final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
            zip.write(text);
        }
        return out.toByteArray();
    }

    /** A compressed payload is unpacked within a bound and checked like any other. */
    @Test
    void aCompressedPayloadIsUnpackedAndChecked() throws Exception {
        final String inner = create(", \"maxResults\": 3000000000");
        final RequestEnvelope refused = RequestEnvelope.open(
                compressed(gzip(inner.getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8));
        assertEquals("maxResults is not a whole number from -2147483648 to 2147483647", refused.problem());

        final RequestEnvelope accepted = RequestEnvelope.open(
                compressed(gzip(create("").getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8));
        assertNull(accepted.problem());
        assertEquals(create(""), new String(accepted.payload(), StandardCharsets.UTF_8));
        assertEquals("CREATE", accepted.request().getString("action"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"__COMPRESSED__\": 5}|__COMPRESSED__ is not a string",
                "{\"__COMPRESSED__\": \"a\"}|__COMPRESSED__ is not base64",
                "{\"__COMPRESSED__\": \"aGVsbG8=\"}|__COMPRESSED__ is not gzip data",
                "{\"__COMPRESSED__\": \"aGVsbG8=\", \"__COMPRESSION_METHOD__\": \"zstd\"}|__COMPRESSION_METHOD__ is not gzip_base64",
            })
    void aCompressedPayloadThatCannotBeUnpackedIsNamed(final String payload, final String problem) {
        assertEquals(
                problem,
                RequestEnvelope.open(payload.getBytes(StandardCharsets.UTF_8)).problem());
    }

    /** 300 MB of zeros in a 300 KB payload: refused after 24 MiB, without the memory to hold the rest. */
    @Test
    void aCompressedPayloadThatExpandsBeyondTheBoundIsRefused() throws Exception {
        final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out)) {
            final byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 300; i++) {
                zip.write(zeros);
            }
        }
        assertEquals(
                "The compressed request expands beyond 25165824 bytes",
                RequestEnvelope.open(compressed(out.toByteArray()).getBytes(StandardCharsets.UTF_8))
                        .problem());
    }

    /** The edges of each bound: the last value taken, the first refused. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "ok",
            value = {
                ", \"maxResults\": 2147483647|ok",
                ", \"maxResults\": -2147483648|ok",
                ", \"maxResults\": 1.5|ok",
                ", \"maxResults\": \"2147483647\"|ok",
                ", \"maxResults\": \"-2147483648\"|ok",
                ", \"maxResults\": \"2147483648\"|maxResults is not a whole number from -2147483648 to 2147483647",
                ", \"maxResults\": 2147483648|maxResults is not a whole number from -2147483648 to 2147483647",
                ", \"maxResults\": -2147483649|maxResults is not a whole number from -2147483648 to 2147483647",
                ", \"maxResults\": true|maxResults is not a whole number from -2147483648 to 2147483647",
                ", \"maxResults\": {}|maxResults is not a whole number from -2147483648 to 2147483647",
                ", \"callbackContext\": {\"throttledRounds\": 0}|ok",
                ", \"callbackContext\": {\"throttledRounds\": 9}|callbackContext.throttledRounds is not from 0 to 8",
                ", \"callbackContext\": {\"throttledRounds\": \"\"}|ok",
                ", \"callbackContext\": {\"callGraphs\": null}|ok",
                ", \"callbackContext\": 5|callbackContext is not a JSON object",
                ", \"requestContext\": {\"cloudWatchEventsRuleName\": {}}"
                        + "|requestContext.cloudWatchEventsRuleName is not a string",
                ", \"requestData\": 1|The request carries no requestData object",
            })
    void theEdgesOfEachBound(final String more, final String problem) {
        final String payload =
                more.startsWith(", \"requestData\"") ? "{\"action\": \"READ\"" + more + "}" : create(more);
        final RequestEnvelope envelope = RequestEnvelope.open(payload.getBytes(StandardCharsets.UTF_8));
        assertEquals(problem, envelope.problem());
    }

    @Test
    void tagsMustBeStrings() {
        assertEquals(
                "requestData.stackTags holds a value that is not a string",
                RequestEnvelope.open(("{\"action\": \"READ\", \"requestData\": {\"callerCredentials\": " + CREDENTIALS
                                        + ", \"stackTags\": {\"a\": {}}}}")
                                .getBytes(StandardCharsets.UTF_8))
                        .problem());
        assertEquals(
                "requestData.systemTags is not a JSON object",
                RequestEnvelope.open(("{\"action\": \"READ\", \"requestData\": {\"callerCredentials\": " + CREDENTIALS
                                        + ", \"systemTags\": [\"a\"]}}")
                                .getBytes(StandardCharsets.UTF_8))
                        .problem());
    }

    @Test
    void nestingAndNameLengthsAtTheirLimitsPass() {
        // the request is level 1, features level 2, the arrays levels 3 to 2 + n
        final String atTheLimit = "[".repeat(62) + "]".repeat(62);
        assertNull(RequestEnvelope.open(
                        create(", \"features\": {\"a\": " + atTheLimit + "}").getBytes(StandardCharsets.UTF_8))
                .problem());
        assertEquals(
                "The request nests deeper than 64 levels",
                RequestEnvelope.open(create(", \"features\": {\"a\": [" + atTheLimit + "]}")
                                .getBytes(StandardCharsets.UTF_8))
                        .problem());
        assertNull(RequestEnvelope.open(
                        create(", \"" + "n".repeat(50_000) + "\": 1").getBytes(StandardCharsets.UTF_8))
                .problem());
        assertThat(RequestEnvelope.open(("{\"action\": \"" + "Y".repeat(40) + "\"}").getBytes(StandardCharsets.UTF_8))
                        .problem())
                .startsWith("Unknown action '" + "Y".repeat(40) + "':");
    }

    @Test
    void decompressionStopsAtExactlyItsBound() throws Exception {
        final byte[] exactly =
                gzip(" ".repeat(RequestEnvelope.MAX_DECOMPRESSED_BYTES).getBytes(StandardCharsets.UTF_8));
        assertEquals(
                RequestEnvelope.MAX_DECOMPRESSED_BYTES,
                RequestEnvelope.decompress(new org.json.JSONObject(compressed(exactly)))
                        .length());
        final byte[] oneMore =
                gzip(" ".repeat(RequestEnvelope.MAX_DECOMPRESSED_BYTES + 1).getBytes(StandardCharsets.UTF_8));
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> RequestEnvelope.decompress(new org.json.JSONObject(compressed(oneMore))));
        assertEquals(
                "The compressed request is not a JSON object",
                RequestEnvelope.open(compressed(gzip("[1]".getBytes(StandardCharsets.UTF_8)))
                                .getBytes(StandardCharsets.UTF_8))
                        .problem());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "ok",
            value = {
                "{\"action\": \"READ\", \"region\": \"eu-west-1\", \"callbackContext\": {\"throttledRounds\": 1}}|ok",
                "{\"action\": \"READ\"}|ok",
                "{\"action\": \"CREATE\", \"Region\": \"nowhere-1\"}|region 'nowhere-1' is not an AWS Region this handler knows",
                "{\"action\": \"UPDATE\", \"CALLBACKCONTEXT\": {\"callGraphs\": {\"a\": 1}}}|CALLBACKCONTEXT holds 'callGraphs', which this handler never returns",
                "{\"action\": \"DELETE\", \"callbackContext\": {\"throttledRounds\": -1}}|callbackContext.throttledRounds is not from 0 to 8",
                "{\"action\": 1}|The request names no action: expected one of CREATE, READ, UPDATE, DELETE, LIST",
                "{\"action\": \"read\"}|Unknown action 'read': expected one of CREATE, READ, UPDATE, DELETE, LIST",
            })
    void aTestPayloadsActionCallbackContextAndRegionAreChecked(final String payload, final String problem) {
        assertEquals(problem, RequestEnvelope.testPayloadProblem(new org.json.JSONObject(payload)));
        assertEquals(
                "The request nests deeper than 64 levels",
                RequestEnvelope.testPayloadProblem(
                        new org.json.JSONObject("{\"request\": " + "[".repeat(70) + "]".repeat(70) + "}")));
    }
}
