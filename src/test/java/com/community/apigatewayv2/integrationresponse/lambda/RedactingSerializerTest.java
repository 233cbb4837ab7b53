package com.community.apigatewayv2.integrationresponse.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.community.apigatewayv2.integrationresponse.model.CallbackContext;
import com.community.apigatewayv2.integrationresponse.model.ResourceModel;
import com.community.apigatewayv2.integrationresponse.model.TypeConfigurationModel;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.Test;
import software.amazon.cloudformation.proxy.HandlerRequest;
import software.amazon.cloudformation.resource.Serializer;

class RedactingSerializerTest {
    private static final TypeReference<HandlerRequest<ResourceModel, CallbackContext, TypeConfigurationModel>> REQUEST =
            new TypeReference<>() {};
    private static final String SECRET = "CANARYSECRET";

    @Test
    void eachKindOfErrorIsNamedWithItsPathAndNoText() {
        final MismatchedInputException wrongType = MismatchedInputException.from(null, String.class, SECRET);
        wrongType.prependPath(new Object(), "accessKeyId");
        wrongType.prependPath(new Object(), "callerCredentials");
        assertEquals(
                "The request could not be read at callerCredentials.accessKeyId: a value of the wrong type",
                RedactingSerializer.describe(wrongType));
        final JsonMappingException mapping = new JsonMappingException(null, SECRET);
        mapping.prependPath(new Object(), 3);
        mapping.prependPath(new Object(), "n".repeat(41));
        assertEquals(
                "The request could not be read at " + "n".repeat(40) + "....[3]: a value that cannot be read",
                RedactingSerializer.describe(mapping));
        assertEquals(
                "The request could not be read: a number out of range",
                RedactingSerializer.describe(
                        new InputCoercionException(null, SECRET, JsonToken.VALUE_NUMBER_INT, int.class)));
        assertEquals(
                "The request could not be read: more than the parser's limits allow (nesting, length or size)",
                RedactingSerializer.describe(new StreamConstraintsException(SECRET)));
        assertEquals(
                "The request could not be read: malformed JSON",
                RedactingSerializer.describe(new JsonParseException(null, SECRET)));
        final JsonMappingException fortyExactly = new JsonMappingException(null, SECRET);
        fortyExactly.prependPath(new Object(), "m".repeat(40));
        assertEquals(
                "The request could not be read at " + "m".repeat(40) + ": a value that cannot be read",
                RedactingSerializer.describe(fortyExactly));
    }

    /** What the runtime's own Serializer says, with the credentials, and what this one says instead. */
    @Test
    void aNumberOutOfRangeIsRethrownOfTheSameKindWithoutThePayload() throws Exception {
        final String payload = "{\"requestData\": {\"callerCredentials\": {\"secretAccessKey\": \"" + SECRET
                + "\"}}, \"maxResults\": 3000000000}";
        assertThatThrownBy(() -> new Serializer().deserialize(payload, REQUEST)).hasMessageContaining(SECRET);

        assertThatThrownBy(() -> new RedactingSerializer().deserialize(payload, REQUEST))
                .isInstanceOf(JsonMappingException.class)
                .hasMessage("The request could not be read at maxResults: a number out of range")
                .hasNoCause();
        assertThatThrownBy(() -> new RedactingSerializer().deserialize("{\"action\": \"create\"}", REQUEST))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageStartingWith("The request could not be read at action: a value of the wrong type")
                .hasNoCause();
        assertEquals(
                "CREATE",
                new RedactingSerializer()
                        .deserialize("{\"action\": \"CREATE\"}", REQUEST)
                        .getAction()
                        .name());
    }

    @Test
    void decompressionIsBoundedAndNamesWhatIsWrong() throws Exception {
        final String plain = "{\"action\": \"READ\"}";
        assertEquals(plain, new RedactingSerializer().decompress(plain));
        assertEquals(plain, new RedactingSerializer().decompress(new Serializer().compress(plain)));
        assertThatThrownBy(() -> new RedactingSerializer().decompress("{\"__COMPRESSED__\": 5}"))
                .isInstanceOf(JsonMappingException.class)
                .hasMessage("__COMPRESSED__ is not a string");
        assertThatThrownBy(() -> new RedactingSerializer().decompress("{nope"))
                .hasMessage("The request is not valid JSON");
        assertThat(new RedactingSerializer().decompress("[1]")).isEqualTo("[1]");
    }
}
