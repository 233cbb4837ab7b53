package com.community.apigatewayv2.integrationresponse.handler;

import com.community.apigatewayv2.integrationresponse.model.CallbackContext;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.apigatewayv2.model.BadRequestException;
import software.amazon.awssdk.services.apigatewayv2.model.ConflictException;
import software.amazon.awssdk.services.apigatewayv2.model.NotFoundException;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.exceptions.BaseHandlerException;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;

/** The one place where a failed service call becomes a handler error code and message. */
public final class ExceptionTranslator {
    private ExceptionTranslator() {}

    static ProgressEvent<ResourceModel, CallbackContext> failure(
            final Exception exception, final ResourceModel model, final Action action) {
        final HandlerErrorCode code = errorCode(exception, action);
        return failure(code, message(code, exception, model, action));
    }

    /** A FAILED event: it never carries a model. */
    public static ProgressEvent<ResourceModel, CallbackContext> failure(
            final HandlerErrorCode code, final String message) {
        return ProgressEvent.failed(null, null, code, message);
    }

    static HandlerErrorCode errorCode(final Exception exception, final Action action) {
        if (exception instanceof BaseHandlerException handlerException) {
            return handlerException.getErrorCode();
        }
        if (CallOutcome.of(exception) == CallOutcome.THROTTLED) {
            // a 429 or a throttling code at any status, as the throttle policy waited it out
            return HandlerErrorCode.Throttling;
        }
        if (exception instanceof NotFoundException) {
            return HandlerErrorCode.NotFound;
        }
        if (exception instanceof BadRequestException) {
            return HandlerErrorCode.InvalidRequest;
        }
        if (exception instanceof ConflictException) {
            return ActionRule.of(action).conflict();
        }
        if (exception instanceof AwsServiceException serviceException) {
            final int status = serviceException.statusCode();
            if (status == 401 || status == 403) {
                return HandlerErrorCode.AccessDenied;
            }
            return status >= 500 ? HandlerErrorCode.ServiceInternalError : HandlerErrorCode.GeneralServiceException;
        }
        if (exception instanceof SdkClientException) {
            // no answer from the service: connection refused or reset, or a timeout
            return HandlerErrorCode.NetworkFailure;
        }
        return HandlerErrorCode.InternalFailure;
    }

    private static String message(
            final HandlerErrorCode code, final Exception exception, final ResourceModel model, final Action action) {
        final String detail = exception instanceof AwsServiceException serviceException
                        && serviceException.awsErrorDetails() != null
                        && serviceException.awsErrorDetails().errorMessage() != null
                ? serviceException.awsErrorDetails().errorMessage()
                : exception.getMessage();
        switch (code) {
            case NotFound:
                return notFound(model, detail);
            case AlreadyExists:
                return String.format(
                        "%s with IntegrationResponseKey '%s' already exists in integration '%s' of API '%s' (%s)",
                        ResourceModel.TYPE_NAME,
                        model.getIntegrationResponseKey(),
                        model.getIntegrationId(),
                        model.getApiId(),
                        detail);
            case ResourceConflict:
                // on UPDATE the service's only conflict is the key: another response holds it
                return action != Action.UPDATE || model.getIntegrationResponseKey() == null
                        ? detail
                        : String.format(
                                "Another response of integration '%s' of API '%s' holds the IntegrationResponseKey"
                                        + " '%s', which must be unique in the integration (%s)",
                                model.getIntegrationId(), model.getApiId(), model.getIntegrationResponseKey(), detail);
            default:
                return detail;
        }
    }

    static String notFound(final ResourceModel model, final String detail) {
        return String.format(
                "%s with identifier '%s' was not found (%s)",
                ResourceModel.TYPE_NAME, model.getCloudControlIdentifier(), detail);
    }
}
