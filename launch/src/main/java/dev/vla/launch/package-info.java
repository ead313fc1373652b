/**
 * The {@code vla} command line ({@code run}, {@code eval}, {@code bench}), episode recording for people
 * to look at, and the benchmarks' entry points.
 */
package dev.vla.launch;
