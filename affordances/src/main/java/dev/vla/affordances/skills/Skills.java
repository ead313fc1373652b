package dev.vla.affordances.skills;

import static dev.vla.affordances.ParamSpec.Type.OBJECT;
import static dev.vla.affordances.ParamSpec.Type.RECEPTACLE;
import static dev.vla.affordances.ParamSpec.Type.REGION;
import static dev.vla.affordances.ParamSpec.Type.TEXT;

import dev.vla.affordances.AffordanceCall;
import dev.vla.affordances.ParamSpec;
import dev.vla.affordances.Precondition;
import dev.vla.affordances.Resource;
import dev.vla.affordances.SkillRegistry;
import dev.vla.affordances.SkillSpec;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The standard skill set of DESIGN §3. */
public final class Skills {
  /** Skill names in a fixed order; the model's skill head uses the same order. */
  public static final List<String> NAMES = List.of(
      "navigate", "pick", "place", "push", "open", "close", "look_at", "find", "hand_over", "stop", "done", "ask");

  private static final Set<Resource> MANIPULATE = EnumSet.of(Resource.BASE, Resource.ARM, Resource.GRIPPER, Resource.HEAD);

  private Skills() {}

  /** A registry holding every standard skill. */
  public static SkillRegistry standardRegistry() {
    SkillRegistry r = new SkillRegistry();
    r.register(new SkillSpec("navigate", "drive to a named region, an object, or a point",
        List.of(ParamSpec.required("to", REGION), ParamSpec.number("standoff", false, "m", 0.0, 3.0)),
        EnumSet.of(Resource.BASE, Resource.HEAD), true, List.of(), Duration.ofSeconds(60), NavigateSkill::new, null));
    r.register(new SkillSpec("pick", "grasp an object from above and lift it",
        List.of(ParamSpec.required("target", OBJECT)),
        MANIPULATE, true, List.of(Precondition.GRIPPER_EMPTY), Duration.ofSeconds(45), PickSkill::new, null));
    r.register(new SkillSpec("place", "put the held object into a container or onto a surface",
        List.of(ParamSpec.optional("target", OBJECT), ParamSpec.optional("into", RECEPTACLE),
            ParamSpec.optional("on", RECEPTACLE)),
        MANIPULATE, true, List.of(Precondition.HOLDING), Duration.ofSeconds(45), PlaceSkill::new,
        Skills::intoOrOn));
    r.register(new SkillSpec("push", "push an object along a direction in the robot's frame",
        List.of(ParamSpec.required("target", OBJECT), ParamSpec.choice("direction", true, PushSkill.DIRECTIONS),
            ParamSpec.number("distance", false, "m", 0.02, 0.40)),
        MANIPULATE, true, List.of(Precondition.GRIPPER_EMPTY), Duration.ofSeconds(45), PushSkill::new, null));
    r.register(new SkillSpec("open", "pull a drawer open by its handle",
        List.of(ParamSpec.required("target", OBJECT)),
        MANIPULATE, true, List.of(Precondition.GRIPPER_EMPTY), Duration.ofSeconds(45), () -> new DrawerSkill(true), null));
    r.register(new SkillSpec("close", "push a drawer closed",
        List.of(ParamSpec.required("target", OBJECT)),
        MANIPULATE, true, List.of(Precondition.GRIPPER_EMPTY), Duration.ofSeconds(45), () -> new DrawerSkill(false), null));
    r.register(new SkillSpec("look_at", "point the head camera at something",
        List.of(ParamSpec.required("target", OBJECT)),
        EnumSet.of(Resource.HEAD), true, List.of(), Duration.ofSeconds(6), SimpleSkills.LookAt::new, null));
    r.register(new SkillSpec("find", "turn to look for something not in view",
        List.of(ParamSpec.required("description", TEXT),
            ParamSpec.choice("direction", false, List.of("left", "right", "here")),
            ParamSpec.choice("range", false, List.of("near", "mid", "far"))),
        EnumSet.of(Resource.BASE, Resource.HEAD), false, List.of(), Duration.ofSeconds(15), SimpleSkills.Find::new, null));
    r.register(new SkillSpec("hand_over", "hold the object out to a person and let go",
        List.of(ParamSpec.optional("target", OBJECT)),
        EnumSet.of(Resource.ARM, Resource.GRIPPER), false, List.of(Precondition.HOLDING), Duration.ofSeconds(20),
        SimpleSkills.HandOver::new, null));
    r.register(new SkillSpec("stop", "halt all motion and hold position",
        List.of(ParamSpec.optional("reason", TEXT)), Set.of(), false, List.of(),
        Duration.ofSeconds(1), SimpleSkills.Instant::new, null));
    r.register(new SkillSpec("done", "report the task complete",
        List.of(ParamSpec.optional("summary", TEXT)), Set.of(), false, List.of(),
        Duration.ofSeconds(1), SimpleSkills.Instant::new, null));
    r.register(new SkillSpec("ask", "ask the person a clarifying question (or decline)",
        List.of(ParamSpec.required("question", TEXT)), Set.of(), false, List.of(),
        Duration.ofSeconds(1), SimpleSkills.Instant::new, null));
    return r;
  }

  private static Optional<String> intoOrOn(AffordanceCall call) {
    boolean into = call.args().containsKey("into");
    boolean on = call.args().containsKey("on");
    if (into == on) {
      return Optional.of("give exactly one of 'into' (a container) or 'on' (a surface)");
    }
    return Optional.empty();
  }
}
