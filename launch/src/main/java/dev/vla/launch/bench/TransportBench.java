package dev.vla.launch.bench;

import dev.vla.ros.Topics;
import dev.vla.ros.dds.DdsSettings;
import dev.vla.ros.dds.DdsTransport;
import dev.vla.ros.msg.Header;
import dev.vla.ros.msg.Image;
import dev.vla.ros.transport.Publisher;
import dev.vla.ros.transport.Topic;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * VGA rgb8 frames at 30 Hz from one DDS participant to another, as a camera driver feeds the vla node:
 * publish (wall-clock stamp in the header) to the subscriber's callback, and whether every frame
 * arrived. Run twice: both participants in one JVM, and the subscriber in a process of its own, which
 * is what a separate camera driver node would be.
 */
public final class TransportBench {
  public static final Topic<Image> TOPIC = Topics.COLOR.renamed("/vla/bench/image");

  /** Latency and loss over one run. */
  public record Result(String where, Percentiles latency, long sent, long received, int lost) {
    public void print(PrintStream out) {
      latency.print(out);
      out.printf("%-44s sent %d, received %d, lost %d%n", "", sent, received, lost);
    }
  }

  /** How long the publish call itself takes (serialise and hand to DDS), over all runs. */
  public static final Histogram PUBLISH_MICROS = Percentiles.histogram();

  private TransportBench() {}

  private static long wallNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  /** Records latency and sequence numbers of counted frames (frame_id {@code bench/SEQ}, SEQ >= 0). */
  static final class Sink implements Consumer<Image> {
    final Histogram micros = Percentiles.histogram();
    final BitSet seen = new BitSet();
    final AtomicLong received = new AtomicLong();
    volatile boolean warm;

    @Override
    public void accept(Image m) {
      long latency = wallNanos() - m.header().stampNanos();
      long seq = Long.parseLong(m.header().frameId().substring("bench/".length()));
      warm = true;
      if (seq >= 0) {
        synchronized (this) {
          micros.recordValue(Math.max(0, latency / 1000));
          seen.set((int) seq);
        }
        received.incrementAndGet();
      }
    }
  }

  /** Publishes warm-up frames until {@code warm} says the subscriber is matched, then {@code frames} counted ones. */
  static long publish(Publisher<Image> pub, int width, int height, double hz, int frames,
      java.util.function.BooleanSupplier warm) throws InterruptedException {
    byte[] rgb = new byte[width * height * 3];
    new java.util.Random(1).nextBytes(rgb);
    long warmDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    for (int i = -1; !warm.getAsBoolean(); i--) {
      if (System.nanoTime() > warmDeadline) {
        throw new IllegalStateException("the subscriber never matched within 20 s");
      }
      pub.publish(Image.rgb8(new Header(wallNanos(), "bench/" + i), width, height, rgb));
      Thread.sleep(100);
    }
    Thread.sleep(500);
    long period = Math.round(1e9 / hz);
    long next = System.nanoTime();
    long sent = 0;
    for (int seq = 0; seq < frames; seq++) {
      long wait = next - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      // A fresh buffer per frame, as a camera driver hands over each frame.
      Image frame = Image.rgb8(new Header(wallNanos(), "bench/" + seq), width, height, rgb.clone());
      long t0 = System.nanoTime();
      if (pub.publish(frame)) {
        sent++;
      }
      PUBLISH_MICROS.recordValue((System.nanoTime() - t0) / 1000);
      next += period;
    }
    return sent;
  }

  /** Both participants in this JVM. */
  public static Result inProcess(DdsSettings s, int width, int height, double hz, int frames)
      throws InterruptedException {
    try (DdsTransport camera = new DdsTransport("bench_camera", s); DdsTransport vla = new DdsTransport("bench_vla", s)) {
      Sink sink = new Sink();
      vla.subscribe(TOPIC, sink);
      long sent = publish(camera.advertise(TOPIC), width, height, hz, frames, () -> sink.warm);
      Thread.sleep(500);
      return new Result("one process", Percentiles.of("VGA rgb8 30 Hz, two participants, one JVM", sink.micros), sent,
          sink.received.get(), frames - sink.seen.cardinality());
    }
  }

  /** The subscriber in a child JVM ({@code vla bench transport --sink}); it reports back on stdout. */
  public static Result crossProcess(DdsSettings dds, int width, int height, double hz, int frames) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    double seconds = frames / hz + 40;
    Process child = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        "dev.vla.launch.Main", "bench", "transport", "--sink", String.valueOf(seconds), "--frames",
        String.valueOf(frames)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    try (DdsTransport camera = new DdsTransport("bench_camera", dds)) {
      if (!"ready".equals(in.readLine())) {
        throw new IllegalStateException("the subscriber process did not start");
      }
      Publisher<Image> pub = camera.advertise(TOPIC);
      List<String> lines = new ArrayList<>();
      Thread reader = new Thread(() -> {
        try {
          for (String l = in.readLine(); l != null; l = in.readLine()) {
            synchronized (lines) {
              lines.add(l);
            }
          }
        } catch (java.io.IOException ignored) {
          // the child ended
        }
      });
      reader.start();
      long sent = publish(pub, width, height, hz, frames, () -> {
        synchronized (lines) {
          return lines.contains("warm");
        }
      });
      reader.join(TimeUnit.SECONDS.toMillis((long) seconds + 10));
      child.waitFor(10, TimeUnit.SECONDS);
      Histogram h = null;
      long received = 0;
      int lost = frames;
      for (String l : lines) {
        if (l.startsWith("histogram ")) {
          h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(l.substring(10))), 0);
        } else if (l.startsWith("received ")) {
          String[] f = l.split(" ");
          received = Long.parseLong(f[1]);
          lost = Integer.parseInt(f[3]);
        }
      }
      if (h == null) {
        throw new IllegalStateException("the subscriber process reported nothing: " + lines);
      }
      return new Result("two processes", Percentiles.of("VGA rgb8 30 Hz, two processes", h), sent, received, lost);
    } catch (DataFormatException e) {
      throw new IllegalStateException("unreadable histogram from the subscriber process", e);
    } finally {
      child.destroy();
    }
  }

  /** The child side: subscribe, say when warm, wait for the counted frames, report. */
  public static void sink(DdsSettings dds, double seconds, int frames, PrintStream out) throws InterruptedException {
    try (DdsTransport vla = new DdsTransport("bench_vla", dds)) {
      Sink sink = new Sink();
      vla.subscribe(TOPIC, sink);
      out.println("ready");
      out.flush();
      long deadline = System.nanoTime() + (long) (seconds * 1e9);
      while (!sink.warm && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      out.println("warm");
      out.flush();
      long quiet = System.nanoTime();
      long last = -1;
      while (System.nanoTime() < deadline && sink.received.get() < frames) {
        Thread.sleep(20);
        if (sink.received.get() != last) {
          last = sink.received.get();
          quiet = System.nanoTime();
        } else if (last > 0 && System.nanoTime() - quiet > 3_000_000_000L) {
          break; // the stream ended with frames missing
        }
      }
      synchronized (sink) {
        ByteBuffer buf = ByteBuffer.allocate(sink.micros.getNeededByteBufferCapacity());
        int n = sink.micros.encodeIntoCompressedByteBuffer(buf);
        out.println("histogram " + Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buf.array(), n)));
        out.println("received " + sink.received.get() + " lost " + (frames - sink.seen.cardinality()));
      }
      out.flush();
    }
  }
}
