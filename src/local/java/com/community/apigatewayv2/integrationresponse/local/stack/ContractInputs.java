package com.community.apigatewayv2.integrationresponse.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code inputs/inputs_N_{create,update,invalid}.json} files {@code cfn test} reads, with their
 * {@code {{Name}}} placeholders filled the way cfn test fills them from CloudFormation exports.
 */
public record ContractInputs(JsonNode create, JsonNode update, JsonNode invalid) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9:-]+)}}");

    public static ContractInputs load(final Path directory, final int number, final Map<String, String> values)
            throws IOException {
        return new ContractInputs(
                read(directory.resolve("inputs_" + number + "_create.json"), values),
                read(directory.resolve("inputs_" + number + "_update.json"), values),
                read(directory.resolve("inputs_" + number + "_invalid.json"), values));
    }

    static JsonNode read(final Path file, final Map<String, String> values) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such input file");
        }
        return JsonFiles.parse(file, fill(Files.readString(file), values, file.toString()));
    }

    /** The text with each {{Name}} placeholder replaced by its value; a name without one is named. */
    public static String fill(final String text, final Map<String, String> values, final String source) {
        final Matcher matcher = PLACEHOLDER.matcher(text);
        final StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            final String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException(source + ": no value for the placeholder {{" + matcher.group(1)
                        + "}}; known: "
                        + (values.isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(values.keySet()))));
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }
}
