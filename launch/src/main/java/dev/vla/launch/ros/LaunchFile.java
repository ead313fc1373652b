package dev.vla.launch.ros;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads ROS 2 launch XML (the subset in {@code launch.xsd}: launch, arg, let, node, executable, param,
 * remap, group, include, with {@code if}/{@code unless}) into the list of things to start, with
 * substitutions resolved: {@code $(var NAME)}, {@code $(env NAME [DEFAULT])},
 * {@code $(find-pkg-share PKG)}, {@code $(dirname)}. Every file is validated against the schema first,
 * and errors name the file and line.
 */
public final class LaunchFile {
  /** Something a launch file starts. */
  public sealed interface Action permits NodeAction, ExecAction {}

  /** A {@code <node>}: package, executable, ROS name, arguments, parameter sources and remappings. */
  public record NodeAction(String pkg, String exec, String name, List<String> args, List<Param> params,
      Map<String, String> remaps) implements Action {}

  /** {@code <param from="FILE"/>} or {@code <param name="N" value="V"/>}. */
  public record Param(Path from, String name, String value) {}

  /** An {@code <executable>}: a command line. */
  public record ExecAction(String cmd, String name) implements Action {}

  private static final Pattern SUBST = Pattern.compile("\\$\\(([a-z-]+)((?:\\s+[^()\\s]+)*)\\s*\\)");
  private static final int MAX_INCLUDE_DEPTH = 16;
  /** Longest value substitutions may produce: lets that double a value forty times are refused, not built. */
  static final int MAX_VALUE_CHARS = 64 * 1024;
  private static final Schema SCHEMA = schema();

  private final Function<String, Path> packageShare;
  private final Map<String, String> environment;
  private final List<Action> actions = new ArrayList<>();

  /**
   * @param packageShare the share folder of a ROS package, or null when it is not known here
   * @param environment for {@code $(env ...)}
   */
  private LaunchFile(Function<String, Path> packageShare, Map<String, String> environment) {
    this.packageShare = packageShare;
    this.environment = environment;
  }

  /**
   * Reads {@code file} with the given launch arguments ({@code name -> value}).
   *
   * @throws LaunchException what is wrong, with file and line where there is one
   */
  public static List<Action> load(Path file, Map<String, String> args, Function<String, Path> packageShare,
      Map<String, String> environment) {
    LaunchFile lf = new LaunchFile(packageShare, environment);
    lf.include(file.toAbsolutePath().normalize(), new HashMap<>(args), 0);
    return List.copyOf(lf.actions);
  }

