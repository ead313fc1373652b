package dev.vla.launch.cli;

import dev.vla.affordances.AffordanceCall;
import dev.vla.affordances.SkillStatus;
import dev.vla.launch.UserError;
import dev.vla.launch.VlaHome;
import dev.vla.launch.record.EpisodeBag;
import dev.vla.launch.record.EpisodeRecorder;
import dev.vla.ros.dds.DdsSettings;
import dev.vla.ros.dds.DdsUnavailableException;
import dev.vla.ros.episode.EpisodeResult;
import dev.vla.ros.episode.EpisodeRunner;
import dev.vla.ros.nodes.AudioSourceNode;
import dev.vla.sim.episode.Verdict;
import dev.vla.sim.scenario.Scenario;
import dev.vla.sim.scenario.ScenarioException;
import dev.vla.sim.scenario.ScenarioLoader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vla run}: the whole stack on one scenario, in real time, printing what happens. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {
      "Run the whole stack (simulator, camera, vla policy, executor) on one scenario in the embedded simulator,",
      "in real time, printing each utterance, affordance call and skill status, and record the episode",
      "(contact sheet, path plot, timeline, and a rosbag2 bag in DIR/bag/ for ros2 bag and Foxglove).",
      "Exit status: 0 when the scenario's success predicates hold, 1 when they do not, 2 on bad input."
    })
public final class RunCommand implements Callable<Integer> {
  @Option(names = "--scenario", paramLabel = "FILE",
      description = "Scenario file (SDF 1.9 + vla: task). Default: scenarios/demo/red_cube_blue_bin.sdf")
  Path scenario;

  @Option(names = "--say", paramLabel = "TEXT",
      description = {"Say this instead of the scenario's utterances (repeatable). Prefix with SECONDS: to time it,",
          "e.g. --say \"put the red cube in the blue bin\" --say \"4:no, the green one\"."})
  List<String> say = new ArrayList<>();

  @Option(names = "--speech", description = {"Speak each utterance into /audio/audio and let the speech stage (VAD,",
      "recogniser, stop fast path) turn it into instructions. With --listen: take audio from other nodes."})
  boolean speech;

  @Option(names = "--voice", paramLabel = "ENGINE:NAME[:WPM]",
      description = "The simulated person's voice for --speech (default: ${DEFAULT-VALUE}; e.g. espeak-ng:en-gb:150).")
  String voice = SpeechSetup.DEFAULT_VOICE.toString();

  @Option(names = "--mic", description = {"Listen to this computer's microphone (javax.sound) through the speech stage",
      "instead of the scenario's script; say \"put the red cube in the blue bin\", then \"stop\"."})
  boolean mic;

  @Option(names = "--audio", paramLabel = "FILE.wav",
      description = "Play this WAV file (any rate, mono or stereo) into the speech stage instead of the scenario's script.")
  Path audio;

  @Option(names = "--headless", description = "No live window (runs are always headless in this build).")
  boolean headless;

  @Option(names = "--record", paramLabel = "DIR", description = {"Where to write the episode record, its rosbag2 bag in DIR/bag/.",
      "Default: runs/<time>_<scenario>/"})
  Path record;

  @Option(names = "--bag-camera-hz", paramLabel = "HZ", description = {"Camera images in the bag: at most HZ per second",
      "(default: ${DEFAULT-VALUE}), 'all' for every frame, 0 for none; every other topic is recorded in full."})
  String bagCameraHz = "2";

  @Option(names = "--no-bag", description = "Do not write the rosbag2 bag (DIR/bag/).")
  boolean noBag;

  @Option(names = "--policy", paramLabel = "NAME", description = "Policy: keyword (default: the classical baseline), vla (the trained model; docs/model.md) or oracle (reads ground truth).")
  String policy = PolicyChoice.DEFAULT;

  @picocli.CommandLine.Mixin
  ModelOptions model = new ModelOptions();

  @Option(names = "--seed", description = "Seed for sensor noise and lighting (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--fast", description = "Do not pace to the wall clock; finish as fast as the machine can.")
  boolean fast;

  @Option(names = "--listen", description = {"Say nothing from the scenario: take instructions from /vla/instruction only",
      "(another ROS 2 node, or ros2 topic pub /vla/instruction std_msgs/msg/String \"{data: 'put the red cube in the blue bin'}\")."})
  boolean listen;

