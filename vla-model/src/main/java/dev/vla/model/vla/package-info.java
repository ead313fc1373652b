/**
 * The {@code vla} policy: the trained vision-language-action model in ONNX Runtime, what its output
 * heads mean, and how a decision is decoded from them.
 */
package dev.vla.model.vla;
