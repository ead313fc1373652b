/**
 * Class-agnostic object proposals from an RGB-D frame, and the tensors the model reads. Shared by
 * dataset generation and inference, so the model is trained on exactly what it sees at run time.
 */
package dev.vla.model.perception;
