package dev.vla.launch.cli;

import dev.vla.launch.UserError;
import dev.vla.launch.ros.NodeRuntime;
import dev.vla.launch.ros.RosNodes;
import dev.vla.launch.ros.RosParams;
import dev.vla.ros.dds.DdsSettings;
import dev.vla.ros.dds.DdsUnavailableException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vla node NAME}: one controller node on the ROS 2 graph until Ctrl-C. */
@Command(name = "node", mixinStandardHelpOptions = true,
    description = {"Run one node of the controller on the ROS 2 graph (DDS) until Ctrl-C:",
        "  sim       the embedded simulator as a robot (camera, depth, odom, joint states, tf; takes /cmd_vel, arm, gripper)",
        "  vla       the policy: /vla/instruction + camera -> /vla/affordance_call",
        "  executor  runs affordance calls as skills -> /cmd_vel, arm and gripper commands, /vla/skill_status",
        "  camera    a colour camera or video through OpenCV -> /camera/color/image_raw, camera_info",
        "            (-p device:=0|/dev/video2|file.avi; colour only: the vla node also needs depth)",
        "Parameters come from ROS 2 params YAML files and -p; topics are remapped with -r, as with ros2 run.",
        "Arguments after --ros-args (as ros2 launch passes them) are read the same way."})
public final class NodeCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "NAME", description = "sim, vla, executor or camera.")
  String kind;

  @Option(names = "--params-file", paramLabel = "FILE", description = "ROS 2 params YAML (repeatable; later files win).")
  List<Path> paramsFiles = new ArrayList<>();

  @Option(names = {"-p", "--param"}, paramLabel = "NAME:=VALUE", description = "One parameter (repeatable).")
  List<String> params = new ArrayList<>();

  @Option(names = {"-r", "--remap"}, paramLabel = "FROM:=TO", description = "Remap a topic, e.g. -r /cmd_vel:=/base/cmd_vel.")
  List<String> remaps = new ArrayList<>();

  @Option(names = "--ros-args", description = "Marks ROS arguments (accepted for ros2 launch compatibility).")
  boolean rosArgs;

  @Override
  public Integer call() throws Exception {
    NodeRuntime.Spec spec = spec(kind, paramsFiles, params, remaps);
    DdsSettings dds = DdsFromEnvironment.read();
    NodeRuntime runtime = start(List.of(spec), dds);
    System.out.println("node /" + spec.name() + " on DDS domain " + dds.domainId() + " (" + dds.networkInterface()
        + "); Ctrl-C to stop");
    awaitCtrlC(runtime);
    return 0;
  }

  /** Reads a node's parameters and remappings; {@code __node:=NAME} renames it, as ros2 launch does. */
  static NodeRuntime.Spec spec(String kind, List<Path> files, List<String> params, List<String> remaps) {
    if (!RosNodes.NAMES.contains(kind)) {
      throw new UserError("unknown node '" + kind + "'; available: " + String.join(", ", RosNodes.NAMES));
    }
    String name = kind;
    Map<String, String> topicRemaps = new LinkedHashMap<>();
    for (String r : remaps) {
      int i = r.indexOf(":=");
      if (i <= 0) {
        throw new UserError("remappings are given as FROM:=TO, got '" + r + "'");
      }
      String from = r.substring(0, i);
      String to = r.substring(i + 2);
      if (from.equals("__node") || from.equals("__name")) {
        name = to;
      } else if (from.equals("__ns")) {
        if (!to.equals("/") && !to.isEmpty()) {
          throw new UserError("namespaces are not supported yet; topics keep the names of DESIGN §3");
        }
      } else if (!from.startsWith("/") || !to.startsWith("/")) {
        throw new UserError("remap absolute topic names, e.g. /cmd_vel:=/base/cmd_vel; got '" + r + "'");
      } else {
        topicRemaps.put(from, to);
      }
    }
    if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
      throw new UserError("node names are letters, digits and _, got '" + name + "'");
    }
    RosParams p = new RosParams(name);
    try {
      for (Path f : files) {
        p.load(f);
      }
      for (String a : params) {
        p.set(a);
      }
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    return new NodeRuntime.Spec(kind, name, p, topicRemaps);
  }

  static NodeRuntime start(List<NodeRuntime.Spec> specs, DdsSettings dds) {
    try {
      return new NodeRuntime(specs, dds, System.out::println);
    } catch (DdsUnavailableException | IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }

  /** Blocks until Ctrl-C (or SIGTERM), then closes the runtime before the JVM exits. */
  static void awaitCtrlC(NodeRuntime runtime) throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      runtime.close();
      closed.countDown();
    }, "ctrl-c"));
    closed.await();
  }
}
