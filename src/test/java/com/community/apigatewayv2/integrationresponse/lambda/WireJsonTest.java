package com.community.apigatewayv2.integrationresponse.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.community.apigatewayv2.integrationresponse.model.CallbackContext;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.json.JSONObject;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.resource.Serializer;

/** The JSON the wrapper writes is, character for character, what the runtime's Serializer writes for the same event. */
class WireJsonTest {
    private static final Serializer RUNTIME = new Serializer();

    @Property(tries = 3000)
    void everyEventIsWrittenAsTheRuntimeWritesIt(
            @ForAll("events") final ProgressEvent<ResourceModel, CallbackContext> event) throws IOException {
        assertEquals(RUNTIME.serialize(event), WireJson.event(event));
    }

    @Example
    void anIn_progressEventIsWrittenWithItsCallbackContext() {
        final CallbackContext context = new CallbackContext();
        context.setThrottledRounds(3);
        context.setMayHaveApplied(true);

        assertEquals(
                "{\"status\":\"IN_PROGRESS\",\"callbackContext\":{\"callGraphs\":{},\"throttledRounds\":3,"
                        + "\"mayHaveApplied\":true},\"callbackDelaySeconds\":5}",
                WireJson.event(ProgressEvent.defaultInProgressHandler(context, 5, null)));
    }

    @Example
    void aCallbackContextHoldingCallGraphsIsLeftToTheRuntime() {
        final CallbackContext context = new CallbackContext();
        context.attempts("Community::ApiGatewayV2::IntegrationResponse::Update", 2);

        assertNull(WireJson.event(ProgressEvent.defaultInProgressHandler(context, 5, null)));
    }

    @Example
    void controlCharactersQuotesAndNonAsciiAreEscapedAsJacksonEscapesThem() throws IOException {
        final String tricky = "\u0000\u0001\u001f\b\t\n\f\r\"\\/</\u007f\u0080\u2028\u00e9\ud83d\ude00";
        final ProgressEvent<ResourceModel, CallbackContext> event = ProgressEvent.failed(
                ResourceModel.builder()
                        .apiId(tricky)
                        .responseTemplates(Map.of(tricky, tricky))
                        .build(),
                null,
                HandlerErrorCode.InvalidRequest,
                tricky);

        assertEquals(RUNTIME.serialize(event), WireJson.event(event));
        assertEquals(tricky, new JSONObject(WireJson.event(event)).getString("message"));
    }

    @Provide
    Arbitrary<ProgressEvent<ResourceModel, CallbackContext>> events() {
        final Arbitrary<ResourceModel> model = models();
        final Arbitrary<List<ResourceModel>> models =
                model.injectNull(0.1).list().ofMaxSize(4).map(ArrayList::new);
        return Combinators.combine(
                        Arbitraries.of(OperationStatus.class).injectNull(0.1),
                        Arbitraries.of(HandlerErrorCode.class).injectNull(0.5),
                        text().injectNull(0.4),
                        Arbitraries.integers().between(-5, 100),
                        model.injectNull(0.4),
                        models.injectNull(0.6),
                        text().injectNull(0.6),
                        contexts().injectNull(0.5))
                .as((status, code, message, delay, resourceModel, resourceModels, nextToken, context) ->
                        ProgressEvent.<ResourceModel, CallbackContext>builder()
                                .callbackContext(context)
                                .status(status)
                                .errorCode(code)
                                .message(message)
                                .callbackDelaySeconds(delay)
                                .resourceModel(resourceModel)
                                .resourceModels(resourceModels)
                                .nextToken(nextToken)
                                .build());
    }

    private static Arbitrary<CallbackContext> contexts() {
        return Combinators.combine(Arbitraries.integers().between(-1, 1000), Arbitraries.of(true, false))
                .as((rounds, mayHaveApplied) -> {
                    final CallbackContext context = new CallbackContext();
                    context.setThrottledRounds(rounds);
                    context.setMayHaveApplied(mayHaveApplied);
                    return context;
                });
    }

    private static Arbitrary<ResourceModel> models() {
        final Arbitrary<String> value = text().injectNull(0.3);
        final Arbitrary<Map<String, String>> map =
                Arbitraries.maps(text(), text().injectNull(0.1)).ofMaxSize(3).map(LinkedHashMap::new);
        return Combinators.combine(value, value, value, value, value, map.injectNull(0.4), map.injectNull(0.4), value)
                .as((apiId, integrationId, responseId, key, strategy, parameters, templates, selection) ->
                        new ResourceModel(
                                apiId, integrationId, responseId, key, strategy, parameters, templates, selection));
    }

    /** Any text: control characters (each short escape among them), quotes, backslashes, non-ASCII, surrogate pairs. */
    private static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.strings()
                        .withChars("\"\\/<>\u0000\u001f\b\t\n\f\r\u007f\u0085\u2028\u00e9 aZ")
                        .ofMaxLength(8),
                Arbitraries.strings().alpha().ofMaxLength(8));
    }
}
