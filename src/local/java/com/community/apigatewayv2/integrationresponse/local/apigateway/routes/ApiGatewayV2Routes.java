package com.community.apigatewayv2.integrationresponse.local.apigateway.routes;

import com.community.apigatewayv2.integrationresponse.local.apigateway.errors.ServiceException;
import com.community.apigatewayv2.integrationresponse.local.apigateway.operations.Operation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Maps an HTTP method and path to an {@link Operation} and its path parameters. */
final class ApiGatewayV2Routes {

    /** A matched request: what to run, and the identifiers taken from the path. */
    record RoutedRequest(Operation operation, Map<String, String> pathParameters) {}

    private record Route(List<String> pattern, Map<HttpMethod, Operation> operations) {}

    private enum HttpMethod {
        GET,
        POST,
        PATCH,
        DELETE
    }

    private static final String APIS = "/v2/apis";
    private static final String API = APIS + "/{apiId}";
    private static final String INTEGRATIONS = API + "/integrations";
    private static final String INTEGRATION = INTEGRATIONS + "/{integrationId}";
    private static final String INTEGRATION_RESPONSES = INTEGRATION + "/integrationresponses";
    private static final String INTEGRATION_RESPONSE = INTEGRATION_RESPONSES + "/{integrationResponseId}";

    private final List<Route> routes = new ArrayList<>();

    ApiGatewayV2Routes() {
        add(APIS, Map.of(HttpMethod.POST, Operation.CREATE_API, HttpMethod.GET, Operation.GET_APIS));
        add(API, Map.of(HttpMethod.GET, Operation.GET_API, HttpMethod.DELETE, Operation.DELETE_API));
        add(
                INTEGRATIONS,
                Map.of(HttpMethod.POST, Operation.CREATE_INTEGRATION, HttpMethod.GET, Operation.GET_INTEGRATIONS));
        add(
                INTEGRATION,
                Map.of(HttpMethod.GET, Operation.GET_INTEGRATION, HttpMethod.DELETE, Operation.DELETE_INTEGRATION));
        add(
                INTEGRATION_RESPONSES,
                Map.of(
                        HttpMethod.POST,
                        Operation.CREATE_INTEGRATION_RESPONSE,
                        HttpMethod.GET,
                        Operation.GET_INTEGRATION_RESPONSES));
        add(
                INTEGRATION_RESPONSE,
                Map.of(
                        HttpMethod.GET,
                        Operation.GET_INTEGRATION_RESPONSE,
                        HttpMethod.PATCH,
                        Operation.UPDATE_INTEGRATION_RESPONSE,
                        HttpMethod.DELETE,
                        Operation.DELETE_INTEGRATION_RESPONSE));
    }

    private void add(String path, Map<HttpMethod, Operation> operations) {
        List<String> pattern = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                pattern.add(segment);
            }
        }
        routes.add(new Route(Collections.unmodifiableList(pattern), new EnumMap<>(operations)));
    }

    /**
     * @throws ServiceException 404 for a path no operation serves, 405 for a known path and a
     *         method it does not accept (the message lists the accepted ones)
     */
    RoutedRequest match(String method, List<String> segments) {
        for (Route route : routes) {
            Map<String, String> parameters = bind(route.pattern(), segments);
            if (parameters == null) {
                continue;
            }
            Operation operation = route.operations().get(parse(method));
            if (operation == null) {
                TreeSet<String> allowed = new TreeSet<>();
                route.operations().keySet().forEach(m -> allowed.add(m.name()));
                throw ServiceException.methodNotAllowed(method, String.join(", ", allowed));
            }
            return new RoutedRequest(operation, Collections.unmodifiableMap(parameters));
        }
        throw ServiceException.notFound("No operation serves path /" + String.join("/", segments));
    }

    private static HttpMethod parse(String method) {
        try {
            return HttpMethod.valueOf(method);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The path parameters if the segments fit the pattern, else null. */
    private static Map<String, String> bind(List<String> pattern, List<String> segments) {
        if (pattern.size() != segments.size()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            String expected = pattern.get(i);
            String actual = segments.get(i);
            if (expected.startsWith("{")) {
                parameters.put(expected.substring(1, expected.length() - 1), actual);
            } else if (!expected.equals(actual)) {
                return null;
            }
        }
        return parameters;
    }
}
