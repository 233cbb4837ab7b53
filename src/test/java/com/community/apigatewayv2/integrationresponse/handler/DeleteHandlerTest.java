package com.community.apigatewayv2.integrationresponse.handler;

import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.deleteRequest;
import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.fullModel;
import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.notFound;
import static com.community.apigatewayv2.integrationresponse.handler.HandlerTestSupport.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.community.apigatewayv2.integrationresponse.model.CallbackContext;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.DeleteIntegrationResponseResponse;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;

class DeleteHandlerTest {
    private final ApiGatewayV2Client client = HandlerTestSupport.mockClient();
    private final DeleteHandler handler = new DeleteHandler();

    private ProgressEvent<ResourceModel, CallbackContext> delete(final ResourceModel model) {
        return handler.handleRequest(
                HandlerTestSupport.proxy(),
                request(model),
                new CallbackContext(),
                HandlerTestSupport.proxyClient(client),
                HandlerTestSupport.logger());
    }

    @Test
    void deletesWithOneCallAndReturnsNoModel() {
        when(client.deleteIntegrationResponse(eq(deleteRequest("res5678"))))
                .thenReturn(DeleteIntegrationResponseResponse.builder().build());

        assertEquals(
                ProgressEvent.<ResourceModel, CallbackContext>builder()
                        .status(OperationStatus.SUCCESS)
                        .build(),
                delete(fullModel()));
        verify(client).deleteIntegrationResponse(deleteRequest("res5678"));
        HandlerTestSupport.verifyNoOtherCalls(client);
    }

    /** The throttle policy comes with the invocation's paced client; none is made up for a client without one. */
    @Test
    void aHandlerRunOutsideHandlersIsRefusedRatherThanGivenAPolicyNobodyChose() {
        when(client.deleteIntegrationResponse(eq(deleteRequest("res5678"))))
                .thenThrow(notFound("Invalid IntegrationResponse identifier specified"));

        // the proxy turns what the handler threw into a failure that names it
        final ProgressEvent<ResourceModel, CallbackContext> event = handler.handleRequest(
                HandlerTestSupport.proxy(),
                request(fullModel()),
                new CallbackContext(),
                HandlerTestSupport.unpaced(client),
                HandlerTestSupport.logger());

        assertEquals(HandlerErrorCode.InternalFailure, event.getErrorCode());
        assertThat(event.getMessage())
                .startsWith("a handler's calls go through Handlers.invoke, which paces them; this proxy client is a "
                        + HandlerTestSupport.class.getName() + "$");
    }

    @Test
    void deletingAMissingResourceFailsNotFound() {
        when(client.deleteIntegrationResponse(eq(deleteRequest("res5678"))))
                .thenThrow(notFound("Invalid IntegrationResponse identifier specified"));

        assertEquals(
                ProgressEvent.failed(
                        null,
                        null,
                        HandlerErrorCode.NotFound,
                        "Community::ApiGatewayV2::IntegrationResponse with identifier 'a1b2c3d4e5|int1234|res5678'"
                                + " was not found (Invalid IntegrationResponse identifier specified)"),
                delete(fullModel()));
        verify(client).deleteIntegrationResponse(deleteRequest("res5678"));
        HandlerTestSupport.verifyNoOtherCalls(client);
    }
}
