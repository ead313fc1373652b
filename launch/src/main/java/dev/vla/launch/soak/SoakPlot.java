package dev.vla.launch.soak;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/** The soak's samples over time as one picture: memory, threads and files, decision latency. */
public final class SoakPlot {
  private SoakPlot() {}

  public static void write(Soak.Result r, Path file) throws IOException {
    List<Soak.Sample> s = r.samples();
    double[] t = s.stream().mapToDouble(x -> x.t() / 60).toArray();
    XYChart memory = chart("Memory (heap after full GC, resident set)", "MB");
    memory.addSeries("heap after GC (right axis)", t, values(s, x -> x.heapAfterGcMb())).setYAxisGroup(1);
    memory.setYAxisGroupTitle(1, "heap MB");
    memory.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
    memory.addSeries("resident", t, values(s, x -> x.rssMb()));
    XYChart handles = chart("Threads and open files", "count");
    handles.addSeries("threads", t, values(s, x -> x.threads()));
    handles.addSeries("open files", t, values(s, x -> x.openFiles()));
    XYChart latency = chart("Decision latency per interval (policy.decide, wall)", "ms");
    latency.addSeries("p50", t, values(s, x -> Double.isNaN(x.decideP50Ms()) ? 0 : x.decideP50Ms()));
    latency.addSeries("p99", t, values(s, x -> Double.isNaN(x.decideP99Ms()) ? 0 : x.decideP99Ms()));
    XYChart episodes = chart("Episodes so far", "episodes");
    episodes.addSeries("run", t, values(s, x -> x.episodes()));
    episodes.addSeries("succeeded", t, values(s, x -> x.succeeded()));
    BitmapEncoder.saveBitmap(List.of(memory, handles, latency, episodes), 2, 2, file.toString(),
        BitmapEncoder.BitmapFormat.PNG);
  }

  private static XYChart chart(String title, String y) {
    XYChart c = new XYChartBuilder().width(640).height(400).title(title).xAxisTitle("minutes").yAxisTitle(y).build();
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
    c.getStyler().setMarkerSize(4);
    return c;
  }

  private static double[] values(List<Soak.Sample> s, ToDoubleFunction<Soak.Sample> f) {
    return s.stream().mapToDouble(f).toArray();
  }
}
