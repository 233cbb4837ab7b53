package com.community.apigatewayv2.integrationresponse.handler;

import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.fullModel;
import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.minimalModel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.community.apigatewayv2.integrationresponse.model.ResourceModel.Property;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigatewayv2.model.CreateIntegrationResponseRequest;
import software.amazon.awssdk.services.apigatewayv2.model.UpdateIntegrationResponseRequest;

class TranslatorTest {
    @Test
    void createRequestCarriesEveryPropertyButTheServiceAssignedId() {
        final CreateIntegrationResponseRequest request = Translator.createRequest(fullModel());
        assertEquals(
                CreateIntegrationResponseRequest.builder()
                        .apiId("a1b2c3d4e5")
                        .integrationId("int1234")
                        .integrationResponseKey("/200/")
                        .contentHandlingStrategy("CONVERT_TO_TEXT")
                        .templateSelectionExpression("$request.body.action")
                        .responseParameters(fullModel().getResponseParameters())
                        .responseTemplates(fullModel().getResponseTemplates())
                        .build(),
                request);
    }

    @Test
    void createRequestSendsNothingForEmptyValues() {
        final CreateIntegrationResponseRequest request = Translator.createRequest(minimalModel().toBuilder()
                .templateSelectionExpression("")
                .contentHandlingStrategy("")
                .responseParameters(Map.of())
                .responseTemplates(Map.of())
                .build());
        assertThat(request.templateSelectionExpression()).isNull();
        assertThat(request.contentHandlingStrategyAsString()).isNull();
        assertThat(request.hasResponseParameters()).isFalse();
        assertThat(request.hasResponseTemplates()).isFalse();
    }

    @Test
    void updateRequestClearsOnlyWhatTheCurrentStateHas() {
        final UpdateIntegrationResponseRequest clearing = Translator.updateRequest(minimalModel(), fullModel());
        assertEquals("", clearing.contentHandlingStrategyAsString());
        assertEquals("", clearing.templateSelectionExpression());
        assertEquals(Map.of(), clearing.responseParameters());
        assertThat(clearing.hasResponseParameters()).isTrue();
        assertEquals(Map.of(), clearing.responseTemplates());
        assertEquals("$default", clearing.integrationResponseKey());
        assertEquals("res5678", clearing.integrationResponseId());

        final UpdateIntegrationResponseRequest untouched = Translator.updateRequest(minimalModel(), minimalModel());
        assertThat(untouched.contentHandlingStrategyAsString()).isNull();
        assertThat(untouched.templateSelectionExpression()).isNull();
        assertThat(untouched.hasResponseParameters()).isFalse();
        assertThat(untouched.hasResponseTemplates()).isFalse();
    }

    @Test
    void updateRequestSendsDesiredMapsWhole() {
        final UpdateIntegrationResponseRequest request = Translator.updateRequest(fullModel(), minimalModel());
        assertEquals(fullModel().getResponseTemplates(), request.responseTemplates());
        assertEquals(fullModel().getResponseParameters(), request.responseParameters());
        assertEquals("CONVERT_TO_TEXT", request.contentHandlingStrategyAsString());
    }

    @Test
    void differencesTreatEmptyAsUnsetAndNameEachProperty() {
        assertEquals(
                List.of(),
                Translator.differences(
                        minimalModel(),
                        minimalModel().toBuilder()
                                .responseTemplates(Map.of())
                                .templateSelectionExpression("")
                                .build()));
        assertEquals(
                List.of(
                        "ContentHandlingStrategy",
                        "IntegrationResponseKey",
                        "ResponseParameters",
                        "ResponseTemplates",
                        "TemplateSelectionExpression"),
                Translator.differences(fullModel(), minimalModel()));
    }

    @Test
    void missingIdentifierNamesTheFirstUnsetPart() {
        assertEquals(Optional.empty(), Translator.missingIdentifier(fullModel(), Property.primaryIdentifier()));
        assertEquals(
                Optional.of(Property.INTEGRATION_ID),
                Translator.missingIdentifier(
                        fullModel().toBuilder()
                                .integrationId("")
                                .integrationResponseId(null)
                                .build(),
                        Property.primaryIdentifier()));
    }

    @Test
    void listRequestCarriesTheScopeAndToken() {
        assertEquals("a1b2c3d4e5", Translator.listRequest(fullModel(), "t").apiId());
        assertEquals("int1234", Translator.listRequest(fullModel(), "t").integrationId());
        assertEquals("t", Translator.listRequest(fullModel(), "t").nextToken());
    }

    @Test
    void cloudControlIdentifierJoinsThePartsInOrder() {
        assertEquals("a1b2c3d4e5|int1234|res5678", fullModel().getCloudControlIdentifier());
        assertThat(fullModel().getPrimaryIdentifier().toMap())
                .isEqualTo(Map.of(
                        "/properties/ApiId",
                        "a1b2c3d4e5",
                        "/properties/IntegrationId",
                        "int1234",
                        "/properties/IntegrationResponseId",
                        "res5678"));
        assertThat(fullModel().toBuilder().integrationResponseId(null).build().getPrimaryIdentifier())
                .isNull();
    }
}
