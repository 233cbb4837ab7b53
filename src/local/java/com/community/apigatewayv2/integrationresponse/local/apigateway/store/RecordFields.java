package com.community.apigatewayv2.integrationresponse.local.apigateway.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** What the records share: their maps, copied and sorted by key, and their JSON views' optional fields. */
final class RecordFields {

    private RecordFields() {}

    /** An unmodifiable copy sorted by key, so stored state prints the same way every time; null stays null. */
    static Map<String, String> copyOf(Map<String, String> map) {
        return map == null ? null : Collections.unmodifiableMap(new TreeMap<>(map));
    }

    /** Puts the field unless it is null. */
    static void putIfSet(ObjectNode json, String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
    }

    /** Puts the map as an object unless it is null; an empty map is an empty object. */
    static void putIfSet(ObjectNode json, String field, Map<String, String> map) {
        if (map != null) {
            ObjectNode node = json.putObject(field);
            map.forEach(node::put);
        }
    }
}
