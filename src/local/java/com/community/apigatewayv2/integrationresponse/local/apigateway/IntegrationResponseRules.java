package com.community.apigatewayv2.integrationresponse.local.apigateway;

import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The service's validation rules for integration response fields. */
final class IntegrationResponseRules {

    static final String DEFAULT_KEY = "$default";
    static final Set<String> CONTENT_HANDLING_STRATEGIES = Set.of("CONVERT_TO_BINARY", "CONVERT_TO_TEXT");

    private IntegrationResponseRules() {
    }

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

    static String requireValidContentHandlingStrategy(String strategy) {
        if (!CONTENT_HANDLING_STRATEGIES.contains(strategy)) {
            throw ServiceException.badRequest("Invalid contentHandlingStrategy: must be one of "
                    + "CONVERT_TO_BINARY, CONVERT_TO_TEXT");
        }
        return strategy;
    }
}
