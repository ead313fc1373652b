package dev.vla.ros.msg;

/**
 * vla_interfaces/AudioChunk: a block of signed 16-bit PCM samples, interleaved when
 * {@code channels > 1}; {@code header.stamp} is the time of the first sample.
 */
public record AudioChunk(Header header, int sampleRate, int channels, short[] samples) {
  public static final int SPEECH_RATE = 16_000;
}
