package com.community.apigatewayv2.integrationresponse.lambda;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A Lambda context whose platform log lines go to a list, with a minute left to run. */
public final class RecordingContext {
    private RecordingContext() {}

    public static Context into(final List<String> lines) {
        final Context context = mock(Context.class);
        when(context.getLogger()).thenReturn(logger(lines));
        when(context.getRemainingTimeInMillis()).thenReturn(60_000);
        return context;
    }

    /** A Lambda logger adding each message to {@code lines}. */
    public static LambdaLogger logger(final List<String> lines) {
        return new LambdaLogger() {
            @Override
            public void log(final String message) {
                lines.add(message);
            }

            @Override
            public void log(final byte[] message) {
                lines.add(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
