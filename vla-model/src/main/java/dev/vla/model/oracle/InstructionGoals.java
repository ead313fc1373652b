package dev.vla.model.oracle;

import dev.vla.model.language.Command;
import dev.vla.model.language.ObjectQuery;
import dev.vla.model.language.RuleParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Goals read from the instruction itself, for scenarios whose success predicates only constrain
 * behaviour (stop, wait, untouched) and do not say what the person asked for. The words are parsed
 * with the rule parser and grounded on ground truth (exact colour, category and size), so the
 * oracle attempts what was asked and the interruption is exercised.
 */
final class InstructionGoals {
  private InstructionGoals() {}

  static List<Goal> from(String instruction, SceneTruth scene) {
    List<Goal> goals = new ArrayList<>();
    for (Command c : RuleParser.parse(instruction)) {
      Optional<TruthObject> object = c.object().flatMap(q -> ground(q, scene));
      switch (c.action()) {
        case PUT -> {
          Optional<TruthObject> dest = c.destination().flatMap(q -> ground(q, scene));
          if (object.isPresent() && dest.isPresent()) {
            boolean holds = false;
            goals.add(c.preposition().equals("on") ? new Goal.On(object.get().name(), dest.get().name(), holds)
                : new Goal.In(object.get().name(), dest.get().name(), holds));
          }
        }
        case PICK, BRING -> object.ifPresent(o -> goals.add(new Goal.Holding(o.name(), scene.held().filter(o.name()::equals).isPresent())));
        case OPEN -> object.ifPresent(o -> goals.add(new Goal.Opened(o.name(), o.drawerOpening() > 0.85)));
        case CLOSE -> object.ifPresent(o -> goals.add(new Goal.Closed(o.name(), o.drawerOpening() < 0.15)));
        default -> { }
      }
    }
    return goals;
  }

  /** The words of the instruction's first referent when nothing anywhere in the scene matches it. */
  static Optional<String> absentReferent(String instruction, SceneTruth scene) {
    List<Command> commands = RuleParser.parse(instruction);
    if (commands.isEmpty() || commands.get(0).object().isEmpty()) {
      return Optional.empty();
    }
    ObjectQuery q = commands.get(0).object().get();
    return matches(q, scene).isEmpty() ? Optional.of(q.words()) : Optional.empty();
  }

  /** The single object matching the description's colour, category and size, if exactly one does. */
  static Optional<TruthObject> ground(ObjectQuery q, SceneTruth scene) {
    List<TruthObject> m = matches(q, scene);
    return m.size() == 1 ? Optional.of(m.get(0)) : Optional.empty();
  }

  private static List<TruthObject> matches(ObjectQuery q, SceneTruth scene) {
    List<TruthObject> matches = new ArrayList<>();
    for (TruthObject o : scene.objects()) {
      if (q.category().isPresent() && !q.category().get().equals(o.category())) {
        continue;
      }
      if (q.color().isPresent() && !q.color().get().equals(o.color())) {
        continue;
      }
      if (q.size().isPresent() && o.size().isPresent() && !q.size().get().equals(o.size().get())) {
        continue;
      }
      if (q.notColors().contains(o.color()) || q.notCategories().contains(o.category())) {
        continue;
      }
      matches.add(o);
    }
    return matches;
  }
}
