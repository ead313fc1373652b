package dev.vla.affordances;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One declared parameter of a skill.
 *
 * @param name argument name, e.g. {@code target}
 * @param type what kind of value it takes
 * @param required whether a call must give it
 * @param choices allowed values for {@link Type#DIRECTION} and {@link Type#REGION}-like enumerations; empty = free
 * @param unit unit of a {@link Type#NUMBER}, e.g. {@code m}
 * @param min inclusive lower bound of a number
 * @param max inclusive upper bound of a number
 */
public record ParamSpec(String name, Type type, boolean required, List<String> choices, String unit, double min, double max) {

  /** The kinds of argument DESIGN §3 names. */
  public enum Type {
    /** A thing in the scene, referred to by description; grounded by the call's target pixel and point. */
    OBJECT,
    /** A container or surface; grounded like an object. */
    RECEPTACLE,
    /** A named region of the map, or an object to go to. */
    REGION,
    /** A point "x y" or "x y z" in metres, odom frame. */
    POINT,
    /** One of a fixed set of words. */
    DIRECTION,
    /** A number with a unit and a range. */
    NUMBER,
    /** Free text (a question, a description). */
    TEXT
  }

  public ParamSpec {
    choices = List.copyOf(choices);
    if (type == Type.NUMBER && !(min <= max)) {
      throw new IllegalArgumentException("parameter " + name + ": min " + min + " > max " + max);
    }
  }

  public static ParamSpec required(String name, Type type) {
    return new ParamSpec(name, type, true, List.of(), "", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  public static ParamSpec optional(String name, Type type) {
    return new ParamSpec(name, type, false, List.of(), "", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  public static ParamSpec choice(String name, boolean required, List<String> choices) {
    return new ParamSpec(name, Type.DIRECTION, required, choices, "", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  public static ParamSpec number(String name, boolean required, String unit, double min, double max) {
    return new ParamSpec(name, Type.NUMBER, required, List.of(), unit, min, max);
  }

  /** Why {@code value} is not acceptable, or empty when it is. */
  public Optional<String> check(String value) {
    if (value == null || value.isBlank()) {
      return Optional.of("argument '" + name + "' is empty");
    }
    if (value.length() > 256) {
      return Optional.of("argument '" + name + "' is " + value.length() + " characters long; at most 256");
    }
    switch (type) {
      case DIRECTION -> {
        if (!choices.isEmpty() && !choices.contains(value.toLowerCase(Locale.ROOT))) {
          return Optional.of("argument '" + name + "' = '" + value + "'; expected one of " + choices);
        }
      }
      case NUMBER -> {
        double v;
        try {
          v = Double.parseDouble(value);
        } catch (NumberFormatException e) {
          return Optional.of("argument '" + name + "' = '" + value + "' is not a number" + unitHint());
        }
        if (!Double.isFinite(v)) {
          String range = Double.isFinite(min) || Double.isFinite(max) ? "; expected one in [" + min + ", " + max + "]" : "";
          return Optional.of("argument '" + name + "' = " + value + " is not a finite number" + range + unitHint());
        }
        if (v < min || v > max) {
          return Optional.of("argument '" + name + "' = " + value + " is outside [" + min + ", " + max + "]" + unitHint());
        }
      }
      case POINT -> {
        String[] parts = value.trim().split("\\s+");
        if (parts.length < 2 || parts.length > 3) {
          return Optional.of("argument '" + name + "' = '" + value + "'; expected \"x y\" or \"x y z\" in metres");
        }
        for (String p : parts) {
          try {
            if (!Double.isFinite(Double.parseDouble(p))) {
              return Optional.of("argument '" + name + "' has a non-finite coordinate: '" + value + "'");
            }
          } catch (NumberFormatException e) {
            return Optional.of("argument '" + name + "' = '" + value + "'; expected \"x y\" or \"x y z\" in metres");
          }
        }
      }
      default -> {
        for (int i = 0; i < value.length(); i++) {
          if (Character.isISOControl(value.charAt(i))) {
            return Optional.of("argument '" + name + "' contains a control character");
          }
        }
      }
    }
    return Optional.empty();
  }

  private String unitHint() {
    return unit.isEmpty() ? "" : " (" + unit + ")";
  }

  @Override
  public String toString() {
    return name + (required ? "" : "?") + ":" + type.name().toLowerCase(Locale.ROOT);
  }
}
