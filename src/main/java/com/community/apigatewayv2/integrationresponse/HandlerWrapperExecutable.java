package com.community.apigatewayv2.integrationresponse;

import com.community.apigatewayv2.integrationresponse.handler.Handlers;
import com.community.apigatewayv2.integrationresponse.lambda.ExecutableRuntimeWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The entry point {@code .rpdk-config} names as {@code executableEntrypoint}: what
 * {@code cfn test --docker-image} runs, {@code java -cp handler.jar <this class> '<payload>'}, with one
 * {@code HandlerRequest} as its only argument. The event goes to standard output between the markers
 * the cfn CLI looks for; the log lines the runtime or the SDK may print stay outside them.
 */
public final class HandlerWrapperExecutable {
    static final String START_MARKER = "__CFN_RESOURCE_START_RESPONSE__";
    static final String END_MARKER = "__CFN_RESOURCE_END_RESPONSE__";
    static final String USAGE =
            "usage: java -cp <handler jar> " + HandlerWrapperExecutable.class.getName() + " '<HandlerRequest JSON>'";

    private HandlerWrapperExecutable() {}

    public static void main(final String[] args) throws IOException {
        // an explicit exit: the SDK's HTTP client must not keep the JVM, or the container, alive
        System.exit(run(args, new Handlers(), System.out, System.err));
    }

    /** Serves the request in {@code args}; the exit status: 0 answered (whatever the event says), 2 a usage error. */
    static int run(final String[] args, final Handlers handlers, final PrintStream out, final PrintStream err)
            throws IOException {
        if (args.length != 1) {
            err.println(
                    (args.length == 0 ? "no request given" : "one argument expected, the request, not " + args.length)
                            + System.lineSeparator()
                            + USAGE);
            return 2;
        }
        // in memory: the runtime empties java.io.tmpdir on every request, and the event is small
        final ByteArrayOutputStream event = new ByteArrayOutputStream();
        new ExecutableRuntimeWrapper(handlers).process(args[0].getBytes(StandardCharsets.UTF_8), event);
        out.println(START_MARKER);
        out.println(event.toString(StandardCharsets.UTF_8));
        out.println(END_MARKER);
        out.flush();
        return 0;
    }
}
