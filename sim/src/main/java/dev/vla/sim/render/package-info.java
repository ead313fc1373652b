/**
 * The simulator's RGB-D head camera: a z-buffer rasteriser ({@link dev.vla.sim.render.Renderer})
 * that draws boxes, cylinders, spheres and planes ({@link dev.vla.sim.render.Solid}) into colour,
 * depth and per-pixel solid ids ({@link dev.vla.sim.render.RgbdFrame}) through a pinhole camera
 * ({@link dev.vla.sim.render.CameraModel}) looking along a REP-103 optical frame ({@link
 * dev.vla.sim.render.CameraPoses}); OpenCV does the image conversion, PNG encoding and sensor noise
 * ({@link dev.vla.sim.render.SensorEffects}).
 */
package dev.vla.sim.render;
