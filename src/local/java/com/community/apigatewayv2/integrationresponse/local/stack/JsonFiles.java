package com.community.apigatewayv2.integrationresponse.local.stack;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The JSON files a person hands the tools (inputs, templates, requests), read so that a mistake is
 * reported as the file, the line and column, and the problem, as an IllegalArgumentException (a
 * usage error), never as a parser's stack trace.
 */
public final class JsonFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonFiles() {}

    /** The file's JSON; NoSuchFileException when it is not a regular file (a directory included). */
    public static JsonNode read(final Path file) throws IOException {
        return parse(file, text(file));
    }

    /** The file's text; NoSuchFileException, naming it, when it is not a regular file. */
    public static String text(final Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + " is a directory, not a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        return Files.readString(file);
    }

    /** {@code text}, the content of {@code file}, as JSON. */
    public static JsonNode parse(final Path file, final String text) {
        try {
            final JsonNode parsed = JSON.readTree(text);
            if (parsed == null || parsed.isMissingNode()) {
                throw new IllegalArgumentException(file + ": it is empty");
            }
            return parsed;
        } catch (JsonProcessingException e) {
            final JsonLocation at = e.getLocation();
            throw new IllegalArgumentException(file + ": not JSON: "
                    + e.getOriginalMessage()
                            .lines()
                            .findFirst()
                            .orElse("")
                            // where the unclosed array or object began: Jackson's own notation
                            .replaceFirst(" \\(for .*$", "")
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
    }
}
