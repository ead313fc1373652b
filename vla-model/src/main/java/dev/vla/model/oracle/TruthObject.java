package dev.vla.model.oracle;

import dev.vla.affordances.Pixel;
import java.util.Optional;

/**
 * Ground truth about one tagged model at decision time.
 *
 * @param name model name
 * @param category vocabulary category
 * @param color vocabulary colour
 * @param size small/large when tagged
 * @param graspable may be picked up
 * @param container things go into it
 * @param drawer has a prismatic joint
 * @param odomX centre x in the odom frame, metres
 * @param odomY centre y in the odom frame, metres
 * @param distance horizontal distance from the robot base centre, metres
 * @param targetPixel where a policy should point for it: the top centre for objects and containers, the
 *     handle for drawers, a free spot for surfaces; empty when not visible in the current image
 * @param approachFirst the target pixel is only where to drive to (a container whose floor is hidden
 *     behind its near wall from here)
 * @param glimpse a pixel of it the camera sees (its visible centroid), when any
 * @param bearing direction from the robot's heading to it, radians, positive to the left
 * @param visiblePixels how many pixels of it the camera sees
 * @param drawerOpening drawer joint position as a fraction of its travel (0 closed, 1 open); NaN for non-drawers
 */
public record TruthObject(
    String name,
    String category,
    String color,
    Optional<String> size,
    boolean graspable,
    boolean container,
    boolean drawer,
    double odomX,
    double odomY,
    double distance,
    Optional<Pixel> targetPixel,
    boolean approachFirst,
    Optional<Pixel> glimpse,
    double bearing,
    int visiblePixels,
    double drawerOpening) {

  public boolean visible() {
    return targetPixel.isPresent();
  }

  /** How a person would name it: "small red cube". */
  public String description() {
    return (size.map(s -> s + " ").orElse("") + color + " " + category).trim();
  }
}
