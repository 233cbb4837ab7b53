package com.community.apigatewayv2.integrationresponse.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.util.stream.Collectors;
import org.json.JSONException;
import org.json.JSONObject;
import org.json.JSONTokener;
import software.amazon.cloudformation.resource.Serializer;

/**
 * The runtime's Serializer, whose errors never carry the payload's text. The runtime's mapper turns
 * on Jackson's {@code INCLUDE_SOURCE_IN_LOCATION}, so a Jackson error quotes the first 500 characters
 * of the payload, the caller's credentials among them, and the runtime returns that message and logs
 * the whole stack trace. {@link RequestEnvelope} refuses what would fail here before the runtime reads
 * it; this is the net under it, for whatever it does not foresee: the error is rethrown of the same
 * kind (so the runtime answers as it would), naming where in the request and what kind of mistake,
 * without its cause or any of the payload's text. A compressed payload is unpacked within the
 * envelope's bound.
 */
final class RedactingSerializer extends Serializer {
    @Override
    public <T> T deserialize(final String s, final TypeReference<T> reference) throws IOException {
        try {
            return super.deserialize(s, reference);
        } catch (final MismatchedInputException e) {
            throw MismatchedInputException.from(null, (Class<?>) null, describe(e));
        } catch (final JsonProcessingException e) {
            throw new JsonMappingException(null, describe(e));
        }
    }

    @Override
    public String decompress(final String s) throws IOException {
        final Object value;
        try {
            value = new JSONTokener(s).nextValue();
        } catch (final JSONException e) {
            throw new JsonMappingException(null, "The request is not valid JSON");
        }
        if (!(value instanceof JSONObject object) || !object.has("__COMPRESSED__")) {
            return s;
        }
        try {
            return RequestEnvelope.decompress(object);
        } catch (final IllegalArgumentException e) {
            throw new JsonMappingException(null, e.getMessage());
        }
    }

    /** Where and what, in the request's own terms, and nothing of its text. */
    static String describe(final JsonProcessingException e) {
        // the kind from the innermost error (Jackson wraps a parser's error in one that knows the path)
        Throwable kind = e;
        while (kind.getCause() instanceof JsonProcessingException cause && cause != kind) {
            kind = cause;
        }
        final String what;
        if (kind instanceof InputCoercionException) {
            what = "a number out of range";
        } else if (kind instanceof StreamConstraintsException) {
            what = "more than the parser's limits allow (nesting, length or size)";
        } else if (kind instanceof MismatchedInputException) {
            what = "a value of the wrong type";
        } else if (kind instanceof JsonMappingException) {
            what = "a value that cannot be read";
        } else {
            what = "malformed JSON";
        }
        final String where =
                e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                        ? " at "
                                + mapping.getPath().stream()
                                        .map(reference -> reference.getFieldName() != null
                                                ? abbreviated(reference.getFieldName())
                                                : "[" + reference.getIndex() + "]")
                                        .collect(Collectors.joining("."))
                        : "";
        return "The request could not be read" + where + ": " + what;
    }

    private static String abbreviated(final String name) {
        return name.length() <= 40 ? name : name.substring(0, 40) + "...";
    }
}
