package com.community.apigatewayv2.integrationresponse;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.community.apigatewayv2.integrationresponse.handler.Handlers;
import com.community.apigatewayv2.integrationresponse.lambda.RequestRouter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The Lambda entry points, by the names {@code .rpdk-config}, {@code template.yml} and the cfn CLI
 * give them: {@link #handleRequest} is the TypeFunction CloudFormation invokes, {@link #testEntrypoint}
 * the TestEntrypoint that {@code cfn test} and SAM use. The request path is {@link RequestRouter}'s.
 */
public final class HandlerWrapper implements RequestStreamHandler {
    private final RequestRouter router;

    public HandlerWrapper() {
        this(new Handlers());
    }

    public HandlerWrapper(final Handlers handlers) {
        this.router = new RequestRouter(handlers);
    }

    @Override
    public void handleRequest(final InputStream inputStream, final OutputStream outputStream, final Context context)
            throws IOException {
        router.handleRequest(inputStream, outputStream, context);
    }

    public void testEntrypoint(final InputStream inputStream, final OutputStream outputStream, final Context context)
            throws IOException {
        router.testEntrypoint(inputStream, outputStream, context);
    }
}
