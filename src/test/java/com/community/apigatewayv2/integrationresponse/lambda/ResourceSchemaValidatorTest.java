package com.community.apigatewayv2.integrationresponse.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.community.apigatewayv2.integrationresponse.model.Configuration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.everit.json.schema.ObjectSchema;
import org.everit.json.schema.Schema;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.cloudformation.resource.Validator;
import software.amazon.cloudformation.resource.exceptions.ValidationException;

/** Our validator must answer exactly as the runtime's {@link Validator}, which compiles the schema on every call. */
class ResourceSchemaValidatorTest {
    private static final JSONObject SCHEMA = Configuration.resourceSchema();

    private final ResourceSchemaValidator validator = new ResourceSchemaValidator();
    private final Validator runtime = new Validator();

    private static JSONObject valid() {
        return new JSONObject()
                .put("ApiId", "a1b2c3d4e5")
                .put("IntegrationId", "int1234")
                .put("IntegrationResponseKey", "/200/")
                .put("ContentHandlingStrategy", "CONVERT_TO_TEXT")
                .put("ResponseTemplates", new JSONObject().put("application/json", "{}"));
    }

    static Stream<JSONObject> invalidModels() {
        final JSONObject missingKey = valid();
        missingKey.remove("IntegrationResponseKey");
        final JSONObject missingEverything = new JSONObject().put("ContentHandlingStrategy", "CONVERT_TO_HEX");
        return Stream.of(
                valid().put("ContentHandlingStrategy", "CONVERT_TO_HEX"),
                valid().put("RouteId", "abc"),
                valid().put(
                                "ResponseTemplates",
                                new JSONObject().put("application/json", new JSONObject().put("a", 1))),
                valid().put("ResponseParameters", new JSONObject().put("", "x")),
                valid().put("ApiId", new JSONArray().put("a")),
                valid().put("IntegrationResponseKey", JSONObject.NULL),
                missingKey,
                missingEverything);
    }

    @ParameterizedTest
    @MethodSource("invalidModels")
    void badModelsFailWithTheRuntimesExceptions(final JSONObject model) {
        final ValidationException expected =
                catchThrowableOfType(() -> runtime.validateObject(model, SCHEMA), ValidationException.class);
        final ValidationException actual =
                catchThrowableOfType(() -> validator.validateObject(model, SCHEMA), ValidationException.class);

        assertThat(expected).as("the runtime rejects %s", model).isNotNull();
        assertThat(actual).as("we reject %s", model).isNotNull();
        assertEquals(withoutTypeAndEnumJoin(describe(expected)), withoutRules(describe(actual)));
        if (describe(expected).stream().noneMatch(line -> line.contains(JOIN))) {
            assertEquals(
                    ValidationException.buildFullExceptionMessage(expected),
                    ValidationException.buildFullExceptionMessage(actual).replaceAll("(?m)" + RULE + "$", ""));
        }
    }

    /** What we add to the runtime's words: the rule a scrubbed message names only by its keyword. */
    private static final String RULE = ": (the value must match|the value must be one of|every key must match) .*";

    /** The line everit adds above a broken enum, for the allOf it makes of a property's type and enum; we leave it out. */
    private static final String JOIN = ": #: only 1 subschema matches out of 2 | allOf | ";

    private static List<String> withoutTypeAndEnumJoin(final List<String> lines) {
        return lines.stream().filter(line -> !line.contains(JOIN)).toList();
    }

    @Test
    void aBrokenEnumIsOneLineNamingTheValuesAllowed() {
        final JSONObject model = valid().put("ContentHandlingStrategy", "CONVERT_TO_HEX");
        assertEquals(
                "#/ContentHandlingStrategy: failed validation constraint for keyword [enum]:"
                        + " the value must be one of CONVERT_TO_BINARY, CONVERT_TO_TEXT",
                ValidationException.buildFullExceptionMessage(catchThrowableOfType(
                        () -> validator.validateObject(model, SCHEMA), ValidationException.class)));
    }

    private static List<String> withoutRules(final List<String> lines) {
        return lines.stream()
                .map(line -> line.replaceAll(RULE + "(?= \\| \\w+ \\| #)", ""))
                .toList();
    }

