package com.community.apigatewayv2.integrationresponse.local.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ContractChecksTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IDS = "\"ApiId\": \"a\", \"IntegrationId\": \"i\", \"IntegrationResponseId\": \"r\"";

    private final ContractChecks checks = new ContractChecks();

    private static JsonNode json(final String text) throws IOException {
        return JSON.readTree(text);
    }

    @Test
    void aReadBackHoldsWhatWasSetWithEmptyMapsAndStringsAsUnset() throws IOException {
        checks.expectSetAsGiven(
                "GetResource",
                json("{\"ApiId\": \"a\", \"IntegrationId\": \"i\", \"IntegrationResponseKey\": \"$default\","
                        + " \"ResponseTemplates\": {},"
                        + " \"TemplateSelectionExpression\": \"\", \"ResponseParameters\": {\"k\": \"\"}}"),
                json("{" + IDS + ", \"IntegrationResponseKey\": \"$default\", \"ResponseParameters\": {\"k\": \"\"}}"));

        assertThat(checks.violations()).isEmpty();
    }

    @Test
    void aReadBackThatDiffersOrKeepsWhatWasRemovedIsABreakForEachProperty() throws IOException {
        checks.expectSetAsGiven(
                "GetResource after UpdateResource",
                json("{\"ApiId\": \"a\", \"IntegrationId\": \"i\", \"IntegrationResponseKey\": \"/5\\\\d{2}/\","
                        + " \"ResponseTemplates\": {\"application/json\": \"{}\"}}"),
                json("{" + IDS + ", \"IntegrationResponseKey\": \"/4\\\\d{2}/\", \"ResponseTemplates\": {},"
                        + " \"ContentHandlingStrategy\": \"CONVERT_TO_TEXT\"}"));

        assertThat(checks.violations())
                .containsExactly(
                        "GetResource after UpdateResource read ContentHandlingStrategy as \"CONVERT_TO_TEXT\","
                                + " expected unset",
                        "GetResource after UpdateResource read IntegrationResponseKey as \"/4\\\\d{2}/\","
                                + " expected \"/5\\\\d{2}/\"",
                        "GetResource after UpdateResource read ResponseTemplates as unset,"
                                + " expected {\"application/json\":\"{}\"}");
    }

    @Test
    void theHandlersAnswerShowsEmptyValuesAsGiven() throws IOException {
        checks.expectSameProperties(
                "CreateResource",
                json("{\"ApiId\": \"a\", \"ResponseTemplates\": {}}"),
                json("{\"ApiId\": \"a\", \"IntegrationResponseId\": \"r\"}"));

        assertThat(checks.violations())
                .containsExactly("CreateResource returned {\"ApiId\":\"a\"} for the input"
                        + " {\"ApiId\":\"a\",\"ResponseTemplates\":{}}");
    }

    @Test
    void theIdentifierAndTheCreateOnlyPropertiesMustStayAndBeThere() throws IOException {
        final JsonNode created = json("{" + IDS + "}");
        final JsonNode moved = json("{\"ApiId\": \"b\", \"IntegrationId\": \"i\", \"IntegrationResponseId\": \"\"}");

        checks.expectIdentified("UpdateResource", moved);
        checks.expectSameIdentifier("UpdateResource", ContractChecks.identifierOf(created), moved);
        checks.expectCreateOnlyUnchanged("UpdateResource", created, moved);
        checks.expectNoWriteOnly("UpdateResource", moved);

        assertThat(checks.violations())
                .containsExactly(
                        "UpdateResource returned a model without IntegrationResponseId: " + moved,
                        "UpdateResource changed the primary identifier from"
                                + " {\"ApiId\":\"a\",\"IntegrationId\":\"i\",\"IntegrationResponseId\":\"r\"} to"
                                + " {\"ApiId\":\"b\",\"IntegrationId\":\"i\",\"IntegrationResponseId\":\"\"}",
                        "UpdateResource changed the create-only property ApiId from \"a\" to \"b\"");
    }
}
