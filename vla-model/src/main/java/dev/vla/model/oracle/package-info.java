/**
 * The {@code oracle} policy: plans from simulator ground truth (object identities, poses, visibility
 * and the scenario's goal predicates). It labels training data and gives the ceiling in evaluation;
 * every output that uses it says so. It points at pixels and goes through the same lifting and
 * skills as the other policies, so its ceiling includes perception-to-motion losses.
 */
package dev.vla.model.oracle;
