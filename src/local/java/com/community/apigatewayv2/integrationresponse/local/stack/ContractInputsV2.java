package com.community.apigatewayv2.integrationresponse.local.stack;

import com.community.apigatewayv2.integrationresponse.local.cloudcontrol.PatchDocuments;
import com.community.apigatewayv2.integrationresponse.local.cloudcontrol.TypeSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.InvalidJsonPatchException;
import com.flipkart.zjsonpatch.JsonPatchApplicationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One input set of the contract tests v2 ({@code cfn test --v2}), {@code contract-tests-artifacts/inputs_N.json}:
 * {@code {"CreateInputs": {properties}, "PatchInputs": [RFC 6902 operations]}}, its {@code {{ExportName}}}
 * placeholders filled as {@link ContractInputs} fills them.
 *
 * @param name the file's name without {@code .json}, e.g. {@code inputs_1}
 * @param create the properties CreateResource is given
 * @param patch the operations UpdateResource is given
 */
public record ContractInputsV2(String name, ObjectNode create, ArrayNode patch) {
    /** Where the cfn CLI, and the registration package, keep the sets. */
    public static final String DIRECTORY = "contract-tests-artifacts";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FILE = Pattern.compile("inputs_([1-9][0-9]*)\\.json");
    private static final Set<String> MEMBERS = Set.of("CreateInputs", "PatchInputs");

    /** CreateInputs with PatchInputs applied: what the resource holds once updated. */
    public ObjectNode patched() {
        return (ObjectNode) PatchDocuments.applyAsWritten(patch, create);
    }

    /**
     * Every set in {@code directory}, in the order of N. A file that is not a set, or whose patch
     * touches a create-only or read-only property (Cloud Control refuses those) or does not apply to
     * its CreateInputs, is an IllegalArgumentException naming the file and what is wrong.
     */
    public static List<ContractInputsV2> load(final Path directory, final Map<String, String> values)
            throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("no such directory: " + directory);
        }
        final List<Path> files;
        try (Stream<Path> listed = Files.list(directory)) {
            files = listed.filter(
                            file -> FILE.matcher(file.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(ContractInputsV2::number))
                    .toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(directory + " holds no inputs_N.json");
        }
        final TypeSchema schema = TypeSchema.load();
        final List<ContractInputsV2> sets = new ArrayList<>();
        for (final Path file : files) {
            sets.add(read(file, values, schema));
        }
        return sets;
    }

    private static int number(final Path file) {
        final Matcher matcher = FILE.matcher(file.getFileName().toString());
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    private static ContractInputsV2 read(final Path file, final Map<String, String> values, final TypeSchema schema)
            throws IOException {
        final JsonNode set = parse(file, ContractInputs.fill(Files.readString(file), values, file.toString()));
        if (!set.isObject()) {
            throw problem(file, "it must be a JSON object with CreateInputs and PatchInputs");
        }
        for (final String member : MEMBERS) {
            if (!set.has(member)) {
                throw problem(file, "there is no " + member);
            }
        }
        set.fieldNames().forEachRemaining(member -> {
            if (!MEMBERS.contains(member)) {
                throw problem(file, "unknown member " + member + "; a set has CreateInputs and PatchInputs");
            }
        });
        if (!set.get("CreateInputs").isObject()) {
            throw problem(file, "CreateInputs must be a JSON object of the type's properties");
        }
        if (!set.get("PatchInputs").isArray()) {
            throw problem(file, "PatchInputs must be a JSON array of RFC 6902 operations");
        }
        final String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        final ContractInputsV2 inputs =
                new ContractInputsV2(name, (ObjectNode) set.get("CreateInputs"), (ArrayNode) set.get("PatchInputs"));
        inputs.check(file, schema);
        return inputs;
    }

    private void check(final Path file, final TypeSchema schema) {
        try {
            PatchDocuments.validateAsWritten(patch);
        } catch (InvalidJsonPatchException e) {
            throw problem(file, "PatchInputs is not RFC 6902: " + e.getMessage());
        }
        refuse(file, PatchDocuments.changed(patch, schema.createOnlyProperties()), "create-only");
        refuse(file, PatchDocuments.changed(patch, schema.readOnlyProperties()), "read-only");
        final JsonNode patched;
        try {
            patched = PatchDocuments.applyAsWritten(patch, create);
        } catch (JsonPatchApplicationException e) {
            throw problem(file, "PatchInputs does not apply to CreateInputs: " + e.getMessage());
        }
        if (!patched.isObject()) {
            throw problem(file, "PatchInputs turns CreateInputs into something other than a JSON object");
        }
    }

    private static void refuse(final Path file, final Set<String> changed, final String kind) {
        if (!changed.isEmpty()) {
            throw problem(
                    file,
                    "PatchInputs changes the " + kind + " " + String.join(", ", changed)
                            + ", which Cloud Control refuses to update");
        }
    }

    private static JsonNode parse(final Path file, final String text) {
        return JsonFiles.parse(file, text);
    }

    private static IllegalArgumentException problem(final Path file, final String what) {
        return new IllegalArgumentException(file + ": " + what);
    }
}