    @Test
    void aBrokenRuleIsNamedWithoutTheValue() {
        final JSONObject badKey = valid().put("IntegrationResponseKey", "200-secret");
        final JSONObject badParameter = valid().put(
                        "ResponseParameters",
                        new JSONObject()
                                .put("method.response.header.X-Trace", "secret-static-value")
                                .put("method.request.header.X-Secret", "integration.response.header.X"));

        assertEquals(
                "#/IntegrationResponseKey: failed validation constraint for keyword [pattern]:"
                        + " the value must match ^(\\$default|/[\\s\\S]+/)$",
                catchThrowableOfType(() -> validator.validateObject(badKey, SCHEMA), ValidationException.class)
                        .getMessage());
        final String message = ValidationException.buildFullExceptionMessage(
                catchThrowableOfType(() -> validator.validateObject(badParameter, SCHEMA), ValidationException.class));
        assertThat(message)
                .contains(
                        "#/ResponseParameters: extraneous key [method.request.header.X-Secret] is not permitted: every key must match"
                                + " ^method\\.response\\.header\\.[!#$%&'*+.^_`|~0-9A-Za-z-]+$",
                        "#/ResponseParameters/method.response.header.X-Trace: failed validation constraint for keyword [pattern]:"
                                + " the value must match ^(integration\\.response\\.header\\.[!#$%&'*+.^_`|~0-9A-Za-z-]+"
                                + "|integration\\.response\\.body\\.[^\\t\\n\\x0B\\f\\r ]+|'[^']*')$");
        assertThat(message).doesNotContain("secret-static-value", "200-secret");
    }

    /** Message, keyword and pointer of the exception and of every cause, as the wrapper reads them. */
    private static List<String> describe(final ValidationException e) {
        final List<String> lines = new ArrayList<>();
        lines.add(e.getMessage() + " | " + e.getKeyword() + " | " + e.getSchemaPointer());
        for (final ValidationException cause : e.getCausingExceptions()) {
            lines.addAll(describe(cause));
        }
        return lines;
    }

    @Test
    void aValidModelPassesRepeatedly() {
        for (int call = 0; call < 3; call++) {
            assertThatCode(() -> validator.validateObject(valid(), SCHEMA)).doesNotThrowAnyException();
        }
        assertThatCode(() -> runtime.validateObject(valid(), SCHEMA)).doesNotThrowAnyException();
    }

    @Test
    void anotherSchemaIsCompiledForTheCall() {
        final JSONObject stricter = new JSONObject(SCHEMA.toString());
        stricter.getJSONArray("required").put("TemplateSelectionExpression");

        assertThatThrownBy(() -> validator.validateObject(valid(), stricter))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("TemplateSelectionExpression");
        assertThatCode(() -> validator.validateObject(valid(), SCHEMA)).doesNotThrowAnyException();
    }

    @Test
    void theListHandlerSchemaResolvesItsReferencesToTheResourceSchemaLocally() {
        final Schema list = validator.getListHandlerSchema(SCHEMA);

        assertThatCode(() -> list.validate(new JSONObject().put("ApiId", "a").put("IntegrationId", "b")))
                .doesNotThrowAnyException();
        assertThatThrownBy(
                        () -> validator.validateObjectByListHandlerSchema(new JSONObject().put("ApiId", "a"), SCHEMA))
                .isInstanceOf(org.everit.json.schema.ValidationException.class)
                .hasMessageContaining("IntegrationId");
        // the type comes from the referenced resource schema property
        assertThatThrownBy(() -> list.validate(new JSONObject().put("ApiId", 1).put("IntegrationId", "b")))
                .isInstanceOf(org.everit.json.schema.ValidationException.class)
                .hasMessageContaining("ApiId");
    }

    @Test
    void withoutAListHandlerSchemaAnyListModelPasses() {
        final JSONObject noHandlers = new JSONObject(SCHEMA.toString());
        noHandlers.remove("handlers");

        final Schema list = validator.getListHandlerSchema(noHandlers);

        assertThat(list).isInstanceOf(ObjectSchema.class);
        assertThatCode(() -> list.validate(new JSONObject().put("Anything", 1))).doesNotThrowAnyException();
    }

    @Test
    void aRemoteReferenceIsNeverFetched() {
        final JSONObject remote = new JSONObject()
                .put(
                        "properties",
                        new JSONObject()
                                .put(
                                        "ApiId",
                                        new JSONObject()
                                                .put("$ref", "https://example.com/other.json#/definitions/Id")));

        assertThatThrownBy(() -> ResourceSchemaValidator.compile(remote))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("never from https://example.com/other.json");
    }
}