  /** Parses and validates one file against the schema; for tests and {@code --check}. */
  public static Document validate(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new LaunchException(file + ": no such launch file");
    }
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setSchema(SCHEMA);
      DocumentBuilder b = f.newDocumentBuilder();
      List<String> errors = new ArrayList<>();
      b.setErrorHandler(new org.xml.sax.ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) {
          errors.add(file.getFileName() + ":" + e.getLineNumber() + ": " + e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
          throw e;
        }
      });
      Document doc = b.parse(file.toFile());
      if (!errors.isEmpty()) {
        throw new LaunchException(String.join("\n", errors));
      }
      return doc;
    } catch (SAXParseException e) {
      throw new LaunchException(file.getFileName() + ":" + e.getLineNumber() + ": " + e.getMessage());
    } catch (SAXException | IOException | ParserConfigurationException e) {
      throw new LaunchException(file + ": " + e.getMessage());
    }
  }

  private static Schema schema() {
    try (InputStream in = LaunchFile.class.getResourceAsStream("launch.xsd")) {
      SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      return sf.newSchema(new StreamSource(in));
    } catch (IOException | SAXException e) {
      throw new IllegalStateException("the launch schema in the jar is unreadable", e);
    }
  }

  private void include(Path file, Map<String, String> vars, int depth) {
    if (depth > MAX_INCLUDE_DEPTH) {
      throw new LaunchException(file + ": includes nest deeper than " + MAX_INCLUDE_DEPTH + " (a cycle?)");
    }
    Element root = validate(file).getDocumentElement();
    actions(root, file, vars, depth);
  }

  private void actions(Element parent, Path file, Map<String, String> vars, int depth) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element e)) {
        continue;
      }
      String where = file.getFileName() + ": <" + e.getTagName() + ">";
      if (!condition(e, file, vars)) {
        continue;
      }
      switch (e.getTagName()) {
        case "arg" -> {
          String name = e.getAttribute("name");
          if (!vars.containsKey(name)) {
            if (!e.hasAttribute("default")) {
              throw new LaunchException(file.getFileName() + ": launch argument '" + name + "' is required ("
                  + e.getAttribute("description") + "); give it as " + name + ":=VALUE");
            }
            vars.put(name, subst(e.getAttribute("default"), file, vars));
          }
        }
        case "let" -> vars.put(e.getAttribute("name"), subst(e.getAttribute("value"), file, vars));
        case "group" -> actions(e, file, "false".equals(e.getAttribute("scoped")) ? vars : new HashMap<>(vars), depth);
        case "include" -> {
          Map<String, String> child = new HashMap<>(vars);
          for (Element a : children(e, "arg")) {
            child.put(a.getAttribute("name"), subst(a.getAttribute("value"), file, vars));
          }
          Path target = path(subst(e.getAttribute("file"), file, vars), file, "<include file>");
          if (!target.isAbsolute()) {
            target = file.getParent().resolve(target);
          }
          if (!Files.isRegularFile(target)) {
            // Say which file asks for it: the missing one alone does not tell where to fix it.
            throw new LaunchException(where + ": " + target.normalize() + ": no such launch file");
          }
          include(target.normalize(), child, depth + 1);
        }
        case "executable" -> actions.add(new ExecAction(subst(e.getAttribute("cmd"), file, vars),
            subst(e.getAttribute("name"), file, vars)));
        case "node" -> {
          List<Param> params = new ArrayList<>();
          Map<String, String> remaps = new LinkedHashMap<>();
          for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element ce && ce.getTagName().equals("param")) {
              if (ce.hasAttribute("from")) {
                params.add(new Param(path(subst(ce.getAttribute("from"), file, vars), file, "<param from>"), null, null));
              } else if (ce.hasAttribute("name") && ce.hasAttribute("value")) {
                params.add(new Param(null, ce.getAttribute("name"), subst(ce.getAttribute("value"), file, vars)));
              } else {
                throw new LaunchException(where + " <param> needs from=\"FILE\" or name and value");
              }
            } else if (c instanceof Element ce && ce.getTagName().equals("remap")) {
              remaps.put(subst(ce.getAttribute("from"), file, vars), subst(ce.getAttribute("to"), file, vars));
            }
          }
          String args = subst(e.getAttribute("args"), file, vars).trim();
          actions.add(new NodeAction(subst(e.getAttribute("pkg"), file, vars), subst(e.getAttribute("exec"), file, vars),
              subst(e.getAttribute("name"), file, vars), args.isEmpty() ? List.of() : Arrays.asList(args.split("\\s+")),
              params, remaps));
        }
        default -> throw new LaunchException(where + " is not supported");
      }
    }
  }

  private boolean condition(Element e, Path file, Map<String, String> vars) {
    if (e.hasAttribute("if")) {
      return truth(subst(e.getAttribute("if"), file, vars), file);
    }
    if (e.hasAttribute("unless")) {
      return !truth(subst(e.getAttribute("unless"), file, vars), file);
    }
    return true;
  }

  private static boolean truth(String v, Path file) {
    return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw new LaunchException(file.getFileName() + ": a condition must be true or false, got '" + v + "'");
    };
  }

  private static List<Element> children(Element e, String tag) {
    List<Element> out = new ArrayList<>();
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element ce && ce.getTagName().equals(tag)) {
        out.add(ce);
      }
    }
    return out;
  }

  /** Resolves substitutions, innermost first. */
  String subst(String text, Path file, Map<String, String> vars) {
    String s = text;
    for (int guard = 0; guard < 64; guard++) {
      Matcher m = SUBST.matcher(s);
      if (!m.find()) {
        if (s.contains("$(")) {
          throw new LaunchException(file.getFileName() + ": cannot read the substitution in '" + abbreviate(text) + "'");
        }
        return s;
      }
      String[] a = m.group(2).trim().isEmpty() ? new String[0] : m.group(2).trim().split("\\s+");
      String value = switch (m.group(1)) {
        case "var" -> {
          need(a, 1, "var NAME", file);
          String v = vars.get(a[0]);
          if (v == null) {
            throw new LaunchException(file.getFileName() + ": $(var " + a[0] + ") is not a declared launch argument");
          }
          yield v;
        }
        case "env" -> {
          if (a.length < 1 || a.length > 2) {
            throw new LaunchException(file.getFileName() + ": use $(env NAME) or $(env NAME DEFAULT)");
          }
          String v = environment.get(a[0]);
          if (v == null && a.length == 1) {
            throw new LaunchException(file.getFileName() + ": environment variable " + a[0] + " is not set");
          }
          yield v != null ? v : a[1];
        }
        case "find-pkg-share" -> {
          need(a, 1, "find-pkg-share PKG", file);
          Path share = packageShare.apply(a[0]);
          if (share == null) {
            throw new LaunchException(file.getFileName() + ": package " + a[0]
                + " is not part of vla-controller; this file needs ROS 2 (ros2 launch)");
          }
          yield share.toString();
        }
        case "dirname" -> file.getParent().toString();
        default -> throw new LaunchException(file.getFileName() + ": substitution $(" + m.group(1)
            + " ...) is not supported by vla launch (supported: var, env, find-pkg-share, dirname)");
      };
      if ((long) s.length() - (m.end() - m.start()) + value.length() > MAX_VALUE_CHARS) {
        throw new LaunchException(file.getFileName() + ": substitutions in '" + abbreviate(text) + "' give more than "
            + MAX_VALUE_CHARS + " characters");
      }
      s = s.substring(0, m.start()) + value + s.substring(m.end());
    }
    throw new LaunchException(file.getFileName() + ": substitutions in '" + abbreviate(text) + "' do not resolve");
  }

  /** {@code value} as a path; one no file system takes (a NUL in it) is a LaunchException naming the file. */
  private static Path path(String value, Path file, String what) {
    try {
      return Path.of(value);
    } catch (java.nio.file.InvalidPathException e) {
      throw new LaunchException(file.getFileName() + ": " + what + " '" + abbreviate(value.replace("\0", "\\0"))
          + "' is not a usable path: " + e.getReason());
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  private static void need(String[] a, int n, String usage, Path file) {
    if (a.length != n) {
      throw new LaunchException(file.getFileName() + ": use $(" + usage + ")");
    }
  }
}
