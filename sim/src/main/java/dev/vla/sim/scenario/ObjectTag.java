package dev.vla.sim.scenario;

import java.util.Optional;

/**
 * The {@code <vla:object>} element of a model: what the task vocabulary calls it.
 *
 * @param category e.g. cube, bin, drawer (DESIGN §3 vocabulary)
 * @param color e.g. red
 * @param size small or large, if given
 * @param graspable whether the gripper may pick it up
 * @param container whether things can be put into it
 */
public record ObjectTag(String category, String color, Optional<String> size, boolean graspable, boolean container) {}
