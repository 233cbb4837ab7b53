package com.community.apigatewayv2.integrationresponse.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

class SamTestEventTest {
    private static final AwsSessionCredentials CREDENTIALS =
            AwsSessionCredentials.create("AKIDSAM", "sam/secret+1", "sam-session");
    private static final String EVENT = "{\n"
            + "    \"credentials\": {\n"
            + "        \"accessKeyId\": \"\",\n"
            + "        \"secretAccessKey\" : \"\",\n"
            + "        \"sessionToken\": \"\"\n"
            + "    },\n"
            + "    \"action\": \"READ\",\n"
            + "    \"request\": {\"desiredResourceState\": {\"ApiId\": \"{{IntegrationResponseTestApiId}}\","
            + " \"IntegrationResponseKey\": \"/4\\\\d\\\\d/\"}}\n"
            + "}\n";

    @Test
    void placeholdersAndEmptyCredentialsAreFilledAndEveryOtherByteKept() {
        assertEquals(
                "{\n"
                        + "    \"credentials\": {\n"
                        + "        \"accessKeyId\": \"AKIDSAM\",\n"
                        + "        \"secretAccessKey\" : \"sam/secret+1\",\n"
                        + "        \"sessionToken\": \"sam-session\"\n"
                        + "    },\n"
                        + "    \"action\": \"READ\",\n"
                        + "    \"request\": {\"desiredResourceState\": {\"ApiId\": \"a1b2c3\","
                        + " \"IntegrationResponseKey\": \"/4\\\\d\\\\d/\"}}\n"
                        + "}\n",
                SamTestEvent.fill(EVENT, Map.of("IntegrationResponseTestApiId", "a1b2c3"), CREDENTIALS, "read.json"));
    }

    @Test
    void credentialsTheFileGivesAreKept() {
        final String given = EVENT.replace("\"accessKeyId\": \"\"", "\"accessKeyId\": \"AKIDMINE\"");

        assertThat(SamTestEvent.fill(given, Map.of("IntegrationResponseTestApiId", "a"), CREDENTIALS, "read.json"))
                .contains("\"accessKeyId\": \"AKIDMINE\"", "\"secretAccessKey\" : \"sam/secret+1\"");
    }

    @Test
    void aPlaceholderWithoutAValueIsNamed() {
        final IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class, () -> SamTestEvent.fill(EVENT, Map.of(), CREDENTIALS, "read.json"));

        assertThat(error.getMessage())
                .startsWith("read.json: no value for the placeholder {{IntegrationResponseTestApiId}}");
    }

    @Test
    void aTestEventIsToldFromAModelAndAHandlerRequest() throws IOException {
        final ObjectMapper json = new ObjectMapper();

        assertThat(SamTestEvent.isTestEvent(json.readTree(EVENT))).isTrue();
        assertThat(SamTestEvent.isTestEvent(json.readTree("{\"ApiId\": \"a\", \"IntegrationId\": \"i\"}")))
                .isFalse();
        assertThat(SamTestEvent.isTestEvent(
                        json.readTree("{\"action\": \"READ\", \"requestData\": {\"callerCredentials\": {}}}")))
                .isFalse();
    }
}
