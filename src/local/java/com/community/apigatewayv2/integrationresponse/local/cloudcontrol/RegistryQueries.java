package com.community.apigatewayv2.integrationresponse.local.cloudcontrol;

import com.community.apigatewayv2.integrationresponse.local.net.HttpExchanges;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The two CloudFormation registry calls clients make before they use a private type through Cloud
 * Control, in CloudFormation's query protocol (form-encoded {@code Action=...}, XML answers):
 * {@code DescribeType}, whose {@code Schema} Terraform's {@code aws_cloudcontrolapi_resource} reads to
 * validate {@code desired_state} and plan replacements, and {@code ListTypes}. Only this type is known.
 * Also {@code ListExports}, from which {@code cfn test --cloudformation-endpoint-url} fills its inputs'
 * {@code {{Name}}} placeholders: the ids of the parents {@code serve} created.
 */
final class RegistryQueries {
    private static final String NAMESPACE = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
    private static final String VERSION_ID = "00000001";

    /** An answer in the query protocol: HTTP status and XML body. */
    record Answer(int status, String xml) {}

    private final TypeSchema schema;
    private final String account;
    private final String region;
    private final Instant registered = Instant.now();
    /** What ListExports answers: the ids a deployment's inputs name, by export name. */
    private volatile Map<String, String> exports = Map.of();

    RegistryQueries(final TypeSchema schema, final String account, final String region) {
        this.schema = schema;
        this.account = account;
        this.region = region;
    }

    /** {@code arn:aws:cloudformation:<region>:<account>:type/resource/Community-ApiGatewayV2-IntegrationResponse} */
    String typeArn() {
        return "arn:aws:cloudformation:" + region + ":" + account + ":type/resource/"
                + schema.typeName().replace("::", "-");
    }

    /** The exports ListExports answers from now on, in the order given. */
    void setExports(final Map<String, String> exports) {
        this.exports = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(exports));
    }

    Answer handle(final String formBody) {
        final Map<String, String> form = HttpExchanges.formParameters(formBody);
        final String action = form.getOrDefault("Action", "");
        try {
            return switch (action) {
                case "DescribeType" -> new Answer(200, describeType(form));
                case "ListTypes" -> new Answer(200, listTypes(form));
                case "ListExports" -> new Answer(200, listExports());
                default ->
                    error(
                            400,
                            "InvalidAction",
                            action.isEmpty()
                                    ? "The request names no Action"
                                    : "The local CloudFormation endpoint serves DescribeType, ListTypes and ListExports only, not "
                                            + action);
            };
        } catch (TypeNotFound e) {
            return error(404, "TypeNotFoundException", e.getMessage());
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private String describeType(final Map<String, String> form) throws XMLStreamException, TypeNotFound {
        final String arn = form.get("Arn");
        final String typeName = form.get("TypeName");
        final String type = form.getOrDefault("Type", arn == null ? null : "RESOURCE");
        if (arn != null ? !typeArn().equals(arn) : !schema.typeName().equals(typeName) || !"RESOURCE".equals(type)) {
            throw new TypeNotFound("The type '" + (arn != null ? arn : typeName) + "' cannot be found.");
        }
        final Xml xml = new Xml("DescribeType");
        xml.element("Arn", typeArn());
        xml.element("Type", "RESOURCE");
        xml.element("TypeName", schema.typeName());
        xml.element("DefaultVersionId", VERSION_ID);
        xml.element("IsDefaultVersion", "true");
        xml.element("TypeTestsStatus", "NOT_TESTED");
        xml.element("Description", schema.description());
        xml.element("Schema", schema.document());
        xml.element("ProvisioningType", "FULLY_MUTABLE");
        xml.element("DeprecatedStatus", "LIVE");
        xml.element("Visibility", "PRIVATE");
        xml.element("LastUpdated", registered.toString());
        xml.element("TimeCreated", registered.toString());
        return xml.finish();
    }

    private String listTypes(final Map<String, String> form) throws XMLStreamException {
        final boolean listed = "PRIVATE".equals(form.getOrDefault("Visibility", "PRIVATE"))
                && "RESOURCE".equals(form.getOrDefault("Type", "RESOURCE"))
                && schema.typeName().startsWith(form.getOrDefault("Filters.TypeNamePrefix", ""))
                && "FULLY_MUTABLE".equals(form.getOrDefault("ProvisioningType", "FULLY_MUTABLE"))
                && "LIVE".equals(form.getOrDefault("DeprecatedStatus", "LIVE"));
        final Xml xml = new Xml("ListTypes");
        xml.start("TypeSummaries");
        if (listed) {
            xml.start("member");
            xml.element("Type", "RESOURCE");
            xml.element("TypeName", schema.typeName());
            xml.element("DefaultVersionId", VERSION_ID);
            xml.element("TypeArn", typeArn());
            xml.element("LastUpdated", registered.toString());
            xml.element("Description", schema.description());
            xml.end();
        }
        xml.end();
        return xml.finish();
    }

    /** The exports, all on one page, as if one stack ({@code cfn-local-serve}) exported them. */
    private String listExports() throws XMLStreamException {
        final Xml xml = new Xml("ListExports");
        xml.start("Exports");
        for (Map.Entry<String, String> export : exports.entrySet()) {
            xml.start("member");
            xml.element(
                    "ExportingStackId",
                    "arn:aws:cloudformation:" + region + ":" + account + ":stack/cfn-local-serve/"
                            + UUID.nameUUIDFromBytes(account.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            xml.element("Name", export.getKey());
            xml.element("Value", export.getValue());
            xml.end();
        }
        xml.end();
        return xml.finish();
    }

    private static Answer error(final int status, final String code, final String message) {
        try {
            final StringWriter text = new StringWriter();
            final XMLStreamWriter out = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            out.writeStartElement("ErrorResponse");
            out.writeDefaultNamespace(NAMESPACE);
            out.writeStartElement("Error");
            simple(out, "Type", "Sender");
            simple(out, "Code", code);
            simple(out, "Message", message);
            out.writeEndElement();
            simple(out, "RequestId", UUID.randomUUID().toString());
            out.writeEndElement();
            out.close();
            return new Answer(status, text.toString());
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void simple(final XMLStreamWriter out, final String name, final String value)
            throws XMLStreamException {
        out.writeStartElement(name);
        out.writeCharacters(value);
        out.writeEndElement();
    }

    private static final class TypeNotFound extends Exception {
        private static final long serialVersionUID = 1L;

        TypeNotFound(final String message) {
            super(message, null, false, false);
        }
    }

    /** {@code <ActionResponse><ActionResult>...</ActionResult><ResponseMetadata>...} as the query protocol nests it. */
    private static final class Xml {
        private final StringWriter text = new StringWriter();
        private final XMLStreamWriter out;

        Xml(final String action) throws XMLStreamException {
            out = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            out.writeStartElement(action + "Response");
            out.writeDefaultNamespace(NAMESPACE);
            out.writeStartElement(action + "Result");
        }

        void start(final String name) throws XMLStreamException {
            out.writeStartElement(name);
        }

        void end() throws XMLStreamException {
            out.writeEndElement();
        }

        void element(final String name, final String value) throws XMLStreamException {
            simple(out, name, value);
        }

        String finish() throws XMLStreamException {
            out.writeEndElement();
            out.writeStartElement("ResponseMetadata");
            simple(out, "RequestId", UUID.randomUUID().toString());
            out.writeEndElement();
            out.writeEndElement();
            out.close();
            return text.toString();
        }
    }
}
