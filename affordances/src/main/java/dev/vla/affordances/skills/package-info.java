/**
 * The standard skills of DESIGN §3 and the motion building blocks they share. Every skill acts on the
 * call's target point (odom frame) and the robot's measured state; none reads simulator ground truth.
 */
package dev.vla.affordances.skills;
