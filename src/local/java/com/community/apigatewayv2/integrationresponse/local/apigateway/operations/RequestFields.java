package com.community.apigatewayv2.integrationresponse.local.apigateway.operations;

import com.community.apigatewayv2.integrationresponse.local.apigateway.errors.ServiceException;
import java.util.Map;
import java.util.Optional;

/**
 * A request body's fields, as the operations read them: each accessor answers a field of the wrong
 * type with a 400, as the service's request deserialiser does, and counts a JSON null as absent.
 */
public interface RequestFields {

    Optional<String> string(String field);

    /** @throws ServiceException 400 naming the field when it is absent */
    default String requiredString(String field) {
        return string(field).orElseThrow(() -> missing(field));
    }

    Optional<Integer> integer(String field);

    Optional<Boolean> bool(String field);

    /** A string-to-string map, sorted by key so stored state prints the same way every time. */
    Optional<Map<String, String>> stringMap(String field);

    /** The service's answer to a request without a field it needs. */
    static ServiceException missing(String field) {
        return ServiceException.badRequest("Invalid request input: missing required field " + field);
    }
}
