package com.community.apigatewayv2.integrationresponse.lambda;

import com.community.apigatewayv2.integrationresponse.model.Configuration;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.everit.json.schema.CombinedSchema;
import org.everit.json.schema.EnumSchema;
import org.everit.json.schema.ObjectSchema;
import org.everit.json.schema.Schema;
import org.everit.json.schema.StringSchema;
import org.everit.json.schema.loader.SchemaClient;
import org.everit.json.schema.loader.SchemaLoader;
import org.everit.json.schema.regexp.RE2JRegexpFactory;
import org.json.JSONObject;
import software.amazon.cloudformation.resource.SchemaValidator;
import software.amazon.cloudformation.resource.exceptions.ValidationException;

/**
 * The runtime's schema validation with the resource schema compiled once per JVM.
 *
 * <p>The runtime's {@code Validator} parses four meta-schemas when the wrapper is built and compiles
 * the resource schema again on every CREATE and UPDATE. The schema never changes, so its compiled form
 * is kept; anything else it is asked to check is compiled as the runtime would. Validation errors are
 * scrubbed and worded by the runtime's own {@link ValidationException}, so callers see the same
 * "Model validation failed (...)" messages.
 *
 * <p>It never fetches a schema: the resource schema's {@code $schema} names the provider definition,
 * which everit does not know, so it falls back to draft 7 without loading it, and the list handler
 * schema's {@code resource-schema.json} references resolve to the resource schema registered locally.
 */
final class ResourceSchemaValidator implements SchemaValidator {
    /** Where the list handler schema's relative references point; a name that can never resolve remotely. */
    private static final URI LOCAL_BASE = URI.create("https://schema.invalid/");

    private static final URI LOCAL_RESOURCE_SCHEMA = LOCAL_BASE.resolve(Configuration.SCHEMA_RESOURCE);

    private static final SchemaClient NO_DOWNLOADS = url -> {
        throw new IllegalStateException("the handler resolves schemas locally, never from " + url);
    };

    @Override
    public void validateObject(final JSONObject modelObject, final JSONObject schemaObject) {
        final Schema schema =
                schemaObject == Configuration.resourceSchema() ? Compiled.RESOURCE : compile(schemaObject);
        try {
            schema.validate(modelObject);
        } catch (final org.everit.json.schema.ValidationException e) {
            throw withRules(e, ValidationException.newScrubbedException(e));
        }
    }

    /**
     * The runtime's scrubbed failure, each message completed with the rule that was broken where the
     * scrubbing left only its keyword: a value's pattern ("failed validation constraint for keyword
     * [pattern]"), the values an enum allows, or the pattern a map's keys must match. Rules are the
     * schema's, never the input's values, so nothing the scrubbing removed comes back.
     */
    private static ValidationException withRules(
            final org.everit.json.schema.ValidationException found, final ValidationException scrubbed) {
        if (found.getViolatedSchema() instanceof CombinedSchema
                && found.getCausingExceptions().size() == 1
                && scrubbed.getCausingExceptions().size() == 1) {
            // everit joins a property's "type" and "enum" into allOf, and a broken enum then reads
            // "only 1 subschema matches out of 2" above the line that says what is wrong: say only that
            return withRules(
                    found.getCausingExceptions().get(0),
                    scrubbed.getCausingExceptions().get(0));
        }
        final List<ValidationException> causes = new ArrayList<>();
        for (int i = 0; i < scrubbed.getCausingExceptions().size(); i++) {
            causes.add(withRules(
                    found.getCausingExceptions().get(i),
                    scrubbed.getCausingExceptions().get(i)));
        }
        return new ValidationException(
                scrubbed.getMessage() + rule(found), causes, scrubbed.getKeyword(), scrubbed.getSchemaPointer());
    }

    @SuppressWarnings("deprecation") // its replacement, getRegexpPatternProperties, is not public
    private static String rule(final org.everit.json.schema.ValidationException found) {
        final Schema violated = found.getViolatedSchema();
        if ("pattern".equals(found.getKeyword()) && violated instanceof StringSchema string) {
            return ": the value must match " + string.getPattern();
        }
        if ("enum".equals(found.getKeyword()) && violated instanceof EnumSchema allowed) {
            return ": the value must be one of "
                    + allowed.getPossibleValuesAsList().stream()
                            .map(String::valueOf)
                            .collect(Collectors.joining(", "));
        }
        if ("additionalProperties".equals(found.getKeyword())
                && violated instanceof ObjectSchema object
                && !object.getPatternProperties().isEmpty()) {
            return ": every key must match "
                    + object.getPatternProperties().keySet().stream()
                            .map(String::valueOf)
                            .sorted()
                            .collect(Collectors.joining(" or "));
        }
        return "";
    }

    /** Whether the resource properties pass the resource schema; the runtime words the failures. */
    boolean isValid(final JSONObject modelObject) {
        try {
            Compiled.RESOURCE.validate(modelObject);
            return true;
        } catch (final org.everit.json.schema.ValidationException e) {
            return false;
        }
    }

    /** As the runtime's: the list handler's errors come unscrubbed, straight from everit. */
    @Override
    public void validateObjectByListHandlerSchema(final JSONObject modelObject, final JSONObject schemaObject) {
        getListHandlerSchema(schemaObject).validate(modelObject);
    }

    /** The list handler schema, or one that accepts anything when the resource schema declares none. */
    @Override
    public Schema getListHandlerSchema(final JSONObject definitionSchemaObject) {
        final JSONObject list = definitionSchemaObject
                .optJSONObject("handlers", new JSONObject())
                .optJSONObject("list", new JSONObject());
        final JSONObject handlerSchema =
                list.optJSONObject("handlerSchema", new JSONObject().put("additionalProperties", true));
        return loader().registerSchemaByURI(LOCAL_RESOURCE_SCHEMA, definitionSchemaObject)
                .resolutionScope(LOCAL_BASE)
                .schemaJson(handlerSchema)
                .build()
                .load()
                .build();
    }

    static Schema compile(final JSONObject schemaObject) {
        return loader().schemaJson(schemaObject).build().load().build();
    }

    /**
     * Patterns run on RE2J, whose {@code $} (without the multi-line flag) matches only at the very end,
     * as ECMA-262's, the dialect of JSON Schema: with java.util.regex, everit's default, {@code $} also
     * matches before a final line terminator, so {@code "/2\\d\\d/\n"} passed {@code ^(...)$} here and
     * reached the service. The schema's patterns write any character as {@code [\s\S]}, never
     * {@code .}, and classes explicitly, so they mean the same in ECMA-262, RE2J and Java.
     */
    private static SchemaLoader.SchemaLoaderBuilder loader() {
        return SchemaLoader.builder()
                .draftV7Support()
                .schemaClient(NO_DOWNLOADS)
                .regexpFactory(new RE2JRegexpFactory());
    }

    /** Compiled on first use, by the class loader's lock: once per JVM, whatever the threads. */
    private static final class Compiled {
        static final Schema RESOURCE = compile(Configuration.resourceSchema());
    }
}
