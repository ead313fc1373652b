package dev.vla.launch.cli;

import dev.vla.launch.UserError;
import dev.vla.launch.VlaHome;
import dev.vla.launch.ros.LaunchException;
import dev.vla.launch.ros.LaunchFile;
import dev.vla.launch.ros.NodeRuntime;
import dev.vla.ros.dds.DdsSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vla launch FILE}: the same launch XML that ros2 launch reads, run in this process. */
@Command(name = "launch", mixinStandardHelpOptions = true,
    description = {"Run a ROS 2 launch XML file in-process: its vla_controller nodes on DDS, its executables as",
        "processes. Supports launch, arg, let, node, executable, param, remap, group and include, with if/unless",
        "and $(var), $(env), $(find-pkg-share), $(dirname). Files that start nodes of other packages (Gazebo,",
        "ros_gz_bridge) need ROS 2: use ros2 launch for them; --dry-run still shows what they would start.",
        "Example: vla launch ros2/vla_controller/launch/sim.launch.xml policy:=vla"})
public final class LaunchCommand implements Callable<Integer> {
  static final String PACKAGE = "vla_controller";

  @Parameters(index = "0", paramLabel = "FILE", description = "A .launch.xml file.")
  Path file;

  @Parameters(index = "1..*", paramLabel = "NAME:=VALUE", description = "Launch arguments.")
  List<String> args = new ArrayList<>();

  @Option(names = "--dry-run", description = "Validate, resolve and print what would start; start nothing.")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    Map<String, String> values = new LinkedHashMap<>();
    for (String a : args) {
      int i = a.indexOf(":=");
      if (i <= 0) {
        throw new UserError("launch arguments are given as NAME:=VALUE, got '" + a + "'");
      }
      values.put(a.substring(0, i), a.substring(i + 2));
    }
    List<LaunchFile.Action> actions;
    try {
      actions = LaunchFile.load(file, values, pkg -> share(pkg, dryRun), System.getenv());
    } catch (LaunchException e) {
      throw new UserError(e.getMessage());
    }
    if (dryRun) {
      for (LaunchFile.Action a : actions) {
        System.out.println(describe(a));
      }
      return 0;
    }
    List<NodeRuntime.Spec> specs = new ArrayList<>();
    for (LaunchFile.Action a : actions) {
      specs.add(spec(a));
    }
    DdsSettings dds = DdsFromEnvironment.read();
    NodeRuntime runtime = NodeCommand.start(specs, dds);
    System.out.println("launched " + specs.size() + " node(s) on DDS domain " + dds.domainId() + ": "
        + String.join(", ", specs.stream().map(s -> "/" + s.name()).toList()) + "; Ctrl-C to stop");
    NodeCommand.awaitCtrlC(runtime);
    return 0;
  }

  /** Where a package's files are: this repository's ros2/ folder for the project's own packages. */
  static Path share(String pkg, boolean dryRun) {
    if (pkg.equals(PACKAGE) || pkg.equals("vla_interfaces")) {
      return VlaHome.root().resolve("ros2").resolve(pkg);
    }
    return dryRun ? Path.of("/opt/ros/$ROS_DISTRO/share").resolve(pkg) : null;
  }

  private static NodeRuntime.Spec spec(LaunchFile.Action a) {
    if (a instanceof LaunchFile.ExecAction x) {
      throw new UserError("this launch file runs '" + x.cmd() + "'; vla launch starts only vla_controller nodes: "
          + "use ros2 launch for it");
    }
    LaunchFile.NodeAction n = (LaunchFile.NodeAction) a;
    if (!n.pkg().equals(PACKAGE) || !n.exec().equals("vla_node") || n.args().isEmpty()) {
      throw new UserError("node " + n.pkg() + "/" + n.exec() + " is not a vla_controller node; this launch file "
          + "needs ROS 2: use ros2 launch for it");
    }
    List<Path> files = new ArrayList<>();
    List<String> params = new ArrayList<>();
    for (LaunchFile.Param p : n.params()) {
      if (p.from() != null) {
        files.add(p.from());
      } else {
        params.add(p.name() + ":=" + p.value());
      }
    }
    List<String> remaps = new ArrayList<>();
    n.remaps().forEach((from, to) -> {
      if (!from.equals(to)) {
        remaps.add(from + ":=" + to);
      }
    });
    if (!n.name().isEmpty()) {
      remaps.add("__node:=" + n.name());
    }
    return NodeCommand.spec(n.args().get(0), files, params, remaps);
  }

  private static String describe(LaunchFile.Action a) {
    if (a instanceof LaunchFile.ExecAction x) {
      return "executable: " + x.cmd();
    }
    LaunchFile.NodeAction n = (LaunchFile.NodeAction) a;
    StringBuilder sb = new StringBuilder("node: ").append(n.pkg()).append('/').append(n.exec());
    if (!n.name().isEmpty()) {
      sb.append(" name=").append(n.name());
    }
    if (!n.args().isEmpty()) {
      sb.append(" args=").append(String.join(" ", n.args()));
    }
    for (LaunchFile.Param p : n.params()) {
      sb.append(p.from() != null ? " params=" + p.from() : " " + p.name() + ":=" + p.value());
    }
    n.remaps().forEach((f, t) -> sb.append(" remap ").append(f).append(":=").append(t));
    return sb.toString();
  }
}
