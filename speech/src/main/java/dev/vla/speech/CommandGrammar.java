package dev.vla.speech;

import dev.vla.model.language.Utterances;
import dev.vla.model.language.Vocabulary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The spoken command language as a JSGF grammar, generated from the scenario vocabulary (categories,
 * colours, sizes, relations), the skills' verbs and the places the robot knows. A recogniser
 * constrained to it hears only what the controller can act on; anything else comes back rejected.
 */
public final class CommandGrammar {
  /** Places used when none are configured: the rooms of the bundled scenarios and common ones. */
  public static final List<String> DEFAULT_PLACES = List.of("kitchen", "hallway", "office", "garage", "storage",
      "lobby", "corner", "living room", "bedroom", "charging station");

  private static final Pattern WORDS = Pattern.compile("[a-z' ]+");

  private CommandGrammar() {}

  /** The command grammar, named {@code commands}, for the given place names (lower case words). */
  public static String commands(Collection<String> places) {
    Set<String> placeSet = new LinkedHashSet<>();
    for (String p : places) {
      String w = p.toLowerCase(Locale.ROOT).replace('_', ' ').trim();
      if (!w.isEmpty() && WORDS.matcher(w).matches()) {
        placeSet.add(w);
      }
    }
    if (placeSet.isEmpty()) {
      placeSet.addAll(DEFAULT_PLACES);
    }
    List<String> colors = new ArrayList<>(Vocabulary.COLORS);
    colors.add("violet");
    List<String> cats = new ArrayList<>(Vocabulary.CATEGORIES);
    cats.add("sphere");
    StringBuilder g = new StringBuilder();
    g.append("#JSGF V1.0;\n\ngrammar commands;\n\n");
    g.append("public <utterance> = <stop> | <wait> | <continue> | <request> | <correction> | <addition>;\n\n");
    String stops = String.join(" | ", new java.util.TreeSet<>(Utterances.STOP_WORDS));
    g.append("<stop> = (").append(stops).append(") [").append(stops)
        .append(" | now | please | robot | it | right now];\n");
    g.append("<wait> = (wait | pause | hold on | hang on | one moment | just a moment) [a second | a moment | please];\n");
    g.append("<continue> = [okay | ok] (continue | go on | resume | carry on | keep going | go ahead | proceed) [please];\n");
    g.append("<filler> = um | uh | so | okay so | well;\n");
    g.append("<prefix> = please | could you | can you | robot | okay | would you please | hey robot | i need you to"
        + " | hey robot please | robot please;\n");
    g.append("<suffix> = please | thanks | thank you | for me | now | for me please | now please;\n");
    g.append("<request> = [<filler>] [<prefix>] <task> [<suffix>] [<then> [<filler>] <task> [<suffix>]];\n");
    g.append("<then> = and then | then | and after that | after that | and;\n");
    g.append("<addition> = (also | and also | and then | then | after that | afterwards | next | when you are done)"
        + " [<prefix>] <task> [<suffix>];\n");
    g.append("<correction> = (no | no no | nope | no i meant | i meant | i mean | actually | sorry | sorry i meant"
        + " | not that one | wrong one | no not that one) (<np> | the [<size>] <color> one | the other one)"
        + " [<suffix>];\n\n");
    g.append("<task> = <put> <np> (<in> | <on>) <np>\n");
    g.append("  | <pick> <np> | pick <np> up | pick up <np>\n");
    g.append("  | <bring> <np>\n");
    g.append("  | <go> ([the] <place> | <np>)\n");
    g.append("  | <open> <np> | <close> <np>\n");
    g.append("  | <push> <np> [to the] <direction>\n");
    g.append("  | <look> <np>\n");
    g.append("  | <find> <np>;\n\n");
    g.append("<put> = put | place | drop | move | stick | set | lay | leave;\n");
    g.append("<in> = in | into | inside | inside of | in to;\n");
    g.append("<on> = on | onto | on top of | on to;\n");
    g.append("<pick> = grab | take | get | lift | grasp;\n");
    g.append("<bring> = bring me | hand me | fetch me | give me | bring | fetch;\n");
    g.append("<go> = go to | drive to | head to | navigate to | move to | go into | drive into | come to;\n");
    g.append("<open> = open | pull open;\n");
    g.append("<close> = close | shut | push closed;\n");
    g.append("<push> = push | nudge | shove | slide;\n");
    g.append("<look> = look at | face | turn to | look towards;\n");
    g.append("<find> = find | search for | look for;\n");
    g.append("<direction> = left | right | forward | forwards | back | backwards | away;\n\n");
    g.append("<np> = <simple> [<relation> <simple>]\n");
    g.append("  | the <cat> (that is not | that isn't | which is not | which isn't) <color>\n");
    g.append("  | the <superlative> [<size>] [<color>] <cat>\n");
    g.append("  | the [<size>] [<color>] <cat> (closest to you | nearest to you | furthest from you | farthest from you);\n");
    g.append("<simple> = the [<size>] [<color>] <cat>;\n");
    g.append("<relation> = left of | to the left of | on the left side of | right of | to the right of"
        + " | on the right side of | behind | in back of | in front of | just in front of | next to | beside | near;\n");
    g.append("<superlative> = nearest | closest | farthest | furthest | biggest | smallest | largest"
        + ";\n");
    g.append("<size> = small | little | tiny | large | big;\n");
    g.append("<color> = ").append(String.join(" | ", colors)).append(";\n");
    g.append("<cat> = ").append(String.join(" | ", cats)).append(";\n");
    g.append("<place> = ").append(String.join(" | ", placeSet)).append(";\n");
    return g.toString();
  }
}
