package dev.vla.sim.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads scenario files: one SDF world (SDF 1.6 to 1.11) whose models, regions, robot start and task are
 * annotated with elements in the namespace {@value #NAMESPACE} (any prefix), into an immutable
 * {@link Scenario}.
 *
 * <p>The SDF part is the subset the embedded simulator understands: models with poses, links, visuals and
 * collisions of box, cylinder, sphere or plane geometry, diffuse colours and joints. Other standard SDF
 * elements (lights, physics, plugins, inertials, sensors, ...) are ignored; nested models, {@code
 * <include>}, unsupported geometry and poses relative to anything but the parent frame are errors. The
 * {@code vla:} part is checked strictly: unknown elements or attributes, missing or malformed values,
 * words outside the task vocabulary and references to models, regions, utterances or events that do not
 * exist are errors.
 *
 * <p>Every problem is reported as a {@link ScenarioException} naming the file and the line of the element
 * at fault; loading stops at the first one. Unreadable files and XML that is not well-formed are reported
 * the same way (at the line where the XML parser stopped). DOCTYPE declarations are refused, so no entity
 * is ever expanded and no external file or URL is read.
 *
 * <p>Stateless and thread-safe: each call works only on its own data.
 */
public final class ScenarioLoader {
  /** The namespace of the task elements. */
  public static final String NAMESPACE = "urn:vla-controller:scenario:1";

  /** The words {@code <vla:object category=>} accepts. */
  public static final List<String> CATEGORIES = List.of("cube", "block", "ball", "cylinder", "can", "bin", "tray",
      "basket", "box", "table", "shelf", "drawer", "door");

  /** The words {@code <vla:object color=>} accepts. */
  public static final List<String> COLORS = List.of("red", "green", "blue", "yellow", "orange", "purple", "white",
      "black");

  /** The words {@code <vla:object size=>} accepts. */
  public static final List<String> SIZES = List.of("small", "large");

  /** The word that stands for the robot in {@code <vla:near object=>} and {@code <vla:in_region object=>}. */
  public static final String ROBOT = "robot";

  private static final String NAMESPACE_FAMILY = "urn:vla-controller:";
  private static final List<String> SDF_VERSIONS = List.of("1.6", "1.7", "1.8", "1.9", "1.10", "1.11");
  private static final List<String> GEOMETRIES = List.of("box", "cylinder", "sphere", "plane");
  private static final List<String> WORLD_ELEMENTS = List.of("region", "robot", "task");
  private static final List<String> MODEL_ELEMENTS = List.of("object");
  private static final List<String> TASK_ELEMENTS = List.of("say", "event", "expect");
  private static final List<String> PREDICATES = List.of("in", "on", "holding", "not_holding", "near", "in_region",
      "untouched", "stopped_within", "no_motion", "asked", "opened", "closed", "no_collision");
  private static final List<String> EVENT_TYPES = List.of("move_object", "remove_object", "camera_dropout",
      "audio_noise", "push_robot");
  private static final String AFTER_FORMS = "skill_started:SKILL, skill_ended:SKILL, say:N or event:N";
  private static final int MAX_SAY_LENGTH = 1000;
  /** SDF's value for "no limit" on a joint axis. */
  private static final double NO_LIMIT = 1e16;

  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern SKILL_NAME = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
  private static final Pattern INDEX = Pattern.compile("0|[1-9][0-9]{0,8}");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private final Path file;

  private ScenarioLoader(Path file) {
    this.file = file;
  }

  /**
   * Loads one scenario file.
   *
   * @throws ScenarioException if the file cannot be read, is not well-formed XML, or is not a valid
   *     scenario; the message names the file, the line and what was expected
   */
  public static Scenario load(Path file) throws ScenarioException {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ScenarioException(file, 0, "cannot read scenario file: " + describe(e));
    }
    XmlElement root = XmlElement.parse(file, content);
    return new ScenarioLoader(file).readSdf(root);
  }

  /**
   * Loads every {@code *.sdf} file in {@code dir} and its subdirectories, sorted by path.
   *
   * @throws ScenarioException if {@code dir} is not a readable directory, holds no {@code *.sdf} file, or
   *     any of them fails to load (the first failure in path order)
   */
  public static List<Scenario> loadAll(Path dir) throws ScenarioException {
    if (!Files.isDirectory(dir)) {
      throw new ScenarioException(dir, 0, "not a directory of scenario files");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.getFileName().toString().endsWith(".sdf") && Files.isRegularFile(p))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException | UncheckedIOException e) {
      throw new ScenarioException(dir, 0, "cannot list scenario files: " + e.getMessage());
    }
    if (files.isEmpty()) {
      throw new ScenarioException(dir, 0, "no *.sdf scenario files in " + dir);
    }
    List<Scenario> scenarios = new ArrayList<>();
    for (Path f : files) {
      scenarios.add(load(f));
    }
    return List.copyOf(scenarios);
  }

  private static String describe(IOException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  // ---------------------------------------------------------------------------------------------------
  // SDF: <sdf>, <world>, models, links, visuals, collisions, geometry, joints

  private Scenario readSdf(XmlElement root) throws ScenarioException {
    checkNamespaces(root);
    if (!root.is("", "sdf")) {
      throw error(root, "root element is <" + root.qualifiedName() + ">; expected <sdf version=\"1.9\">");
    }
    String version = root.attribute("version");
    if (version == null) {
      throw error(root, "<sdf> needs attribute 'version' (one of " + SDF_VERSIONS + ")");
    }
    if (!SDF_VERSIONS.contains(version.trim())) {
      throw error(root, "unsupported SDF version '" + version + "'; expected one of " + SDF_VERSIONS);
    }
    XmlElement world = null;
    for (XmlElement child : root.children()) {
      if (child.is("", "world")) {
        if (world != null) {
          throw error(child, "a second <world> (the first is on line " + world.line()
              + "); a scenario file holds exactly one world");
        }
        world = child;
      } else if (child.is("", "model")) {
        throw error(child, "<model> directly inside <sdf> is outside the world; put every model inside <world>");
      } else if (isVla(child)) {
        throw unknownVlaElement(child, "<sdf>", List.of());
      } else {
        ignore(child);
      }
    }
    if (world == null) {
      throw error(root, "<sdf> holds no <world>; a scenario file holds exactly one world");
    }
    return readWorld(world);
  }

  /** Rejects elements of a namespace of this project other than the supported one (a newer format). */
  private void checkNamespaces(XmlElement element) throws ScenarioException {
    String namespace = element.namespace();
    if (namespace.startsWith(NAMESPACE_FAMILY) && !namespace.equals(NAMESPACE)) {
      throw error(element, "<" + element.qualifiedName() + "> is in namespace '" + namespace
          + "', which this simulator does not read; expected " + NAMESPACE);
    }
    for (XmlElement child : element.children()) {
      checkNamespaces(child);
    }
  }

  private Scenario readWorld(XmlElement world) throws ScenarioException {
    String worldName = requireName(world);
    Map<String, Model> models = new LinkedHashMap<>();
    Map<String, Region> regions = new LinkedHashMap<>();
    Map<String, Integer> regionLines = new LinkedHashMap<>();
    XmlElement robot = null;
    XmlElement task = null;
    for (XmlElement child : world.children()) {
      if (isVla(child)) {
        switch (child.localName()) {
          case "region" -> {
            Region region = readRegion(child);
            Integer firstLine = regionLines.get(region.name());
            if (firstLine != null) {
              throw error(child, "a second <" + child.qualifiedName() + " name=\"" + region.name()
                  + "\"> (the first is on line " + firstLine + "); region names must be unique");
            }
            regions.put(region.name(), region);
            regionLines.put(region.name(), child.line());
          }
          case "robot" -> {
            if (robot != null) {
              throw error(child, "a second <" + child.qualifiedName() + "> (the first is on line " + robot.line()
                  + "); a world has at most one");
            }
            robot = child;
          }
          case "task" -> {
            if (task != null) {
              throw error(child, "a second <" + child.qualifiedName() + "> (the first is on line " + task.line()
                  + "); a world has exactly one");
            }
            task = child;
          }
          default -> throw unknownVlaElement(child, "<world>", WORLD_ELEMENTS);
        }
      } else if (child.is("", "model")) {
        Model model = readModel(child);
        Model first = models.get(model.name());
        if (first != null) {
          throw error(child, "duplicate model name '" + model.name() + "' (lines " + first.line() + " and "
              + model.line() + "); model names must be unique");
        }
        models.put(model.name(), model);
      } else if (child.is("", "include")) {
        throw includeNotSupported(child);
      } else {
        ignore(child);
      }
    }
    if (task == null) {
      throw error(world, "<world name=\"" + worldName + "\"> has no <vla:task> (namespace " + NAMESPACE
          + "); a scenario needs exactly one");
    }
    Pose3 robotStart = robot == null ? Pose3.IDENTITY : readRobot(robot);
    Task parsedTask = readTask(task, models, regions);
    return new Scenario(worldName, file, List.copyOf(models.values()), List.copyOf(regions.values()), robotStart,
        parsedTask);
  }

  private Model readModel(XmlElement element) throws ScenarioException {
    String name = requireName(element);
    Pose3 pose = Pose3.IDENTITY;
    XmlElement poseElement = null;
    boolean isStatic = false;
    XmlElement staticElement = null;
    Map<String, Link> links = new LinkedHashMap<>();
    Map<String, Integer> linkLines = new LinkedHashMap<>();
    List<XmlElement> jointElements = new ArrayList<>();
    ObjectTag tag = null;
    XmlElement tagElement = null;
    for (XmlElement child : element.children()) {
      if (isVla(child)) {
        if (!child.localName().equals("object")) {
          throw unknownVlaElement(child, "<model>", MODEL_ELEMENTS);
        }
        if (tagElement != null) {
          throw error(child, "a second <" + child.qualifiedName() + "> in model '" + name + "' (the first is on line "
              + tagElement.line() + "); a model carries at most one");
        }
        tagElement = child;
        tag = readObjectTag(child);
      } else if (child.namespace().isEmpty()) {
        switch (child.localName()) {
          case "pose" -> {
            poseElement = onlyOnce(poseElement, child, "model '" + name + "'");
            pose = readPose(child, "the world", List.of("world"));
          }
          case "static" -> {
            staticElement = onlyOnce(staticElement, child, "model '" + name + "'");
            isStatic = readSdfBoolean(child);
          }
          case "link" -> {
            Link link = readLink(child, name);
            Integer firstLine = linkLines.get(link.name());
            if (firstLine != null) {
              throw error(child, "duplicate link name '" + link.name() + "' in model '" + name + "' (lines " + firstLine
                  + " and " + child.line() + ")");
            }
            links.put(link.name(), link);
            linkLines.put(link.name(), child.line());
          }
          case "joint" -> jointElements.add(child);
          case "model" -> throw error(child, "nested models are not supported; flatten <model name=\""
              + child.attribute("name") + "\"> out of model '" + name + "' into a separate top-level model of the "
              + "world (joints between models are not supported either)");
          case "include" -> throw includeNotSupported(child);
          default -> ignore(child);
        }
      } else {
        ignore(child);
      }
    }
    if (links.isEmpty()) {
      throw error(element, "model '" + name + "' has no <link>; every model needs at least one");
    }
    List<Joint> joints = new ArrayList<>();
    Map<String, Integer> jointLines = new LinkedHashMap<>();
    for (XmlElement jointElement : jointElements) {
      Joint joint = readJoint(jointElement, name, links);
      Integer firstLine = jointLines.put(joint.name(), jointElement.line());
      if (firstLine != null) {
        throw error(jointElement, "duplicate joint name '" + joint.name() + "' in model '" + name + "' (lines "
            + firstLine + " and " + jointElement.line() + ")");
      }
      joints.add(joint);
    }
    return new Model(name, pose, isStatic, List.copyOf(links.values()), joints, Optional.ofNullable(tag),
        element.line());
  }

  private Link readLink(XmlElement element, String modelName) throws ScenarioException {
    String name = requireName(element);
    Pose3 pose = Pose3.IDENTITY;
    XmlElement poseElement = null;
    List<Visual> visuals = new ArrayList<>();
    List<Collision> collisions = new ArrayList<>();
    for (XmlElement child : element.children()) {
      if (isVla(child)) {
        throw unknownVlaElement(child, "<link>", List.of());
      } else if (child.is("", "pose")) {
        poseElement = onlyOnce(poseElement, child, "link '" + name + "'");
        pose = readPose(child, "its model", List.of("__model__", modelName));
      } else if (child.is("", "visual")) {
        visuals.add(readVisual(child, name));
      } else if (child.is("", "collision")) {
        collisions.add(readCollision(child, name));
      } else {
        ignore(child);
      }
    }
    return new Link(name, pose, visuals, collisions);
  }

  private Visual readVisual(XmlElement element, String linkName) throws ScenarioException {
    String name = requireName(element);
    Pose3 pose = Pose3.IDENTITY;
    XmlElement poseElement = null;
    Geometry geometry = null;
    XmlElement geometryElement = null;
    Rgba diffuse = Rgba.GREY;
    XmlElement materialElement = null;
    for (XmlElement child : element.children()) {
      if (isVla(child)) {
        throw unknownVlaElement(child, "<visual>", List.of());
      } else if (child.is("", "pose")) {
        poseElement = onlyOnce(poseElement, child, "visual '" + name + "'");
        pose = readPose(child, "its link", List.of(linkName));
      } else if (child.is("", "geometry")) {
        geometryElement = onlyOnce(geometryElement, child, "visual '" + name + "'");
        geometry = readGeometry(child);
      } else if (child.is("", "material")) {
        materialElement = onlyOnce(materialElement, child, "visual '" + name + "'");
        diffuse = readMaterial(child);
      } else {
        ignore(child);
      }
    }
    if (geometry == null) {
      throw error(element, "<visual name=\"" + name + "\"> has no <geometry>; expected one of " + GEOMETRIES);
    }
    return new Visual(name, pose, geometry, diffuse);
  }

  private Collision readCollision(XmlElement element, String linkName) throws ScenarioException {
    String name = requireName(element);
    Pose3 pose = Pose3.IDENTITY;
    XmlElement poseElement = null;
    Geometry geometry = null;
    XmlElement geometryElement = null;
    for (XmlElement child : element.children()) {
      if (isVla(child)) {
        throw unknownVlaElement(child, "<collision>", List.of());
      } else if (child.is("", "pose")) {
        poseElement = onlyOnce(poseElement, child, "collision '" + name + "'");
        pose = readPose(child, "its link", List.of(linkName));
      } else if (child.is("", "geometry")) {
        geometryElement = onlyOnce(geometryElement, child, "collision '" + name + "'");
        geometry = readGeometry(child);
      } else {
        ignore(child);
      }
    }
    if (geometry == null) {
      throw error(element, "<collision name=\"" + name + "\"> has no <geometry>; expected one of " + GEOMETRIES);
    }
    return new Collision(name, pose, geometry);
  }

  private Geometry readGeometry(XmlElement element) throws ScenarioException {
    XmlElement shape = null;
    for (XmlElement child : element.children()) {
      if (isVla(child)) {
        throw unknownVlaElement(child, "<geometry>", List.of());
      }
      if (!child.namespace().isEmpty()) {
        ignore(child);
        continue;
      }
      if (!GEOMETRIES.contains(child.localName())) {
        throw error(child, "unsupported geometry <" + child.localName() + ">; the embedded simulator supports only "
            + GEOMETRIES + " (replace it with one of those or a combination of several visuals/collisions)");
      }
      if (shape != null) {
        throw error(child, "<geometry> holds both <" + shape.localName() + "> and <" + child.localName()
            + ">; expected exactly one shape");
      }
      shape = child;
    }
    if (shape == null) {
      throw error(element, "<geometry> is empty; expected one of " + GEOMETRIES);
    }
    switch (shape.localName()) {
      case "box" -> {
        double[] size = requiredNumbersChild(shape, "size", 3, "sx sy sz");
        for (double s : size) {
          requirePositive(shape, "<size> of <box>", s);
        }
        return new Geometry.Box(size[0], size[1], size[2]);
      }
      case "cylinder" -> {
        double radius = requiredNumbersChild(shape, "radius", 1, "metres")[0];
        double length = requiredNumbersChild(shape, "length", 1, "metres")[0];
        requirePositive(shape, "<radius> of <cylinder>", radius);
        requirePositive(shape, "<length> of <cylinder>", length);
        return new Geometry.Cylinder(radius, length);
      }
      case "sphere" -> {
        double radius = requiredNumbersChild(shape, "radius", 1, "metres")[0];
        requirePositive(shape, "<radius> of <sphere>", radius);
        return new Geometry.Sphere(radius);
      }
      default -> {
        double[] normal = requiredNumbersChild(shape, "normal", 3, "nx ny nz");
        double length = Math.sqrt(normal[0] * normal[0] + normal[1] * normal[1] + normal[2] * normal[2]);
        if (length == 0) {
          throw error(shape, "<normal> of <plane> is the zero vector; expected a direction such as 0 0 1");
        }
        double[] size = requiredNumbersChild(shape, "size", 2, "sx sy");
        requirePositive(shape, "<size> of <plane>", size[0]);
        requirePositive(shape, "<size> of <plane>", size[1]);
        return new Geometry.Plane(normal[0] / length, normal[1] / length, normal[2] / length, size[0], size[1]);
      }
    }
  }

  private Rgba readMaterial(XmlElement element) throws ScenarioException {
    XmlElement diffuse = null;
    for (XmlElement child : element.children()) {
      if (isVla(child)) {
        throw unknownVlaElement(child, "<material>", List.of());
      } else if (child.is("", "diffuse")) {
        diffuse = onlyOnce(diffuse, child, "<material>");
      } else {
        ignore(child);
      }
    }
    if (diffuse == null) {
      return Rgba.GREY;
    }
    String[] words = words(diffuse.text());
    if (words.length != 3 && words.length != 4) {
      throw error(diffuse, "<diffuse> needs 3 or 4 numbers (r g b [a], each 0 to 1); got '" + diffuse.text().trim()
          + "'");
    }
    double[] rgba = {0, 0, 0, 1};
    for (int i = 0; i < words.length; i++) {
      rgba[i] = parseNumber(diffuse, "<diffuse>", words[i]);
      if (rgba[i] < 0 || rgba[i] > 1) {
        throw error(diffuse, "<diffuse> components must lie between 0 and 1; got '" + words[i] + "'");
      }
    }
    return new Rgba(rgba[0], rgba[1], rgba[2], rgba[3]);
  }

  private Joint readJoint(XmlElement element, String modelName, Map<String, Link> links) throws ScenarioException {
    String name = requireName(element);
    String typeName = element.attribute("type");
    if (typeName == null || typeName.isBlank()) {
      throw error(element, "<joint name=\"" + name + "\"> needs attribute 'type' (prismatic, revolute, fixed, ...)");
    }
    Joint.Type type = switch (typeName.trim()) {
      case "prismatic" -> Joint.Type.PRISMATIC;
      case "revolute" -> Joint.Type.REVOLUTE;
      case "fixed" -> Joint.Type.FIXED;
      default -> Joint.Type.OTHER;
    };
    String parent = requiredTextChild(element, "parent", "a link name or world");
    String child = requiredTextChild(element, "child", "a link name");
    if (!parent.equals("world") && !links.containsKey(parent)) {
      throw error(element, "<parent> of joint '" + name + "' is '" + parent + "', which is not a link of model '"
          + modelName + "'; expected world or one of " + links.keySet());
    }
    if (!links.containsKey(child)) {
      throw error(element, "<child> of joint '" + name + "' is '" + child + "', which is not a link of model '"
          + modelName + "'; expected one of " + links.keySet());
    }
    Pose3 jointPose = Pose3.IDENTITY;
    XmlElement poseElement = null;
    XmlElement axisElement = null;
    for (XmlElement part : element.children()) {
      if (isVla(part)) {
        throw unknownVlaElement(part, "<joint>", List.of());
      } else if (part.is("", "pose")) {
        poseElement = onlyOnce(poseElement, part, "joint '" + name + "'");
        jointPose = readPose(part, "its child link", List.of(child));
      } else if (part.is("", "axis")) {
        axisElement = onlyOnce(axisElement, part, "joint '" + name + "'");
      } else if (!part.is("", "parent") && !part.is("", "child")) {
        ignore(part);
      }
    }
    double[] axis = {0, 0, 1};
    String expressedIn = "";
    boolean useParentModelFrame = false;
    double lower = -NO_LIMIT;
    double upper = NO_LIMIT;
    double initialPosition = 0;
    if (axisElement != null) {
      XmlElement xyz = null;
      XmlElement limit = null;
      XmlElement initial = null;
      for (XmlElement part : axisElement.children()) {
        if (isVla(part)) {
          throw unknownVlaElement(part, "<axis>", List.of());
        } else if (part.is("", "xyz")) {
          xyz = onlyOnce(xyz, part, "<axis>");
        } else if (part.is("", "limit")) {
          limit = onlyOnce(limit, part, "<axis>");
        } else if (part.is("", "initial_position")) {
          initial = onlyOnce(initial, part, "<axis>");
        } else if (part.is("", "use_parent_model_frame")) {
          useParentModelFrame = readSdfBoolean(part);
        } else {
          ignore(part);
        }
      }
      if (xyz != null) {
        axis = numbers(xyz, "<xyz>", xyz.text(), 3, "x y z");
        if (axis[0] == 0 && axis[1] == 0 && axis[2] == 0) {
          throw error(xyz, "<xyz> of joint '" + name + "' is the zero vector; expected a direction such as 1 0 0");
        }
        expressedIn = Optional.ofNullable(xyz.attribute("expressed_in")).orElse("").trim();
      }
      if (limit != null) {
        for (XmlElement part : limit.children()) {
          if (isVla(part)) {
            throw unknownVlaElement(part, "<limit>", List.of());
          } else if (part.is("", "lower")) {
            lower = numbers(part, "<lower>", part.text(), 1, "metres or radians")[0];
          } else if (part.is("", "upper")) {
            upper = numbers(part, "<upper>", part.text(), 1, "metres or radians")[0];
          } else {
            ignore(part);
          }
        }
        if (lower > upper) {
          throw error(limit, "joint '" + name + "': <lower> " + lower + " is above <upper> " + upper);
        }
      }
      if (initial != null) {
        initialPosition = numbers(initial, "<initial_position>", initial.text(), 1, "metres or radians")[0];
        if (initialPosition < lower || initialPosition > upper) {
          throw error(initial, "joint '" + name + "': <initial_position> " + initialPosition + " lies outside its "
              + "limits [" + lower + ", " + upper + "]");
        }
      }
    }
    double[] modelAxis = axisInModelFrame(axisElement, name, axis, expressedIn, useParentModelFrame,
        links.get(child).pose().compose(jointPose), links);
    return new Joint(name, type, parent, child, modelAxis[0], modelAxis[1], modelAxis[2], lower, upper,
        initialPosition);
  }

  /**
   * SDF expresses a joint axis in the joint frame (the child link's frame moved by the joint's pose) unless
   * {@code expressed_in} (SDF 1.7+) or {@code use_parent_model_frame} (SDF 1.6) says otherwise; the
   * simulator wants it in the model frame, as a unit vector.
   */
  private double[] axisInModelFrame(XmlElement axisElement, String jointName, double[] axis, String expressedIn,
      boolean useParentModelFrame, Pose3 jointFrame, Map<String, Link> links) throws ScenarioException {
    double[] rotated;
    if (useParentModelFrame || expressedIn.equals("__model__")) {
      rotated = axis;
    } else if (expressedIn.isEmpty()) {
      rotated = Transform.fromPose(jointFrame).rotate(axis[0], axis[1], axis[2]);
    } else if (links.containsKey(expressedIn)) {
      rotated = Transform.fromPose(links.get(expressedIn).pose()).rotate(axis[0], axis[1], axis[2]);
    } else {
      throw error(axisElement, "<xyz expressed_in=\"" + expressedIn + "\"> of joint '" + jointName
          + "' names no frame this simulator knows; expected __model__ or one of the model's links " + links.keySet());
    }
    double length = Math.sqrt(rotated[0] * rotated[0] + rotated[1] * rotated[1] + rotated[2] * rotated[2]);
    return new double[] {rotated[0] / length, rotated[1] / length, rotated[2] / length};
  }

  private Pose3 readPose(XmlElement element, String parentDescription, List<String> parentFrames)
      throws ScenarioException {
    for (String frameAttribute : List.of("relative_to", "frame")) {
      String frame = element.attribute(frameAttribute);
      if (frame != null && !frame.isBlank() && !parentFrames.contains(frame.trim())) {
        throw error(element, "<pose " + frameAttribute + "=\"" + frame + "\"> is not supported: only poses relative "
            + "to the parent frame (" + parentDescription + ") are; drop " + frameAttribute + " and give the pose in "
            + "that frame");
      }
    }
    String rotationFormat = element.attribute("rotation_format");
    if (rotationFormat != null && !rotationFormat.isBlank() && !rotationFormat.trim().equals("euler_rpy")) {
      throw error(element, "<pose rotation_format=\"" + rotationFormat + "\"> is not supported; write six numbers "
          + "x y z roll pitch yaw (euler_rpy)");
    }
    boolean degrees = false;
    String degreesValue = element.attribute("degrees");
    if (degreesValue != null) {
      degrees = parseSdfBoolean(element, "attribute 'degrees' of <pose>", degreesValue);
    }
    if (element.text().isBlank()) {
      return Pose3.IDENTITY;
    }
    double[] v = numbers(element, "<pose>", element.text(), 6, "x y z roll pitch yaw");
    double angleScale = degrees ? Math.PI / 180 : 1;
    return new Pose3(v[0], v[1], v[2], v[3] * angleScale, v[4] * angleScale, v[5] * angleScale);
  }

  private boolean readSdfBoolean(XmlElement element) throws ScenarioException {
    return parseSdfBoolean(element, "<" + element.localName() + ">", element.text());
  }

  private boolean parseSdfBoolean(XmlElement element, String what, String value) throws ScenarioException {
    return switch (value.trim()) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw error(element, what + " must be true, false, 1 or 0; got '" + value.trim() + "'");
    };
  }

  private String requireName(XmlElement element) throws ScenarioException {
    String name = element.attribute("name");
    if (name == null || name.isBlank()) {
      throw error(element, "<" + element.qualifiedName() + "> needs a non-empty attribute 'name'");
    }
    return name.trim();
  }

  private String requiredTextChild(XmlElement parent, String childName, String meaning) throws ScenarioException {
    XmlElement found = null;
    for (XmlElement child : parent.children()) {
      if (child.is("", childName)) {
        found = onlyOnce(found, child, "<" + parent.localName() + ">");
      }
    }
    if (found == null || found.text().isBlank()) {
      throw error(found == null ? parent : found, "<" + parent.localName() + "> needs <" + childName + "> ("
          + meaning + ")");
    }
    return found.text().trim();
  }

  private double[] requiredNumbersChild(XmlElement parent, String childName, int count, String meaning)
      throws ScenarioException {
    XmlElement found = null;
    for (XmlElement child : parent.children()) {
      if (child.is("", childName)) {
        found = onlyOnce(found, child, "<" + parent.localName() + ">");
      }
    }
    if (found == null) {
      throw error(parent, "<" + parent.localName() + "> needs <" + childName + "> (" + meaning + ")");
    }
    return numbers(found, "<" + childName + "> of <" + parent.localName() + ">", found.text(), count, meaning);
  }

  private XmlElement onlyOnce(XmlElement seen, XmlElement child, String place) throws ScenarioException {
    if (seen != null) {
      throw error(child, "a second <" + child.qualifiedName() + "> in " + place + " (the first is on line "
          + seen.line() + ")");
    }
    return child;
  }

  /** Skips an SDF element the simulator does not use, making sure no task element hides inside it. */
  private void ignore(XmlElement element) throws ScenarioException {
    for (XmlElement child : element.children()) {
      if (isVla(child)) {
        throw unknownVlaElement(child, "<" + element.qualifiedName() + ">", List.of());
      }
      ignore(child);
    }
  }

  private ScenarioException includeNotSupported(XmlElement element) {
    String uri = "";
    for (XmlElement child : element.children()) {
      if (child.is("", "uri")) {
        uri = " (" + child.text().trim() + ")";
      }
    }
    return error(element, "<include>" + uri + " is not supported: the embedded simulator needs self-contained "
        + "worlds; inline the included model's <model> element in the world");
  }

  // ---------------------------------------------------------------------------------------------------
  // vla: elements

  private static boolean isVla(XmlElement element) {
    return element.namespace().equals(NAMESPACE);
  }

  private ScenarioException unknownVlaElement(XmlElement element, String place, List<String> known) {
    if (element.localName().equals("object")) {
      return error(element, "<" + element.qualifiedName() + "> must be directly inside a <model>; found it inside "
          + place);
    }
    if (known.isEmpty()) {
      return error(element, "unexpected element <" + element.qualifiedName() + "> inside " + place
          + "; no scenario elements belong there (" + WORLD_ELEMENTS + " go in <world>, " + MODEL_ELEMENTS
          + " in <model>)");
    }
    return error(element, "unknown element <" + element.qualifiedName() + ">; expected one of " + known + " in "
        + place);
  }

  private ObjectTag readObjectTag(XmlElement element) throws ScenarioException {
    checkLeaf(element, "category", "color", "size", "graspable", "container");
    String category = requireWord(element, "category", "one of " + CATEGORIES, CATEGORIES);
    String color = requireWord(element, "color", "one of " + COLORS, COLORS);
    Optional<String> size = Optional.empty();
    if (element.attribute("size") != null) {
      size = Optional.of(requireWord(element, "size", "one of " + SIZES, SIZES));
    }
    boolean graspable = optionalBoolean(element, "graspable");
    boolean container = optionalBoolean(element, "container");
    return new ObjectTag(category, color, size, graspable, container);
  }

  private Region readRegion(XmlElement element) throws ScenarioException {
    checkLeaf(element, "name", "center", "size");
    String name = requireAttribute(element, "name", "a region name");
    double[] center = numbersAttribute(element, "center", 2, "x y");
    double[] size = numbersAttribute(element, "size", 2, "width height");
    requirePositive(element, "attribute 'size' of <" + element.qualifiedName() + ">", size[0]);
    requirePositive(element, "attribute 'size' of <" + element.qualifiedName() + ">", size[1]);
    return new Region(name, center[0], center[1], size[0], size[1]);
  }

  private Pose3 readRobot(XmlElement element) throws ScenarioException {
    checkLeaf(element, "pose");
    double[] pose = numbersAttribute(element, "pose", 4, "x y z yaw");
    return Pose3.xyzYaw(pose[0], pose[1], pose[2], pose[3]);
  }

  private Task readTask(XmlElement element, Map<String, Model> models, Map<String, Region> regions)
      throws ScenarioException {
    checkAttributes(element, "timeout");
    checkNoText(element);
    double timeout = numberAttribute(element, "timeout", "seconds");
    requirePositive(element, "attribute 'timeout' of <" + element.qualifiedName() + ">", timeout);
    List<XmlElement> sayElements = new ArrayList<>();
    List<XmlElement> eventElements = new ArrayList<>();
    XmlElement expect = null;
    for (XmlElement child : element.children()) {
      if (!isVla(child)) {
        throw error(child, "unexpected element <" + child.qualifiedName() + "> in <" + element.qualifiedName()
            + ">; expected one of " + TASK_ELEMENTS + " in namespace " + NAMESPACE);
      }
      switch (child.localName()) {
        case "say" -> sayElements.add(child);
        case "event" -> eventElements.add(child);
        case "expect" -> expect = onlyOnce(expect, child, "<" + element.qualifiedName() + ">");
        default -> throw unknownVlaElement(child, "<" + element.qualifiedName() + ">", TASK_ELEMENTS);
      }
    }
    List<Say> says = new ArrayList<>();
    for (int i = 0; i < sayElements.size(); i++) {
      says.add(readSay(sayElements.get(i), i, sayElements.size(), eventElements.size()));
    }
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < eventElements.size(); i++) {
      events.add(readEvent(eventElements.get(i), i, sayElements.size(), eventElements.size(), models));
    }
    checkTriggerLoops(says, events);
    if (expect == null) {
      throw error(element, "<" + element.qualifiedName() + "> has no <" + element.prefixedName("expect")
          + ">; a task needs its success conditions");
    }
    List<Predicate> predicates = readExpect(expect, sayElements.size(), eventElements.size(), models, regions);
    return new Task(timeout, says, events, predicates);
  }

  private Say readSay(XmlElement element, int index, int sayCount, int eventCount) throws ScenarioException {
    checkAttributes(element, "at", "after");
    checkNoChildren(element);
    Trigger trigger = readTrigger(element, Trigger.Kind.SAY, index, sayCount, eventCount);
    String text = element.text().trim();
    if (text.isEmpty()) {
      throw error(element, "<" + element.qualifiedName() + "> is empty; expected the words to say");
    }
    if (text.length() > MAX_SAY_LENGTH) {
      throw error(element, "<" + element.qualifiedName() + "> text is " + text.length() + " characters long; at most "
          + MAX_SAY_LENGTH + " are allowed");
    }
    return new Say(index, trigger, text, element.line());
  }

  private Event readEvent(XmlElement element, int index, int sayCount, int eventCount, Map<String, Model> models)
      throws ScenarioException {
    checkNoChildren(element);
    checkNoText(element);
    String type = element.attribute("type") == null ? null : element.attribute("type").trim();
    if (type == null) {
      throw error(element, "<" + element.qualifiedName() + "> needs attribute 'type' (one of " + EVENT_TYPES
          + "); got attributes " + element.attributes().keySet());
    }
    if (!EVENT_TYPES.contains(type)) {
      throw error(element, "unknown event type '" + type + "' in <" + element.qualifiedName() + ">; expected one of "
          + EVENT_TYPES);
    }
    String tag = "<" + element.qualifiedName() + " type=\"" + type + "\">";
    switch (type) {
      case "move_object" -> {
        checkAttributes(element, tag, List.of("at", "after", "type", "object", "to"));
        Trigger trigger = readTrigger(element, Trigger.Kind.EVENT, index, sayCount, eventCount);
        String object = requireModel(element, "object", models);
        double[] to = numbersAttribute(element, "to", 3, "x y z");
        return new Event.MoveObject(index, trigger, element.line(), object, to[0], to[1], to[2]);
      }
      case "remove_object" -> {
        checkAttributes(element, tag, List.of("at", "after", "type", "object"));
        Trigger trigger = readTrigger(element, Trigger.Kind.EVENT, index, sayCount, eventCount);
        String object = requireModel(element, "object", models);
        return new Event.RemoveObject(index, trigger, element.line(), object);
      }
      case "camera_dropout" -> {
        checkAttributes(element, tag, List.of("at", "after", "type", "duration"));
        Trigger trigger = readTrigger(element, Trigger.Kind.EVENT, index, sayCount, eventCount);
        double duration = positiveAttribute(element, "duration", "seconds");
        return new Event.CameraDropout(index, trigger, element.line(), duration);
      }
      case "audio_noise" -> {
        checkAttributes(element, tag, List.of("at", "after", "type", "snr_db", "duration"));
        Trigger trigger = readTrigger(element, Trigger.Kind.EVENT, index, sayCount, eventCount);
        double snrDb = numberAttribute(element, "snr_db", "signal-to-noise ratio in dB");
        double duration = positiveAttribute(element, "duration", "seconds");
        return new Event.AudioNoise(index, trigger, element.line(), snrDb, duration);
      }
      default -> {
        checkAttributes(element, tag, List.of("at", "after", "type", "offset"));
        Trigger trigger = readTrigger(element, Trigger.Kind.EVENT, index, sayCount, eventCount);
        double[] offset = numbersAttribute(element, "offset", 3, "dx dy dyaw");
        return new Event.PushRobot(index, trigger, element.line(), offset[0], offset[1], offset[2]);
      }
    }
  }

  private Trigger readTrigger(XmlElement element, Trigger.Kind ownKind, int ownIndex, int sayCount, int eventCount)
      throws ScenarioException {
    String at = element.attribute("at");
    String after = element.attribute("after") == null ? null : element.attribute("after").trim();
    if (at != null && after != null) {
      throw error(element, "<" + element.qualifiedName() + "> has both 'at' and 'after'; give exactly one of them");
    }
    if (at == null && after == null) {
      throw error(element, "<" + element.qualifiedName() + "> needs attribute 'at' (seconds of sim time) or 'after' ("
          + AFTER_FORMS + "); got attributes " + element.attributes().keySet());
    }
    if (at != null) {
      double seconds = parseNumber(element, "attribute 'at' of <" + element.qualifiedName() + ">", at);
      requireNonNegative(element, "attribute 'at' of <" + element.qualifiedName() + ">", seconds);
      return new Trigger.At(seconds);
    }
    Trigger.After trigger = readAfter(element, after, true, sayCount, eventCount);
    if (trigger.kind() == ownKind && trigger.ref().equals(Integer.toString(ownIndex))) {
      throw error(element, "<" + element.qualifiedName() + "> number " + ownIndex + " waits for itself (after=\""
          + after + "\"); it would never happen");
    }
    return trigger;
  }

  /** Parses an {@code after} value; skill forms only where {@code skillsAllowed}. */
  private Trigger.After readAfter(XmlElement element, String value, boolean skillsAllowed, int sayCount,
      int eventCount) throws ScenarioException {
    String where = "attribute 'after' of <" + element.qualifiedName() + ">";
    String forms = skillsAllowed ? AFTER_FORMS : "say:N or event:N";
    int colon = value.indexOf(':');
    Optional<Trigger.Kind> kind = colon < 0 ? Optional.empty() : Trigger.Kind.of(value.substring(0, colon));
    boolean isSkill = kind.isPresent()
        && (kind.get() == Trigger.Kind.SKILL_STARTED || kind.get() == Trigger.Kind.SKILL_ENDED);
    if (kind.isEmpty() || (isSkill && !skillsAllowed)) {
      throw error(element, where + " must be " + forms + "; got '" + value + "'");
    }
    String ref = value.substring(colon + 1);
    if (isSkill) {
      if (!SKILL_NAME.matcher(ref).matches()) {
        throw error(element, where + ": skill name '" + ref + "' must be lower_snake_case (e.g. pick, place_in); got '"
            + value + "'");
      }
      return new Trigger.After(kind.get(), ref);
    }
    if (!INDEX.matcher(ref).matches()) {
      throw error(element, where + " must be " + forms + " with N a number from 0; got '" + value + "'");
    }
    int index = Integer.parseInt(ref);
    int count = kind.get() == Trigger.Kind.SAY ? sayCount : eventCount;
    String noun = kind.get() == Trigger.Kind.SAY ? "say" : "event";
    if (index >= count) {
      String range = count == 0 ? "the task has none" : "the task has " + count + " (" + noun + ":0 to " + noun + ":"
          + (count - 1) + ")";
      throw error(element, where + " is '" + value + "', but there is no <" + element.prefixedName(noun) + "> number "
          + index + "; " + range);
    }
    return new Trigger.After(kind.get(), Integer.toString(index));
  }

  /** Says and events waiting for each other in a circle would never happen. */
  private void checkTriggerLoops(List<Say> says, List<Event> events) throws ScenarioException {
    Map<String, Trigger> triggers = new LinkedHashMap<>();
    Map<String, Integer> lines = new LinkedHashMap<>();
    for (Say say : says) {
      triggers.put("say:" + say.index(), say.trigger());
      lines.put("say:" + say.index(), say.line());
    }
    for (Event event : events) {
      triggers.put("event:" + event.index(), event.trigger());
      lines.put("event:" + event.index(), event.line());
    }
    for (String start : triggers.keySet()) {
      List<String> chain = new ArrayList<>(List.of(start));
      String current = start;
      while (triggers.get(current) instanceof Trigger.After after
          && (after.kind() == Trigger.Kind.SAY || after.kind() == Trigger.Kind.EVENT)) {
        current = after.kind().token() + ":" + after.ref();
        chain.add(current);
        if (current.equals(start)) {
          throw new ScenarioException(file, lines.get(start), "triggers wait for each other in a loop ("
              + String.join(" -> ", chain) + "), so none of them ever happens");
        }
        if (chain.size() > triggers.size() + 1) {
          break;
        }
      }
    }
  }

  private List<Predicate> readExpect(XmlElement expect, int sayCount, int eventCount, Map<String, Model> models,
      Map<String, Region> regions) throws ScenarioException {
    checkAttributes(expect);
    checkNoText(expect);
    List<Predicate> predicates = new ArrayList<>();
    for (XmlElement child : expect.children()) {
      if (!isVla(child)) {
        throw error(child, "unexpected element <" + child.qualifiedName() + "> in <" + expect.qualifiedName()
            + ">; expected one of " + PREDICATES + " in namespace " + NAMESPACE);
      }
      if (!PREDICATES.contains(child.localName())) {
        throw unknownVlaElement(child, "<" + expect.qualifiedName() + ">", PREDICATES);
      }
      predicates.add(readPredicate(child, sayCount, eventCount, models, regions));
    }
    if (predicates.isEmpty()) {
      throw error(expect, "<" + expect.qualifiedName() + "> is empty; expected at least one of " + PREDICATES);
    }
    return predicates;
  }

  private Predicate readPredicate(XmlElement element, int sayCount, int eventCount, Map<String, Model> models,
      Map<String, Region> regions) throws ScenarioException {
    String tag = "<" + element.qualifiedName() + ">";
    int line = element.line();
    switch (element.localName()) {
      case "in" -> {
        checkLeaf(element, "object", "container");
        String object = requireModel(element, "object", models);
        String container = requireModel(element, "container", models);
        Optional<ObjectTag> containerTag = models.get(container).tag();
        if (containerTag.isEmpty() || !containerTag.get().container()) {
          throw error(element, "container '" + container + "' of " + tag + " is not a container: its model needs "
              + "<vla:object ... container=\"true\"/>");
        }
        requireDistinct(element, object, container, "container");
        return new Predicate.In(object, container, line);
      }
      case "on" -> {
        checkLeaf(element, "object", "surface");
        String object = requireModel(element, "object", models);
        String surface = requireModel(element, "surface", models);
        requireDistinct(element, object, surface, "surface");
        return new Predicate.On(object, surface, line);
      }
      case "holding" -> {
        checkLeaf(element, "object");
        return new Predicate.Holding(requireModel(element, "object", models), line);
      }
      case "not_holding" -> {
        checkLeaf(element);
        return new Predicate.NotHolding(line);
      }
      case "near" -> {
        checkLeaf(element, "object", "target", "within");
        String object = requireModelOrRobot(element, "object", models);
        String target = requireAttribute(element, "target", "a model name or x y");
        Optional<String> targetName = Optional.empty();
        Optional<double[]> targetXy = Optional.empty();
        if (words(target).length > 1) {
          targetXy = Optional.of(numbersAttribute(element, "target", 2, "x y"));
        } else if (target.equals(ROBOT)) {
          throw error(element, "attribute 'target' of " + tag + " cannot be the robot; expected a model name or x y");
        } else {
          targetName = Optional.of(requireModel(element, "target", models));
        }
        double within = positiveAttribute(element, "within", "metres");
        return new Predicate.Near(object, targetName, targetXy, within, line);
      }
      case "in_region" -> {
        checkLeaf(element, "object", "region");
        String object = requireModelOrRobot(element, "object", models);
        String region = requireAttribute(element, "region", "a region name");
        if (!regions.containsKey(region)) {
          throw error(element, tag + " names region '" + region + "', but no <vla:region> has that name; regions: "
              + regions.keySet());
        }
        return new Predicate.InRegion(object, region, line);
      }
      case "untouched" -> {
        checkLeaf(element, "object");
        return new Predicate.Untouched(requireModel(element, "object", models), line);
      }
      case "stopped_within" -> {
        checkLeaf(element, "seconds", "after");
        double seconds = numberAttribute(element, "seconds", "seconds");
        requireNonNegative(element, "attribute 'seconds' of " + tag, seconds);
        String after = requireAttribute(element, "after", "say:N or event:N");
        Trigger.After trigger = readAfter(element, after, false, sayCount, eventCount);
        return new Predicate.StoppedWithin(seconds, trigger.kind(), Integer.parseInt(trigger.ref()), line);
      }
      case "no_motion" -> {
        checkLeaf(element);
        return new Predicate.NoMotion(line);
      }
      case "asked" -> {
        checkLeaf(element);
        return new Predicate.Asked(line);
      }
      case "opened", "closed" -> {
        checkLeaf(element, "object");
        String object = requireModel(element, "object", models);
        requireDrawer(element, models.get(object));
        return element.localName().equals("opened") ? new Predicate.Opened(object, line)
            : new Predicate.Closed(object, line);
      }
      default -> {
        checkLeaf(element);
        return new Predicate.NoCollision(line);
      }
    }
  }

  /** {@code <vla:opened>} and {@code <vla:closed>} compare a prismatic joint's position with its limits. */
  private void requireDrawer(XmlElement element, Model model) throws ScenarioException {
    String tag = "<" + element.qualifiedName() + ">";
    Optional<Joint> prismatic = model.joints().stream().filter(j -> j.type() == Joint.Type.PRISMATIC).findFirst();
    if (prismatic.isEmpty()) {
      throw error(element, tag + " needs a drawer, but model '" + model.name() + "' (line " + model.line()
          + ") has no prismatic joint");
    }
    Joint joint = prismatic.get();
    if (joint.lower() <= -NO_LIMIT || joint.upper() >= NO_LIMIT) {
      throw error(element, tag + " needs the limits of prismatic joint '" + joint.name() + "' of model '"
          + model.name() + "', but it has no <axis><limit> with <lower> and <upper>");
    }
  }

  private void requireDistinct(XmlElement element, String object, String other, String otherAttribute)
      throws ScenarioException {
    if (object.equals(other)) {
      throw error(element, "<" + element.qualifiedName() + "> has the same model '" + object + "' as object and "
          + otherAttribute);
    }
  }

  private String requireModel(XmlElement element, String attribute, Map<String, Model> models)
      throws ScenarioException {
    String name = requireAttribute(element, attribute, "a model name");
    if (!models.containsKey(name)) {
      throw error(element, "<" + element.qualifiedName() + "> " + attribute + "='" + name + "' names no model; models: "
          + models.keySet());
    }
    return name;
  }

  private String requireModelOrRobot(XmlElement element, String attribute, Map<String, Model> models)
      throws ScenarioException {
    String name = requireAttribute(element, attribute, "a model name or robot");
    if (!name.equals(ROBOT) && !models.containsKey(name)) {
      throw error(element, "<" + element.qualifiedName() + "> " + attribute + "='" + name + "' names no model and is "
          + "not 'robot'; models: " + models.keySet());
    }
    return name;
  }

  // ---------------------------------------------------------------------------------------------------
  // vla: attribute checks

  /** A vla element with no children and no text, and only the given attributes. */
  private void checkLeaf(XmlElement element, String... allowed) throws ScenarioException {
    checkAttributes(element, allowed);
    checkNoChildren(element);
    checkNoText(element);
  }

  private void checkAttributes(XmlElement element, String... allowed) throws ScenarioException {
    checkAttributes(element, "<" + element.qualifiedName() + ">", List.of(allowed));
  }

  private void checkAttributes(XmlElement element, String tag, List<String> allowedList) throws ScenarioException {
    for (String name : element.attributes().keySet()) {
      if (!allowedList.contains(name)) {
        String expected = allowedList.isEmpty() ? "it takes no attributes"
            : "allowed attributes are " + allowedList;
        throw error(element, tag + " has unknown attribute '" + name + "'; " + expected);
      }
    }
  }

  private void checkNoChildren(XmlElement element) throws ScenarioException {
    if (!element.children().isEmpty()) {
      throw error(element.children().get(0), "<" + element.qualifiedName() + "> takes no child elements; found <"
          + element.children().get(0).qualifiedName() + ">");
    }
  }

  private void checkNoText(XmlElement element) throws ScenarioException {
    if (!element.text().isBlank()) {
      throw error(element, "<" + element.qualifiedName() + "> takes no text; found '"
          + abbreviate(element.text().trim()) + "'");
    }
  }

  private String requireAttribute(XmlElement element, String name, String meaning) throws ScenarioException {
    String value = element.attribute(name);
    if (value == null) {
      throw error(element, "<" + element.qualifiedName() + "> needs attribute '" + name + "' (" + meaning
          + "); got attributes " + element.attributes().keySet());
    }
    if (value.isBlank()) {
      throw error(element, "attribute '" + name + "' of <" + element.qualifiedName() + "> is empty; expected "
          + meaning);
    }
    return value.trim();
  }

  private String requireWord(XmlElement element, String name, String meaning, List<String> vocabulary)
      throws ScenarioException {
    String value = requireAttribute(element, name, meaning);
    if (!vocabulary.contains(value)) {
      throw error(element, "unknown " + name + " '" + value + "' in <" + element.qualifiedName() + ">; expected one of "
          + vocabulary);
    }
    return value;
  }

  private boolean optionalBoolean(XmlElement element, String name) throws ScenarioException {
    String value = element.attribute(name);
    if (value == null) {
      return false;
    }
    return switch (value.trim()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw error(element, "attribute '" + name + "' of <" + element.qualifiedName()
          + "> must be true or false; got '" + value + "'");
    };
  }

  private double numberAttribute(XmlElement element, String name, String meaning) throws ScenarioException {
    return numbersAttribute(element, name, 1, meaning)[0];
  }

  private double positiveAttribute(XmlElement element, String name, String meaning) throws ScenarioException {
    double value = numberAttribute(element, name, meaning);
    requirePositive(element, "attribute '" + name + "' of <" + element.qualifiedName() + ">", value);
    return value;
  }

  private double[] numbersAttribute(XmlElement element, String name, int count, String meaning)
      throws ScenarioException {
    String value = requireAttribute(element, name, meaning);
    return numbers(element, "attribute '" + name + "' of <" + element.qualifiedName() + ">", value, count, meaning);
  }

  // ---------------------------------------------------------------------------------------------------
  // numbers

  private double[] numbers(XmlElement element, String what, String text, int count, String meaning)
      throws ScenarioException {
    String[] words = words(text);
    if (words.length != count) {
      String expected = count == 1 ? "a number (" + meaning + ")" : count + " numbers (" + meaning + ")";
      throw error(element, what + " needs " + expected + "; got '" + abbreviate(text.trim()) + "'");
    }
    double[] values = new double[count];
    for (int i = 0; i < count; i++) {
      values[i] = parseNumber(element, what, words[i]);
    }
    return values;
  }

  private double parseNumber(XmlElement element, String what, String word) throws ScenarioException {
    String trimmed = word.trim();
    double value = NUMBER.matcher(trimmed).matches() ? Double.parseDouble(trimmed) : Double.NaN;
    if (!Double.isFinite(value)) {
      throw error(element, what + " must be a finite number; got '" + abbreviate(trimmed) + "'");
    }
    return value;
  }

  private void requirePositive(XmlElement element, String what, double value) throws ScenarioException {
    if (!(value > 0)) {
      throw error(element, what + " must be > 0; got " + value);
    }
  }

  private void requireNonNegative(XmlElement element, String what, double value) throws ScenarioException {
    if (!(value >= 0)) {
      throw error(element, what + " must be >= 0; got " + value);
    }
  }

  private static String[] words(String text) {
    String trimmed = text.trim();
    return trimmed.isEmpty() ? new String[0] : WHITESPACE.split(trimmed);
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }

  private ScenarioException error(XmlElement element, String message) {
    return new ScenarioException(file, element.line(), message);
  }
}
