package dev.vla.model.vla;

import dev.vla.affordances.skills.Skills;
import dev.vla.model.language.Vocabulary;
import dev.vla.model.perception.Proposals;
import dev.vla.model.perception.Tensorizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contract between the tensors, the training code and the decoder: input shapes, the order of
 * the classes of every output head, and what each label value means. Written next to a dataset as
 * {@code spec.json} so the Python side reads the same numbers.
 */
public final class ModelSpec {
  public static final List<String> SKILLS = Skills.NAMES;
  public static final List<String> PUSH_DIRECTIONS = List.of("left", "right", "forward", "backward");
  public static final List<String> FIND_DIRECTIONS = List.of("here", "left", "right");
  public static final List<String> FIND_RANGES = List.of("near", "mid", "far");
  /** navigate: default stand-off, up to a container's rim (0.45 m), up to something half in view (0.6 m). */
  public static final List<String> NAV_MODES = List.of("default", "rim", "glimpse");
  public static final List<String> PLACE_MODES = List.of("into", "on");
  public static final List<String> ASK_KINDS = List.of("ambiguous", "absent", "refuse", "stuck");
  /** Colours of proposals, plus "other" for scenery and the robot. */
  public static final List<String> COLORS = withOther(Vocabulary.COLORS);
  public static final List<String> CATEGORIES = withOther(Vocabulary.CATEGORIES);
  /** Pointer value meaning "no object": the call has no target pixel. */
  public static final int NO_OBJECT = Proposals.MAX;
  /** Label value for "not applicable". */
  public static final int IGNORE = -1;

  private ModelSpec() {}

  private static List<String> withOther(List<String> base) {
    List<String> out = new java.util.ArrayList<>(base);
    out.add("other");
    return List.copyOf(out);
  }

  /** Everything the training code needs to agree with, as plain data for {@code spec.json}. */
  public static Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("image", List.of(4, Tensorizer.IMAGE_H, Tensorizer.IMAGE_W));
    m.put("crop", Tensorizer.CROP);
    m.put("objects", Proposals.MAX);
    m.put("object_features", Tensorizer.OBJECT_FEATURES);
    m.put("text", Tensorizer.TEXT);
    m.put("state", Tensorizer.STATE);
    m.put("skills", SKILLS);
    m.put("push_directions", PUSH_DIRECTIONS);
    m.put("find_directions", FIND_DIRECTIONS);
    m.put("find_ranges", FIND_RANGES);
    m.put("nav_modes", NAV_MODES);
    m.put("place_modes", PLACE_MODES);
    m.put("ask_kinds", ASK_KINDS);
    m.put("colors", COLORS);
    m.put("categories", CATEGORIES);
    m.put("no_object", NO_OBJECT);
    m.put("normalise", "(v/255 - 0.5)/0.25 for colour; depth_mm/1000/4");
    return m;
  }
}
