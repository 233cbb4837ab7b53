package com.community.apigatewayv2.integrationresponse.local.apigateway.operations;

import com.community.apigatewayv2.integrationresponse.local.apigateway.errors.ServiceException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The service's validation rules for integration response fields. */
final class IntegrationResponseRules {

    static final String DEFAULT_KEY = "$default";
    static final Set<String> CONTENT_HANDLING_STRATEGIES = Set.of("CONVERT_TO_BINARY", "CONVERT_TO_TEXT");
    /** A header name: an HTTP token (RFC 9110). */
    private static final String HEADER_NAME = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";

    private static final Pattern RESPONSE_PARAMETER_KEY =
            Pattern.compile("method\\.response\\.header\\." + HEADER_NAME);
    private static final Pattern RESPONSE_PARAMETER_VALUE = Pattern.compile("integration\\.response\\.header\\."
            + HEADER_NAME + "|integration\\.response\\.body\\.[^\\t\\n\\x0B\\f\\r ]+|'[^']*'");

    private IntegrationResponseRules() {}

    /** A key is {@code $default} or a regular expression between slashes, e.g. {@code /4\d\d/}. */
    static String requireValidKey(String key) {
        if (DEFAULT_KEY.equals(key)) {
            return key;
        }
        if (key.length() >= 3 && key.startsWith("/") && key.endsWith("/")) {
            try {
                Pattern.compile(key.substring(1, key.length() - 1));
                return key;
            } catch (PatternSyntaxException e) {
                throw ServiceException.badRequest("Invalid integration response key: "
                        + "the regular expression between the slashes does not compile");
            }
        }
        throw ServiceException.badRequest("Invalid integration response key: must be $default "
                + "or a regular expression between slashes, e.g. /2\\d\\d/");
    }

    /**
     * Response parameters map a method response header, {@code method.response.header.{name}}, to an
     * integration response header ({@code integration.response.header.{name}}), a JSON expression on
     * the integration response body ({@code integration.response.body.{expression}}, without {@code $}),
     * or a static value between single quotes (API Gateway developer guide, "Set up WebSocket API
     * integration responses"; the same rules as the schema's).
     */
    static Map<String, String> requireValidResponseParameters(Map<String, String> parameters) {
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (!RESPONSE_PARAMETER_KEY.matcher(parameter.getKey()).matches()) {
                throw ServiceException.badRequest("Invalid mapping expression specified: " + parameter.getKey()
                        + ": a response parameter key must be method.response.header.{name}");
            }
            if (!RESPONSE_PARAMETER_VALUE.matcher(parameter.getValue()).matches()) {
                throw ServiceException.badRequest("Invalid mapping expression specified: " + parameter.getValue()
                        + ": the value for " + parameter.getKey() + " must be integration.response.header.{name}, "
                        + "integration.response.body.{JSON-expression} or a static value in single quotes");
            }
        }
        return parameters;
    }

    static String requireValidContentHandlingStrategy(String strategy) {
        if (!CONTENT_HANDLING_STRATEGIES.contains(strategy)) {
            throw ServiceException.badRequest(
                    "Invalid contentHandlingStrategy: must be one of " + "CONVERT_TO_BINARY, CONVERT_TO_TEXT");
        }
        return strategy;
    }
}
