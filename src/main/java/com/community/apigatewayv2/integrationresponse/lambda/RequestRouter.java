package com.community.apigatewayv2.integrationresponse.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.community.apigatewayv2.integrationresponse.handler.ActionRule;
import com.community.apigatewayv2.integrationresponse.handler.ExceptionTranslator;
import com.community.apigatewayv2.integrationresponse.handler.Handlers;
import com.community.apigatewayv2.integrationresponse.model.CallbackContext;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.LongSupplier;
import software.amazon.cloudformation.exceptions.TerminalException;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.DelayFactory;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.LoggerProxy;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.WaitStrategy;
import software.amazon.cloudformation.resource.Serializer;

/**
 * The Lambda request path behind the entry points: {@link #handleRequest} serves the TypeFunction
 * CloudFormation invokes, {@link #testEntrypoint} the TestEntrypoint that {@code cfn test} and SAM use.
 *
 * <p>A request CloudFormation sends in the usual shape (see {@link LeanRequest}) is served here,
 * step for step as the RPDK runtime serves it (empty the temporary directory, validate CREATE and
 * UPDATE input against the schema, call the handler with the caller's credentials, write the
 * event) but without the runtime's Jackson mapping, whose start-up is most of what a cold
 * invocation spends beyond the service call. Every other request, one that fails schema
 * validation, and the TestEntrypoint go to the runtime itself ({@link RuntimeWrapper}), built on
 * first need. Provider credentials (a type registered with logging) also go to the runtime, so
 * its metrics and log delivery are unchanged.
 */
public final class RequestRouter {
    /** How old the temporary directory's modification time must be, when it is listed empty, to stand for "still empty". */
    private static final long TRUSTED_AGE_MILLIS = 2_000;

    private final Handlers handlers;
    /** Inside Lambda, the temporary directory is emptied before each request, as the runtime does; nowhere else. */
    private final boolean scrubsTemporaryDirectory;

    private final ResourceSchemaValidator validator = new ResourceSchemaValidator();
    /** The platform log (the function's own log group), set up on the first invocation. */
    private LoggerProxy logger;

    private RuntimeWrapper runtime;
    /** The reasons for going to the runtime logged so far in this execution environment. */
    private final Set<Fallback> loggedFallbacks = EnumSet.noneOf(Fallback.class);
    /** The temporary directory's modification time when it was last listed empty, or 0. */
    private long emptySince;
    /** The wall clock, in milliseconds, that a modification time is compared with. */
    private final LongSupplier clock;

    public RequestRouter(final Handlers handlers) {
        this(handlers, RuntimeBinding.INSIDE_LAMBDA);
    }

    RequestRouter(final Handlers handlers, final boolean scrubsTemporaryDirectory) {
        this(handlers, scrubsTemporaryDirectory, System::currentTimeMillis);
    }

    RequestRouter(final Handlers handlers, final boolean scrubsTemporaryDirectory, final LongSupplier clock) {
        this.handlers = handlers;
        this.scrubsTemporaryDirectory = scrubsTemporaryDirectory;
        this.clock = clock;
    }

    /**
     * The TypeFunction. A payload the runtime would misread (not an object, no credentials, an
     * unknown action, properties that are not an object) fails InvalidRequest, naming what is wrong,
     * instead of ending as InternalFailure with a parser's message.
     */
    public void handleRequest(final InputStream inputStream, final OutputStream outputStream, final Context context)
            throws IOException {
        if (logger == null) {
            logger = new LoggerProxy();
            logger.addLogPublisher(new FunctionLog(context.getLogger()));
        }
        final byte[] payload = inputStream.readAllBytes();
        final RequestEnvelope envelope = RequestEnvelope.open(payload);
        if (envelope.problem() != null) {
            write(ExceptionTranslator.failure(HandlerErrorCode.InvalidRequest, envelope.problem()), outputStream);
        } else {
            final LeanRequest lean = LeanRequest.read(envelope.request());
            final Fallback fallback = lean == null ? Fallback.NOT_CLOUDFORMATIONS_SHAPE : fallbackFor(lean);
            if (fallback == null) {
                write(serve(lean), outputStream);
            } else {
                if (loggedFallbacks.add(fallback)) {
                    logger.log("This request, and any later one for the same reason, goes to the RPDK runtime: "
                            + fallback.reason);
                }
                runtime(context).process(envelope.runtimePayload(validator::isValid), outputStream);
            }
        }
        outputStream.close();
    }

