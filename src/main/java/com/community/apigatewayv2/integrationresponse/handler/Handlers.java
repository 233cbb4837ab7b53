package com.community.apigatewayv2.integrationresponse.handler;

import com.community.apigatewayv2.integrationresponse.model.CallbackContext;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel.Property;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * The one way into the domain: the handler for each action, and what each action needs of the
 * request before a service call is made. Both request paths (the lean one and the RPDK runtime's)
 * call {@link #invoke}, so they answer alike by construction.
 */
public final class Handlers {
    private final HandlerConfig config;
    private final Map<Action, BaseHandlerStd> handlers;

    /** The production handlers: {@link HandlerConfig#production()}. */
    public Handlers() {
        this(HandlerConfig.production());
    }

    public Handlers(final HandlerConfig config) {
        this(config, allHandlers());
    }

    /** @param handlers the handler for each action, for tests that record what a handler is given */
    public Handlers(final HandlerConfig config, final Map<Action, BaseHandlerStd> handlers) {
        this.config = config;
        this.handlers = handlers;
    }

    private static Map<Action, BaseHandlerStd> allHandlers() {
        return new EnumMap<>(Map.of(
                Action.CREATE, new CreateHandler(),
                Action.READ, new ReadHandler(),
                Action.UPDATE, new UpdateHandler(),
                Action.DELETE, new DeleteHandler(),
                Action.LIST, new ListHandler()));
    }

    /**
     * Runs the action's handler. A request without a known action, a model or a region, with a null
     * map value, or without the identifier parts its action needs, fails here, before any call;
     * whatever a handler throws goes through the exception translator, as a failed service call does.
     * The handler's calls wait throttling out within this invocation's budget (see {@link ThrottlePolicy}).
     */
    public ProgressEvent<ResourceModel, CallbackContext> invoke(
            final AmazonWebServicesClientProxy proxy,
            final ResourceHandlerRequest<ResourceModel> request,
            final Action action,
            final CallbackContext callbackContext,
            final Logger log) {
        final ThrottlePolicy throttlePolicy = config.throttlePolicy();
        final long start = throttlePolicy.now();
        // its client is built on the first call: a request refused before any costs nothing
        final PacedProxyClient client = action == null
                ? null
                : new PacedProxyClient(
                        proxy.newProxy(() -> config.client(request.getRegion())),
                        throttlePolicy,
                        throttlePolicy.budget(action));
        final ProgressEvent<ResourceModel, CallbackContext> event =
                run(proxy, request, action, callbackContext, log, client);
        log.log(outcome(
                action,
                request.getLogicalResourceIdentifier(),
                event,
                (throttlePolicy.now() - start) / 1_000_000,
                client));
        return event;
    }

    /**
     * The one line an invocation logs about itself, e.g. {@code "CREATE MyResponse: FAILED
     * InvalidRequest after 153 ms, 1 service call"}: what CloudFormation asked, of which resource,
     * what came of it, and what it cost. Throttled answers are counted here rather than logged one by one.
     */
    static String outcome(
            final Action action,
            final String logicalId,
            final ProgressEvent<ResourceModel, CallbackContext> event,
            final long millis,
            final PacedProxyClient client) {
        final StringBuilder line = new StringBuilder()
                .append(action == null ? "(no action)" : action.name())
                .append(' ')
                .append(logicalId == null || logicalId.isBlank() ? "(no logical id)" : logicalId)
                .append(": ")
                .append(event.getStatus());
        if (event.getErrorCode() != null) {
            line.append(' ').append(event.getErrorCode());
        }
        if (event.getStatus() == OperationStatus.IN_PROGRESS) {
            line.append(" (again in ").append(event.getCallbackDelaySeconds()).append(" s)");
        }
        line.append(" after ").append(millis).append(" ms");
        final int calls = client == null ? 0 : client.calls();
        line.append(", ").append(calls).append(calls == 1 ? " service call" : " service calls");
        if (client != null && client.throttledAnswers() > 0) {
            line.append(", ").append(client.throttledAnswers()).append(" throttled");
        }
        return line.toString();
    }

    private ProgressEvent<ResourceModel, CallbackContext> run(
            final AmazonWebServicesClientProxy proxy,
            final ResourceHandlerRequest<ResourceModel> request,
            final Action action,
            final CallbackContext callbackContext,
            final Logger log,
            final PacedProxyClient client) {
        if (action == null) {
            return ExceptionTranslator.failure(HandlerErrorCode.InvalidRequest, "The request names no action");
        }
        final BaseHandlerStd handler = handlers.get(action);
        if (handler == null) {
            return ExceptionTranslator.failure(HandlerErrorCode.InvalidRequest, "Unknown action " + action);
        }
        final ResourceModel model = request.getDesiredResourceState();
        if (model == null) {
            return ExceptionTranslator.failure(
                    HandlerErrorCode.InvalidRequest, "The request carries no resource model");
        }
        final Optional<String> nullValue = Translator.nullMapValue(model);
        if (nullValue.isPresent()) {
            return ExceptionTranslator.failure(HandlerErrorCode.InvalidRequest, nullValue.get());
        }
        if (request.getRegion() == null) {
            return ExceptionTranslator.failure(HandlerErrorCode.InvalidRequest, "The request names no region");
        }
        final ActionRule rule = ActionRule.of(action);
        final Optional<Property> missing = Translator.missingIdentifier(model, rule.identifierParts());
        final Optional<String> malformed =
                missing.isPresent() ? Optional.empty() : Translator.malformedIdentifier(model, rule.identifierParts());
        if (missing.isPresent() || malformed.isPresent()) {
            return withoutIdentifier(rule, model, missing.map(Property::jsonName), malformed);
        }
        try {
            return handler.handleRequest(
                    proxy, request, callbackContext == null ? new CallbackContext() : callbackContext, client, log);
        } catch (final RuntimeException e) {
            final StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            log.log(String.format("The %s handler threw %s", action, trace));
            return ExceptionTranslator.failure(e, model, action);
        }
    }

    /**
     * The answer to a request whose identifier part is {@code missing}, or set but {@code malformed}
     * (what is wrong, never the value): InvalidRequest for a parent the caller must name, NotFound for
     * a resource, which cannot exist without a whole, well-formed identifier.
     */
    private static ProgressEvent<ResourceModel, CallbackContext> withoutIdentifier(
            final ActionRule rule,
            final ResourceModel model,
            final Optional<String> missing,
            final Optional<String> malformed) {
        if (rule.withoutIdentifier() == HandlerErrorCode.NotFound) {
            return ExceptionTranslator.failure(
                    HandlerErrorCode.NotFound,
                    missing.isPresent()
                            ? ExceptionTranslator.notFound(model, missing.get() + " is not set")
                            : ResourceModel.TYPE_NAME + " was not found (" + malformed.orElseThrow() + ")");
        }
        return ExceptionTranslator.failure(
                rule.withoutIdentifier(),
                missing.map(part -> part + " is required" + rule.requiredFor()).orElseGet(malformed::orElseThrow));
    }
}
