package com.community.apigatewayv2.integrationresponse.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Loads a handler named on the command line, so the endpoint's {@code main} can serve classes it
 * cannot compile against: {@code com.example.Handler} (a {@link RequestStreamHandler}) or
 * {@code com.example.Handler::method} (a public {@code (InputStream, OutputStream, Context)} method).
 */
final class ReflectiveHandlers {

    private ReflectiveHandlers() {}

    static RequestStreamHandler load(String spec) throws ReflectiveOperationException {
        int separator = spec.indexOf("::");
        String className = separator < 0 ? spec : spec.substring(0, separator);
        Object instance = Class.forName(className).getDeclaredConstructor().newInstance();
        if (separator < 0) {
            if (!(instance instanceof RequestStreamHandler)) {
                throw new IllegalArgumentException(className + " is not a RequestStreamHandler; name a method with ::");
            }
            return (RequestStreamHandler) instance;
        }
        Method method = instance.getClass()
                .getMethod(spec.substring(separator + 2), InputStream.class, OutputStream.class, Context.class);
        return (in, out, context) -> invoke(method, instance, in, out, context);
    }

    /** Rethrows what the method threw, unwrapped, so the endpoint reports the handler's own error. */
    private static void invoke(Method method, Object target, InputStream in, OutputStream out, Context context)
            throws IOException {
        try {
            method.invoke(target, in, out, context);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method, e);
        }
    }
}
