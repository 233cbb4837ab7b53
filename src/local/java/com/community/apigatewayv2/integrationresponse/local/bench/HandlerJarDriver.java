package com.community.apigatewayv2.integrationresponse.local.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.community.apigatewayv2.integrationresponse.HandlerWrapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives the handler jar the way the Lambda runtime does: one {@link HandlerWrapper}, real
 * {@code HandlerRequest} payloads through {@code handleRequest}, one JSON response per line on
 * standard output, each after its label. Run it in a fresh JVM whose class path is the handler jar
 * followed by a directory holding only this class, so every other class comes from the jar.
 *
 * <ul>
 *   <li>{@code smoke API_ID INTEGRATION_ID}: CREATE, READ, UPDATE, LIST, DELETE, then the error
 *       paths: READ after delete (NotFound) and a CREATE the schema rejects (InvalidRequest), and
 *       last a LIST with provider credentials, so the runtime's CloudWatch clients load too (point
 *       them at a local endpoint with {@code aws.endpointUrl}).</li>
 *   <li>{@code create API_ID INTEGRATION_ID KEY}: one CREATE, for cold-start measurements.</li>
 *   <li>{@code test-entrypoint}: the event on standard input through {@code testEntrypoint}, as
 *       {@code sam local invoke TestEntrypoint} hands it over; the answer on one line.</li>
 * </ul>
 *
 * <p>Uses nothing but the JDK and the jar, so it loads no class the handler would not load itself.
 * The endpoint comes from {@code aws.endpointUrlApiGatewayV2}; the caller's credentials are fake.
 */
public final class HandlerJarDriver {

    private static final Pattern RESPONSE_ID = Pattern.compile("\"IntegrationResponseId\"\\s*:\\s*\"([^\"]+)\"");

