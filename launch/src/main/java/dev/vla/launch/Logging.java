package dev.vla.launch;

import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One line per log event on stderr: {@code [stage] LEVEL message}. Stack traces only for bugs
 * (records that carry a throwable at SEVERE).
 */
public final class Logging {
  private Logging() {}

  public static void configure() {
    Logger root = Logger.getLogger("");
    for (Handler h : root.getHandlers()) {
      root.removeHandler(h);
    }
    ConsoleHandler handler = new ConsoleHandler();
    handler.setFormatter(new Formatter() {
      @Override
      public String format(LogRecord r) {
        String level = r.getLevel() == Level.INFO ? "" : r.getLevel() == Level.SEVERE ? "ERROR " : r.getLevel() + " ";
        StringBuilder sb = new StringBuilder().append('[').append(r.getLoggerName()).append("] ").append(level)
            .append(formatMessage(r)).append('\n');
        if (r.getThrown() != null && r.getLevel() == Level.SEVERE) {
          java.io.StringWriter w = new java.io.StringWriter();
          r.getThrown().printStackTrace(new java.io.PrintWriter(w));
          sb.append(w);
        }
        return sb.toString();
      }
    });
    handler.setLevel(Level.ALL);
    root.addHandler(handler);
    root.setLevel(Level.WARNING);
    String verbose = System.getenv("VLA_LOG");
    if (verbose != null && verbose.equalsIgnoreCase("debug")) {
      root.setLevel(Level.INFO);
    }
  }
}