  @Option(names = "--transport", paramLabel = "KIND", description = {
      "dds (default): every topic on a real ROS 2 graph over DDS (domain ROS_DOMAIN_ID, loopback unless",
      "VLA_DDS_INTERFACE is 'all' or an address), so ros2 topic echo and other nodes see it;",
      "in-memory: topics stay inside the process (deterministic, like eval)."})
  String transport = "dds";

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    Path file = VlaHome.requireExisting(scenario != null ? scenario : VlaHome.defaultScenario(), "scenario");
    if (mic && audio != null) {
      throw new UserError("--mic and --audio exclude each other: one audio source at a time");
    }
    boolean ownAudio = mic || audio != null;
    Scenario sc;
    try {
      sc = Scripts.withSays(ScenarioLoader.load(file), say);
      if (ownAudio) {
        if (!say.isEmpty() || listen) {
          throw new UserError((mic ? "--mic" : "--audio") + " replaces the scenario's script: drop --say and --listen");
        }
        sc = sc.withoutSays();
      } else if (listen) {
        if (!say.isEmpty()) {
          throw new UserError("--listen and --say exclude each other: --listen takes instructions from /vla/instruction");
        }
        sc = sc.withoutSays();
      }
    } catch (ScenarioException e) {
      throw new UserError(e.getMessage());
    }
    Path dir = record != null ? record : VlaHome.runs().resolve(
        LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss")) + "_" + sc.name());
    var bagCamera = EpisodeBag.cameraRate(bagCameraHz);
    VlaHome.requireWritable(dir, "the episode record");
    if (!noBag) {
      EpisodeBag.check(dir);
    }
    out.println("vla run: " + file.getFileName() + " (world \"" + sc.name() + "\")");
    out.println("policy:  " + PolicyChoice.label(policy));
    boolean useDds = switch (transport) {
      case "dds" -> true;
      case "in-memory" -> false;
      default -> throw new UserError("--transport must be dds or in-memory, got '" + transport + "'");
    };
    DdsSettings dds = useDds ? DdsFromEnvironment.read() : null;
    if (useDds) {
      out.println("ros 2:   node /" + EpisodeRunner.NODE_NAME + " on DDS domain " + dds.domainId() + " ("
          + dds.networkInterface() + "); e.g. /vla/instruction in, /cmd_vel and /vla/affordance_call out");
    } else if (listen) {
      throw new UserError("--listen needs --transport dds: nothing outside the process can reach in-memory topics");
    }
    if (listen) {
      out.println("listening: instructions on /vla/instruction for " + Math.round(sc.task().timeoutSeconds()) + " s");
    }
    sc.task().says().forEach(s -> out.println("script:  say #" + s.index() + " " + s.trigger() + " \"" + s.text() + "\""));
    EpisodeRecorder[] recorder = new EpisodeRecorder[1];
    EpisodeRunner.Listener listener = new EpisodeRunner.Listener() {
      @Override
      public void line(double t, String text) {
        out.println(stamp(t) + text);
      }

      @Override
      public void call(double t, AffordanceCall call, String explanation) {
        out.println(stamp(t) + "vla: call " + explanation);
      }

      @Override
      public void status(double t, SkillStatus s) {
        out.println(stamp(t) + "executor: " + s);
      }

      private String stamp(double t) {
        return String.format(Locale.ROOT, "[%6.2fs] ", t);
      }
    };
    EpisodeRunner.Options options = new EpisodeRunner.Options(seed, 15, true, !fast, dds, null,
        fast ? java.time.Duration.ZERO : EpisodeRunner.MODEL_TIMEOUT, List.of());
    AudioSourceNode.Source source = mic ? new AudioSourceNode.Microphone()
        : audio != null ? new AudioSourceNode.File(audio) : null;
    try (SpeechSetup speechSetup = speech || ownAudio ? SpeechSetup.load(listen || ownAudio ? null : voice, List.of(sc), out)
        : null) {
      if (speechSetup != null) {
        options = options.withSpeech(speechSetup.speech());
      }
      try (EpisodeBag bag = noBag ? null : EpisodeBag.open(dir, bagCamera, EpisodeBag.about("vla run",
          sc.name(), policy, seed))) {
        try {
          return runEpisode(sc, options, listener, recorder, dir, out, source, bag);
        } catch (UserError e) {
          if (bag != null) {
            bag.discardIfEmpty(); // bad input found before the episode ran: leave no empty record behind
          }
          throw e;
        }
      }
    }
  }