    private HandlerJarDriver() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 1 && "test-entrypoint".equals(args[0])) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new HandlerWrapper().testEntrypoint(System.in, out, QuietContext.INSTANCE);
            System.out.println(out.toString(StandardCharsets.UTF_8));
            return;
        }
        if (args.length < 3) {
            System.err.println("usage: HandlerJarDriver smoke API_ID INTEGRATION_ID | create API_ID INTEGRATION_ID KEY"
                    + " | test-entrypoint < EVENT");
            System.exit(2);
        }
        HandlerWrapper wrapper = new HandlerWrapper();
        String apiId = args[1];
        String integrationId = args[2];
        if ("create".equals(args[0])) {
            System.out.println("CREATE "
                    + invoke(
                            wrapper,
                            "CREATE",
                            properties(
                                    apiId,
                                    integrationId,
                                    null,
                                    args[3],
                                    "\"TemplateSelectionExpression\":\"$default\"")));
            System.out.flush();
            System.out.println("HEAP " + liveHeapBytes());
            return;
        }
        String templates = "\"TemplateSelectionExpression\":\"$default\",\"ResponseTemplates\":{\"$default\":\"{}\"}";
        String created = invoke(wrapper, "CREATE", properties(apiId, integrationId, null, "/200/", templates));
        System.out.println("CREATE " + created);
        Matcher id = RESPONSE_ID.matcher(created);
        String responseId = id.find() ? id.group(1) : "missing";
        String identified = properties(apiId, integrationId, responseId, "/200/", null);
        System.out.println("READ " + invoke(wrapper, "READ", identified));
        System.out.println("UPDATE "
                + invoke(
                        wrapper,
                        "UPDATE",
                        properties(
                                apiId,
                                integrationId,
                                responseId,
                                "/201/",
                                "\"ContentHandlingStrategy\":\"CONVERT_TO_TEXT\""),
                        ",\"previousResourceProperties\":"
                                + properties(apiId, integrationId, responseId, "/200/", templates)));
        System.out.println("LIST " + invoke(wrapper, "LIST", properties(apiId, integrationId, null, null, null)));
        System.out.println("DELETE " + invoke(wrapper, "DELETE", identified));
        System.out.println("READ_DELETED " + invoke(wrapper, "READ", identified));
        System.out.println("CREATE_INVALID "
                + invoke(
                        wrapper,
                        "CREATE",
                        properties(
                                apiId,
                                integrationId,
                                null,
                                "/200/",
                                "\"ContentHandlingStrategy\":\"CONVERT_TO_HEX\"")));
        // a type registered with LoggingConfig: the runtime builds its CloudWatch and CloudWatch Logs clients
        System.out.println("LIST_WITH_PROVIDER_LOGGING "
                + invoke(wrapper, "LIST", properties(apiId, integrationId, null, null, null), PROVIDER_LOGGING));
        System.out.flush();
    }

    /** Heap in use after a full collection: what the JVM holds on to once the request is answered. */
    static long liveHeapBytes() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    static String properties(String apiId, String integrationId, String responseId, String key, String extra) {
        StringBuilder json = new StringBuilder("{\"ApiId\":\"")
                .append(apiId)
                .append("\",\"IntegrationId\":\"")
                .append(integrationId)
                .append('"');
        if (responseId != null) {
            json.append(",\"IntegrationResponseId\":\"").append(responseId).append('"');
        }
        if (key != null) {
            json.append(",\"IntegrationResponseKey\":\"")
                    .append(key.replace("\\", "\\\\"))
                    .append('"');
        }
        if (extra != null) {
            json.append(',').append(extra);
        }
        return json.append('}').toString();
    }

    private static final String PROVIDER_LOGGING = ",\"providerCredentials\":{\"accessKeyId\":\"AKIDPROVIDER\","
            + "\"secretAccessKey\":\"provider-secret\",\"sessionToken\":\"provider-session\"},"
            + "\"providerLogGroupName\":\"community-apigatewayv2-integrationresponse-logs\"";

    /** A HandlerRequest as CloudFormation sends it, with fake caller credentials. */
    static String handlerRequest(String action, String properties) {
        return handlerRequest(action, properties, "");
    }

    private static String handlerRequest(String action, String properties, String moreRequestData) {
        return "{\"action\":\"" + action + "\",\"awsAccountId\":\"123456789012\",\"bearerToken\":\"bearer-token\","
                + "\"region\":\"us-east-1\",\"resourceType\":\"Community::ApiGatewayV2::IntegrationResponse\","
                + "\"stackId\":\"arn:aws:cloudformation:us-east-1:123456789012:stack/local/1\","
                + "\"requestData\":{\"callerCredentials\":{\"accessKeyId\":\"AKIDLOCAL\","
                + "\"secretAccessKey\":\"local-secret\",\"sessionToken\":\"local-session\"},"
                + "\"resourceProperties\":" + properties + ",\"logicalResourceId\":\"Response\"" + moreRequestData
                + "}}";
    }

    static String invoke(HandlerWrapper wrapper, String action, String properties) throws IOException {
        return invoke(wrapper, action, properties, "");
    }

    static String invoke(HandlerWrapper wrapper, String action, String properties, String moreRequestData)
            throws IOException {
        return invokeRaw(wrapper, handlerRequest(action, properties, moreRequestData));
    }

    /** One HandlerRequest payload through handleRequest; the response as the runtime wrote it. */
    static String invokeRaw(HandlerWrapper wrapper, String handlerRequest) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wrapper.handleRequest(
                new ByteArrayInputStream(handlerRequest.getBytes(StandardCharsets.UTF_8)), out, QuietContext.INSTANCE);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A Lambda context that drops the log lines, so standard output carries only responses. */
    enum QuietContext implements Context {
        INSTANCE;

        private static final LambdaLogger DISCARD = new LambdaLogger() {
            @Override
            public void log(String message) {}

            @Override
            public void log(byte[] message) {}
        };

        @Override
        public String getAwsRequestId() {
            return "local-request";
        }

        @Override
        public String getLogGroupName() {
            return "local";
        }

        @Override
        public String getLogStreamName() {
            return "local";
        }

        @Override
        public String getFunctionName() {
            return "TypeFunction";
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:123456789012:function:TypeFunction";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 60_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 512;
        }

        @Override
        public LambdaLogger getLogger() {
            return DISCARD;
        }
    }
}
