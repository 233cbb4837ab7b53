package com.community.apigatewayv2.integrationresponse.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * A {@code sam-tests/*.json} event: the {@code ResourceHandlerTestPayload} that
 * {@code sam local invoke TestEntrypoint --event FILE} hands the TestEntrypoint as the file's bytes. A
 * user fills in its {@code {{Name}}} placeholders and its empty credentials before SAM runs it; this
 * does the same to the text and leaves every other byte as it is.
 */
public final class SamTestEvent {
    public static final String FUNCTION = "TestEntrypoint";
    public static final String API_ID = "IntegrationResponseTestApiId";
    public static final String INTEGRATION_ID = "IntegrationResponseTestIntegrationId";
    /** The id only a CREATE makes; the events after it need it. */
    public static final String RESPONSE_ID = "IntegrationResponseTestIntegrationResponseId";
    /** Every placeholder the events use, in the order of the identifier. */
    public static final List<String> PLACEHOLDERS = List.of(API_ID, INTEGRATION_ID, RESPONSE_ID);

    private static final Pattern EMPTY_CREDENTIAL =
            Pattern.compile("\"(accessKeyId|secretAccessKey|sessionToken)\"(\\s*:\\s*)\"\"");

    private SamTestEvent() {}

    /** Whether {@code json} is a TestEntrypoint event rather than a model or a HandlerRequest. */
    public static boolean isTestEvent(final JsonNode json) {
        return json.isObject() && json.has("credentials") && json.has("request") && json.has("action");
    }

    /**
     * @param text the event file's text
     * @param ids the placeholders' values; one the text uses and this lacks is an error naming it
     * @param credentials what each empty credential field becomes
     * @param source the file's name, for the error
     */
    public static String fill(
            final String text, final Map<String, String> ids, final AwsCredentials credentials, final String source) {
        final String sessionToken = credentials instanceof AwsSessionCredentials session ? session.sessionToken() : "";
        final Map<String, String> values = Map.of(
                "accessKeyId", credentials.accessKeyId(),
                "secretAccessKey", credentials.secretAccessKey(),
                "sessionToken", sessionToken);
        final Matcher matcher = EMPTY_CREDENTIAL.matcher(ContractInputs.fill(text, ids, source));
        final StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(
                    filled,
                    Matcher.quoteReplacement("\"" + matcher.group(1) + "\"" + matcher.group(2) + "\""
                            + values.get(matcher.group(1)) + "\""));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }
}
