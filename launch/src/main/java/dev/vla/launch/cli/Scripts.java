package dev.vla.launch.cli;

import dev.vla.launch.UserError;
import dev.vla.sim.scenario.Say;
import dev.vla.sim.scenario.Scenario;
import dev.vla.sim.scenario.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces a scenario's utterances with ones given on the command line ({@code --say}). */
final class Scripts {
  private static final Pattern TIMED = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)\\s*:\\s*(.+)$");
  /** Untimed utterances are spoken this many seconds apart, the first half a second in. */
  static final double SPACING_SECONDS = 3.0;

  private Scripts() {}

  static Scenario withSays(Scenario scenario, List<String> says) {
    if (says.isEmpty()) {
      return scenario;
    }
    List<Say> out = new ArrayList<>();
    for (int i = 0; i < says.size(); i++) {
      String s = says.get(i);
      Matcher m = TIMED.matcher(s);
      double at = 0.5 + SPACING_SECONDS * i;
      String text = s;
      if (m.matches()) {
        at = Double.parseDouble(m.group(1));
        text = m.group(2);
      }
      if (text.isBlank() || text.length() > 1000) {
        throw new UserError("--say text must be 1 to 1000 characters, got " + text.length());
      }
      out.add(new Say(i, new Trigger.At(at), text.trim(), 0));
    }
    return scenario.withSays(out);
  }
}
