package com.community.apigatewayv2.integrationresponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.json.JSONObject;
import org.json.JSONTokener;

/** Loads the resource schema the runtime validates CREATE and UPDATE input against. */
final class Configuration {
    static final String SCHEMA_FILENAME = "community-apigatewayv2-integrationresponse.json";

    private Configuration() {
    }

    /** The schema, read from the jar once, on first use. */
    static JSONObject resourceSchema() {
        return Loaded.SCHEMA;
    }

    static JSONObject load() {
        try (InputStream schema = Configuration.class.getClassLoader().getResourceAsStream(SCHEMA_FILENAME)) {
            if (schema == null) {
                throw new IllegalStateException(SCHEMA_FILENAME + " is missing from the handler jar");
            }
            return new JSONObject(new JSONTokener(schema));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Loaded {
        static final JSONObject SCHEMA = load();
    }
}
