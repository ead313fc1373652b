/**
 * The {@code keyword} baseline: a rule parser over the vocabulary plus colour segmentation in OpenCV
 * and depth lifting. The classical approach a user could build in a day, built to do well, so that
 * the model's margin over it means something.
 */
package dev.vla.model.baseline;
