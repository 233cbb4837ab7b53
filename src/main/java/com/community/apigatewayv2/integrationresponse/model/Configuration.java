package com.community.apigatewayv2.integrationresponse.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.json.JSONObject;
import org.json.JSONTokener;

/**
 * Loads the resource schema the runtime validates CREATE and UPDATE input against.
 *
 * <p>The build copies resource-schema.json next to this class, with {@code typeName} set to the
 * {@code type.name} it was given. The name stays the same whatever the type is called, so the handler
 * finds its schema without knowing its own name, and learns that name from it.
 */
public final class Configuration {
    public static final String SCHEMA_RESOURCE = "resource-schema.json";

    private Configuration() {}

    /** The schema, read from the jar once, on first use. */
    public static JSONObject resourceSchema() {
        return Loaded.SCHEMA;
    }

    /** A JSON resource beside this class, as the build put it in the jar. */
    static JSONObject load(final String resource) {
        try (InputStream schema = Configuration.class.getResourceAsStream(resource)) {
            if (schema == null) {
                throw new IllegalStateException(resource + " is missing from the handler jar");
            }
            return new JSONObject(new JSONTokener(schema));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Loaded {
        static final JSONObject SCHEMA = load(SCHEMA_RESOURCE);
    }
}
