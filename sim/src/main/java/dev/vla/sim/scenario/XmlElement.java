package dev.vla.sim.scenario;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * One element of a parsed XML file, with the line its start tag begins on (the DOM keeps no line
 * numbers, so the loader builds this small tree from SAX events). Read with {@link #parse}, which refuses
 * DOCTYPE declarations, so no entity can be expanded and no external file or URL is ever read.
 */
final class XmlElement {
  private final String namespace;
  private final String localName;
  private final String qualifiedName;
  private final int line;
  private final Map<String, String> attributes;
  private final List<XmlElement> children = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();

  private XmlElement(String namespace, String localName, String qualifiedName, int line,
      Map<String, String> attributes) {
    this.namespace = namespace;
    this.localName = localName;
    this.qualifiedName = qualifiedName;
    this.line = line;
    this.attributes = attributes;
  }

  /** The namespace URI, empty for elements without one (all plain SDF elements). */
  String namespace() {
    return namespace;
  }

  String localName() {
    return localName;
  }

  /** The name as written in the file, prefix included, e.g. {@code vla:task}. */
  String qualifiedName() {
    return qualifiedName;
  }

  /** The prefix as written in the file, empty when there is none. */
  String prefix() {
    int colon = qualifiedName.indexOf(':');
    return colon < 0 ? "" : qualifiedName.substring(0, colon);
  }

  /** {@code name} with this element's prefix, e.g. {@code vla:say} for a sibling of {@code <vla:task>}. */
  String prefixedName(String name) {
    return prefix().isEmpty() ? name : prefix() + ":" + name;
  }

  int line() {
    return line;
  }

  /**
   * Attributes in document order. Attributes without a namespace are keyed by their name; those with one
   * by the name as written (e.g. {@code vla:size}). Namespace declarations are not attributes here.
   */
  Map<String, String> attributes() {
    return Collections.unmodifiableMap(attributes);
  }

  String attribute(String name) {
    return attributes.get(name);
  }

  List<XmlElement> children() {
    return Collections.unmodifiableList(children);
  }

  /** The character data directly inside this element, untrimmed. */
  String text() {
    return text.toString();
  }

  boolean is(String namespaceUri, String name) {
    return namespace.equals(namespaceUri) && localName.equals(name);
  }

  /**
   * Parses {@code content}, the bytes of {@code file}, into a tree. Malformed XML and DOCTYPE declarations
   * become a {@link ScenarioException} at the line where the parser stopped.
   */
  static XmlElement parse(Path file, byte[] content) throws ScenarioException {
    SAXParser parser;
    try {
      parser = secureParserFactory().newSAXParser();
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("the JDK's XML parser lacks a required security feature", e);
    }
    TreeBuilder builder = new TreeBuilder(new String(content, StandardCharsets.UTF_8));
    InputSource source = new InputSource(new ByteArrayInputStream(content));
    source.setSystemId(file.toUri().toString());
    try {
      parser.parse(source, builder);
    } catch (SAXParseException e) {
      throw new ScenarioException(file, Math.max(e.getLineNumber(), 0), describe(e));
    } catch (SAXException e) {
      throw new ScenarioException(file, 0, "not well-formed XML: " + e.getMessage());
    } catch (IOException e) {
      throw new ScenarioException(file, 0, "cannot read scenario file: " + e);
    }
    return builder.root;
  }

  private static SAXParserFactory secureParserFactory() throws ParserConfigurationException, SAXException {
    SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
    factory.setNamespaceAware(true);
    factory.setValidating(false);
    factory.setXIncludeAware(false);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return factory;
  }

  private static String describe(SAXParseException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("DOCTYPE")) {
      return "DOCTYPE declarations are not allowed in scenario files (they can define entities and pull in "
          + "external files); remove the <!DOCTYPE ...> and write the content out";
    }
    return "not well-formed XML: " + message;
  }

  /** Builds the tree from SAX events; finds the line each start tag begins on. */
  private static final class TreeBuilder extends DefaultHandler {
    private final String[] sourceLines;
    private final Deque<XmlElement> open = new ArrayDeque<>();
    private Locator locator;
    private XmlElement root;

    TreeBuilder(String source) {
      this.sourceLines = source.split("\r\n|\r|\n", -1);
    }

    @Override
    public void setDocumentLocator(Locator locator) {
      this.locator = locator;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attrs) {
      Map<String, String> attributes = new LinkedHashMap<>();
      for (int i = 0; i < attrs.getLength(); i++) {
        String key = attrs.getURI(i).isEmpty() ? attrs.getLocalName(i) : attrs.getQName(i);
        attributes.put(key, attrs.getValue(i));
      }
      XmlElement element = new XmlElement(uri, localName, qName, startLine(qName), attributes);
      if (open.isEmpty()) {
        root = element;
      } else {
        open.peek().children.add(element);
      }
      open.push(element);
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      open.pop();
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (!open.isEmpty()) {
        open.peek().text.append(ch, start, length);
      }
    }

    /**
     * The locator stands just after the start tag's {@code >}; a start tag may span lines, so walk back
     * to its {@code <} (which cannot occur inside the tag). Falls back to the locator's line if the source
     * text does not match, e.g. in a file that is not UTF-8.
     */
    private int startLine(String qName) {
      int lineIndex = locator.getLineNumber() - 1;
      if (lineIndex < 0 || lineIndex >= sourceLines.length) {
        return Math.max(locator.getLineNumber(), 0);
      }
      int column = Math.min(Math.max(locator.getColumnNumber() - 1, 0), sourceLines[lineIndex].length());
      for (int i = lineIndex; i >= 0; i--) {
        String text = sourceLines[i];
        int from = i == lineIndex ? column - 1 : text.length() - 1;
        int lt = text.lastIndexOf('<', from);
        if (lt >= 0) {
          return text.startsWith("<" + qName, lt) ? i + 1 : locator.getLineNumber();
        }
      }
      return locator.getLineNumber();
    }
  }
}
