package com.community.apigatewayv2.integrationresponse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.tools.ant.BuildEvent;
import org.apache.tools.ant.BuildException;
import org.apache.tools.ant.BuildListener;
import org.apache.tools.ant.Project;
import org.apache.tools.ant.ProjectHelper;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * One of the pom's {@code maven-antrun-plugin} checks, its {@code <target>} taken from {@code pom.xml}
 * as written and run in this JVM by the Ant that plugin uses: a check of a build rule in milliseconds
 * instead of a child Maven's seconds. Maven hands Ant the same properties ({@code ${type.name}} and
 * the like), so the rule is the one {@code mvn validate} applies; one child build per rule (in
 * {@link NamespaceIT}) keeps the wiring honest.
 */
final class PomAntCheck {
    /** What the check said: the failure's message (null when it passed) and each warning it logged. */
    record Outcome(String failure, List<String> warnings) {}

    private final String executionId;

    PomAntCheck(final String executionId) {
        this.executionId = executionId;
    }

    /** Runs the check with these properties, writing the build file it makes under {@code work}. */
    Outcome run(final Map<String, String> properties, final Path work) throws Exception {
        final Path buildFile = Files.createDirectories(work).resolve(executionId + ".xml");
        Files.writeString(buildFile, buildFile());
        final Project project = new Project();
        final List<String> warnings = new ArrayList<>();
        project.addBuildListener(new Warnings(warnings));
        project.init();
        properties.forEach(project::setUserProperty);
        ProjectHelper.configureProject(project, buildFile.toFile());
        try {
            project.executeTarget("check");
            return new Outcome(null, warnings);
        } catch (final BuildException e) {
            return new Outcome(e.getMessage(), warnings);
        }
    }

    /**
     * The execution's target as an Ant build file of its own, its one target named "check". The
     * elements lose the POM's namespace, as the plugin's own copy of the target does, or Ant would
     * look for its tasks in that namespace.
     */
    private String buildFile() throws Exception {
        final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        final Document pom =
                factory.newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        final NodeList executions = pom.getElementsByTagNameNS("*", "execution");
        for (int i = 0; i < executions.getLength(); i++) {
            final Element execution = (Element) executions.item(i);
            if (executionId.equals(text(execution, "id"))) {
                final Element target = (Element)
                        execution.getElementsByTagNameNS("*", "target").item(0);
                final StringBuilder out =
                        new StringBuilder("<project name=\"" + executionId + "\" xmlns:if=\"ant:if\">");
                out.append("<target name=\"check\">");
                for (Node child = target.getFirstChild(); child != null; child = child.getNextSibling()) {
                    write(child, out);
                }
                return out.append("</target></project>").toString();
            }
        }
        throw new IOException("pom.xml has no execution with the id " + executionId);
    }

    private static void write(final Node node, final StringBuilder out) {
        if (node instanceof Element element) {
            out.append('<').append(element.getLocalName());
            final NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                final Node attribute = attributes.item(i);
                if (!attribute.getNodeName().startsWith("xmlns")) {
                    out.append(' ')
                            .append(attribute.getNodeName())
                            .append("=\"")
                            .append(escaped(attribute.getNodeValue()).replace("\"", "&quot;"))
                            .append('"');
                }
            }
            out.append('>');
            for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                write(child, out);
            }
            out.append("</").append(element.getLocalName()).append('>');
        } else if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
            out.append(escaped(node.getNodeValue()));
        }
    }

    private static String escaped(final String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String text(final Element parent, final String child) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && child.equals(element.getLocalName())) {
                return element.getTextContent().trim();
            }
        }
        return null;
    }

    /** Collects the messages Ant logs at warning level ({@code <echo level="warning">}). */
    private record Warnings(List<String> into) implements BuildListener {
        @Override
        public void messageLogged(final BuildEvent event) {
            if (event.getPriority() == Project.MSG_WARN) {
                into.add(event.getMessage());
            }
        }

        @Override
        public void buildStarted(final BuildEvent event) {}

        @Override
        public void buildFinished(final BuildEvent event) {}

        @Override
        public void targetStarted(final BuildEvent event) {}

        @Override
        public void targetFinished(final BuildEvent event) {}

        @Override
        public void taskStarted(final BuildEvent event) {}

        @Override
        public void taskFinished(final BuildEvent event) {}
    }
}
