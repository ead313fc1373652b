package dev.vla.launch.dataset;

import dev.vla.model.perception.Proposals;
import dev.vla.model.perception.Tensorizer;
import dev.vla.model.vla.Labels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a batch of samples as one shard: one {@code .npy} per tensor plus a metadata line per sample. */
final class ShardWriter {
  private ShardWriter() {}

  static void write(Path dir, String shard, List<Sample> samples) throws IOException {
    int n = samples.size();
    int k = Proposals.MAX;
    int plane = Tensorizer.IMAGE_H * Tensorizer.IMAGE_W;
    int cropLen = k * 3 * Tensorizer.CROP * Tensorizer.CROP;
    byte[] rgb = new byte[n * 3 * plane];
    short[] depth = new short[n * plane];
    byte[] crops = new byte[n * cropLen];
    float[] objects = new float[n * k * Tensorizer.OBJECT_FEATURES];
    float[] mask = new float[n * k];
    long[] text = new long[n * Tensorizer.TEXT];
    float[] state = new float[n * Tensorizer.STATE];
    long[] skill = new long[n];
    long[] pointer = new long[n];
    float[] offset = new float[n * 2];
    long[] args = new long[n * Labels.ARGS];
    long[] color = new long[n * k];
    long[] category = new long[n * k];
    float[] outcome = new float[n];
    StringBuilder meta = new StringBuilder();
    for (int i = 0; i < n; i++) {
      Sample s = samples.get(i);
      System.arraycopy(s.input().rgb(), 0, rgb, i * 3 * plane, 3 * plane);
      System.arraycopy(s.input().depthMm(), 0, depth, i * plane, plane);
      System.arraycopy(s.input().crops(), 0, crops, i * cropLen, cropLen);
      System.arraycopy(s.input().objects(), 0, objects, i * k * Tensorizer.OBJECT_FEATURES, k * Tensorizer.OBJECT_FEATURES);
      System.arraycopy(s.input().objectMask(), 0, mask, i * k, k);
      System.arraycopy(s.input().text(), 0, text, i * Tensorizer.TEXT, Tensorizer.TEXT);
      System.arraycopy(s.input().state(), 0, state, i * Tensorizer.STATE, Tensorizer.STATE);
      skill[i] = s.labels().skill();
      pointer[i] = s.labels().pointer();
      offset[2 * i] = s.labels().offset()[0];
      offset[2 * i + 1] = s.labels().offset()[1];
      for (int a = 0; a < Labels.ARGS; a++) {
        args[i * Labels.ARGS + a] = s.labels().args()[a];
      }
      for (int j = 0; j < k; j++) {
        color[i * k + j] = s.slotColor()[j];
        category[i * k + j] = s.slotCategory()[j];
      }
      outcome[i] = s.outcome();
      meta.append(s.meta()).append('\n');
    }
    int h = Tensorizer.IMAGE_H;
    int w = Tensorizer.IMAGE_W;
    int c = Tensorizer.CROP;
    Npy.write(dir.resolve(shard + "_rgb.npy"), "|u1", new int[] {n, 3, h, w}, rgb);
    Npy.write(dir.resolve(shard + "_depth.npy"), "<u2", new int[] {n, h, w}, Npy.shorts(depth));
    Npy.write(dir.resolve(shard + "_crops.npy"), "|u1", new int[] {n, k, 3, c, c}, crops);
    Npy.write(dir.resolve(shard + "_objects.npy"), "<f4", new int[] {n, k, Tensorizer.OBJECT_FEATURES}, Npy.floats(objects));
    Npy.write(dir.resolve(shard + "_mask.npy"), "<f4", new int[] {n, k}, Npy.floats(mask));
    Npy.write(dir.resolve(shard + "_text.npy"), "<i8", new int[] {n, Tensorizer.TEXT}, Npy.longs(text));
    Npy.write(dir.resolve(shard + "_state.npy"), "<f4", new int[] {n, Tensorizer.STATE}, Npy.floats(state));
    Npy.write(dir.resolve(shard + "_skill.npy"), "<i8", new int[] {n}, Npy.longs(skill));
    Npy.write(dir.resolve(shard + "_pointer.npy"), "<i8", new int[] {n}, Npy.longs(pointer));
    Npy.write(dir.resolve(shard + "_offset.npy"), "<f4", new int[] {n, 2}, Npy.floats(offset));
    Npy.write(dir.resolve(shard + "_args.npy"), "<i8", new int[] {n, Labels.ARGS}, Npy.longs(args));
    Npy.write(dir.resolve(shard + "_color.npy"), "<i8", new int[] {n, k}, Npy.longs(color));
    Npy.write(dir.resolve(shard + "_category.npy"), "<i8", new int[] {n, k}, Npy.longs(category));
    Npy.write(dir.resolve(shard + "_outcome.npy"), "<f4", new int[] {n}, Npy.floats(outcome));
    Files.writeString(dir.resolve(shard + "_meta.jsonl"), meta, StandardCharsets.UTF_8);
  }
}
