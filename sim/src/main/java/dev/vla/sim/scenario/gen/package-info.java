/**
 * Writing scenario files from code: furniture and object models in the contract's SDF form, and the
 * generator of the project's scenario sets.
 */
package dev.vla.sim.scenario.gen;