  private int runEpisode(Scenario sc, EpisodeRunner.Options options, EpisodeRunner.Listener listener,
      EpisodeRecorder[] recorder, Path dir, PrintStream out, AudioSourceNode.Source source, EpisodeBag bag)
      throws Exception {
    // Ctrl-C interrupts the run; the runner then stops the robot, and the record is still written.
    Thread runThread = Thread.currentThread();
    CountDownLatch wrapUp = new CountDownLatch(1);
    Thread onCtrlC = new Thread(() -> {
      runThread.interrupt();
      try {
        wrapUp.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "ctrl-c");
    Runtime.getRuntime().addShutdownHook(onCtrlC);
    try {
      return runAndReport(sc, options, listener, recorder, dir, out, source, bag);
    } catch (DdsUnavailableException e) {
      throw new UserError(e.getMessage() + "; --transport in-memory runs without DDS");
    } finally {
      wrapUp.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(onCtrlC);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook is running and waits for the count-down above.
      }
    }
  }

  private int runAndReport(Scenario sc, EpisodeRunner.Options options, EpisodeRunner.Listener listener,
      EpisodeRecorder[] recorder, Path dir, PrintStream out, AudioSourceNode.Source source, EpisodeBag bag)
      throws java.io.IOException {
    if (source != null) {
      // Open the microphone or file before the run, so a missing one is a message, not a failed episode.
      try (var probe = new dev.vla.ros.transport.InMemoryTransport()) {
        new AudioSourceNode(probe, source).close();
      } catch (java.io.IOException e) {
        throw new UserError(e.getMessage());
      }
      out.println("audio:   " + (source instanceof AudioSourceNode.File f ? f.path() : "the microphone")
          + " on /audio/audio through the speech stage");
    }
    EpisodeResult result;
    try {
      result = EpisodeRunner.run(sc, PolicyChoice.factory(policy, model.config()), options, listener, (t, episode) -> {
        recorder[0] = new EpisodeRecorder(t, episode, dir);
        List<dev.vla.ros.nodes.Node> extras = new ArrayList<>();
        if (source != null) {
          try {
            extras.add(new AudioSourceNode(t, source));
          } catch (java.io.IOException e) {
            throw new UserError(e.getMessage());
          }
        }
        extras.add(recorder[0]);
        if (bag != null) {
          extras.add(bag.join(t)); // last: it stamps what the others published in the same step
        }
        return extras;
      });
    } finally {
      if (bag != null) {
        bag.close(); // after the stack has stopped the robot: the last zero velocity is in the bag
      }
    }
    Thread.interrupted(); // a Ctrl-C that arrived after the run must not break writing the record
    Verdict v = result.verdict();
    List<Path> files = recorder[0].write(result);
    out.println();
    if (v.success()) {
      out.printf(Locale.ROOT, "SUCCESS: %s — %d of %d predicates hold (%s) after %.1f s of sim time%n", sc.name(),
          v.checks().size(), v.checks().size(), ending(v), result.simSeconds());
    } else {
      out.printf(Locale.ROOT, "FAILED: %s — %s (%s after %.1f s)%n", sc.name(), v.failure(), ending(v), result.simSeconds());
    }
    out.println("episode record: " + dir + "/ (" + String.join(", ", files.stream().map(p -> p.getFileName().toString()).toList())
        + (bag != null ? ", " + EpisodeBag.DIR + "/" : "") + ")");
    if (bag != null) {
      out.println("rosbag2: " + bag.summary());
    }
    return v.success() ? 0 : 1;
  }

  private static String ending(Verdict v) {
    return switch (v.ending()) {
      case DONE -> "the robot reported done";
      case ASKED -> "the robot asked a question";
      case TIMEOUT -> "timed out";
      case RUNNING -> "stopped";
    };
  }
}