    /**
     * Why a request that needs no InvalidRequest goes to the runtime's own path, which answers it
     * alike but slower; each is logged once in an execution environment, so a change in what
     * CloudFormation sends that sent every request that way would show.
     */
    enum Fallback {
        NOT_CLOUDFORMATIONS_SHAPE(
                "its payload is not in the exact shape CloudFormation sends (a re-invocation's callback"
                        + " context, provider credentials, or a field or casing the lean reader does not know)"),
        FILES_TO_CLEAN("the temporary directory holds files, which the runtime removes before each request"),
        SCHEMA_FAILURE("its properties fail the resource schema, and the runtime words that failure");

        final String reason;

        Fallback(final String reason) {
            this.reason = reason;
        }
    }

    /** Why the runtime must serve {@code lean}, or null when the lean path serves it. */
    private Fallback fallbackFor(final LeanRequest lean) {
        if (scrubsTemporaryDirectory && !tmpDirEmpty()) {
            return Fallback.FILES_TO_CLEAN;
        }
        return ActionRule.of(lean.action).validated() && !validator.isValid(lean.properties)
                ? Fallback.SCHEMA_FAILURE
                : null;
    }

    /** The TestEntrypoint: the same handlers, driven by a {@code ResourceHandlerTestPayload}. */
    public void testEntrypoint(final InputStream inputStream, final OutputStream outputStream, final Context context)
            throws IOException {
        runtime(context).testEntrypoint(inputStream, outputStream, context);
    }

    /** The request as the runtime would serve it. */
    private ProgressEvent<ResourceModel, CallbackContext> serve(final LeanRequest lean) {
        ProgressEvent<ResourceModel, CallbackContext> event;
        try {
            final AmazonWebServicesClientProxy proxy = new AmazonWebServicesClientProxy(
                    logger,
                    lean.callerCredentials,
                    DelayFactory.CONSTANT_DEFAULT_DELAY_FACTORY,
                    WaitStrategy.scheduleForCallbackStrategy());
            event = handlers.invoke(proxy, lean.request, lean.action, null, logger);
            logger.log(String.format("Handler returned %s%n", event.getStatus()));
            if (event.getStatus() == OperationStatus.IN_PROGRESS
                    && ActionRule.of(lean.action).synchronous()) {
                throw new TerminalException("READ and LIST handlers must return synchronously.");
            }
        } catch (final Throwable e) {
            // unlike the runtime, no desired model on the event: FAILED never carries one
            logger.log(stackTrace(e));
            event = ProgressEvent.defaultFailureHandler(e, HandlerErrorCode.InternalFailure);
        }
        return event;
    }

    /** As the runtime writes an event: never a result or annotations, and the same JSON text. */
    private void write(final ProgressEvent<ResourceModel, CallbackContext> event, final OutputStream outputStream)
            throws IOException {
        event.setResult(null);
        event.setAnnotations(null);
        final String json = WireJson.event(RuntimeBinding.finish(event));
        outputStream.write((json != null ? json : new Serializer().serialize(event)).getBytes(StandardCharsets.UTF_8));
        outputStream.flush();
    }

    /**
     * Whether the temporary directory is known to be empty. The runtime empties it before every
     * request, so nothing one stack's request leaves there is seen by the next; it is nearly always
     * empty already. A directory's modification time changes whenever an entry is added or removed,
     * so while it still shows the time it had when the directory was last listed empty, it is still
     * empty. That time is trusted only if it was well in the past when the listing was made, so an
     * entry added after the listing gives the directory a later time, however coarse the file
     * system's clock. A directory with anything in it is left to the runtime, which cleans it.
     */
    private boolean tmpDirEmpty() {
        final File tmpDir = new File(System.getProperty("java.io.tmpdir"));
        final long modified = tmpDir.lastModified();
        if (modified != 0 && modified == emptySince) {
            return true;
        }
        final String[] entries = tmpDir.list();
        final boolean empty = entries != null && entries.length == 0;
        emptySince = empty && clock.getAsLong() - modified > TRUSTED_AGE_MILLIS ? modified : 0;
        return empty;
    }

    private RuntimeWrapper runtime(final Context context) {
        if (runtime == null) {
            runtime = new RuntimeWrapper(handlers, scrubsTemporaryDirectory);
        }
        runtime.attachPlatformLog(context);
        return runtime;
    }

    private static String stackTrace(final Throwable e) {
        final StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
