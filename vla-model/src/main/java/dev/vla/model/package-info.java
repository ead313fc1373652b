/**
 * The policy contract and what turns model outputs into affordance calls: observations, decisions,
 * and lifting a target pixel to a 3D point. Implementations live in sub-packages: the trained
 * model's ONNX Runtime policy, the {@code keyword} baseline, and the {@code oracle} that reads
 * simulator ground truth. This package knows nothing of ROS or of the simulator.
 */
package dev.vla.model;
