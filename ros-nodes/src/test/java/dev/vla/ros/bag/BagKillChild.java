package dev.vla.ros.bag;

import dev.vla.ros.Topics;
import dev.vla.ros.msg.StringMsg;
import dev.vla.ros.msg.Twist;
import java.nio.file.Path;

/**
 * The process {@link BagKillTest} kills: records into the bag at {@code args[0]} until killed, and says
 * {@code committed N} on stdout each time the count of committed messages grows.
 */
public final class BagKillChild {
  private BagKillChild() {}

  public static void main(String[] args) throws Exception {
    BagWriter w = BagWriter.create(Path.of(args[0]), BagWriter.Options.defaults());
    long said = 0;
    for (long i = 0; ; i++) {
      long stamp = i * 1_000_000L;
      w.write(Topics.CMD_VEL, stamp, Twist.planar(0.1 * (i % 10), 0));
      if (i % 10 == 0) {
        w.write(Topics.INSTRUCTION, stamp, new StringMsg("message " + i));
      }
      long committed = w.stats().committed();
      if (committed > said) {
        said = committed;
        System.out.println("committed " + committed);
        System.out.flush();
      }
      Thread.sleep(1);
    }
  }
}
