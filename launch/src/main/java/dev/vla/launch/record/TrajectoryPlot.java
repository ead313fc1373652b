package dev.vla.launch.record;

import dev.vla.sim.episode.Episode;
import dev.vla.sim.scenario.Region;
import dev.vla.sim.world.Body;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A top-down plot of an episode: the robot's path, furniture outlines, objects at start and end, regions. */
final class TrajectoryPlot {
  private TrajectoryPlot() {}

  static Path write(Path file, Episode episode, List<double[]> path, Map<String, double[]> start) throws IOException {
    XYChart chart = new XYChartBuilder().width(800).height(800).title(episode.sim().scenario().name() + " (top view, metres)")
        .xAxisTitle("x (m)").yAxisTitle("y (m)").build();
    chart.getStyler().setLegendVisible(true);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setMarkerSize(8);
    double[] bounds = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (Region r : episode.sim().scenario().regions()) {
      double x0 = r.cx() - r.width() / 2;
      double x1 = r.cx() + r.width() / 2;
      double y0 = r.cy() - r.height() / 2;
      double y1 = r.cy() + r.height() / 2;
      XYSeries s = chart.addSeries("region " + r.name(), new double[] {x0, x1, x1, x0, x0}, new double[] {y0, y0, y1, y1, y0});
      s.setMarker(SeriesMarkers.NONE);
      s.setLineColor(new Color(120, 170, 120));
      s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
      grow(bounds, x0, y0);
      grow(bounds, x1, y1);
    }
    for (Body b : episode.sim().bodies()) {
      if (b.removed() || b.tag().isEmpty()) {
        continue;
      }
      double[] bb = b.bounds();
      if (!Double.isFinite(bb[0])) {
        continue;
      }
      String color = b.tag().get().color();
      if (!b.graspable()) {
        XYSeries s = chart.addSeries(b.name(), new double[] {bb[0], bb[3], bb[3], bb[0], bb[0]},
            new double[] {bb[1], bb[1], bb[4], bb[4], bb[1]});
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colorOf(color));
        grow(bounds, bb[0], bb[1]);
        grow(bounds, bb[3], bb[4]);
      } else {
        double[] s0 = start.getOrDefault(b.name(), b.centre());
        double[] end = b.centre();
        XYSeries s = chart.addSeries(b.name() + " (start o, end x)", new double[] {s0[0], end[0]}, new double[] {s0[1], end[1]});
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(colorOf(color));
        s.setLineColor(colorOf(color));
        XYSeries e = chart.addSeries(b.name() + " end", new double[] {end[0]}, new double[] {end[1]});
        e.setMarker(SeriesMarkers.CROSS);
        e.setMarkerColor(colorOf(color));
        e.setShowInLegend(false);
        grow(bounds, s0[0], s0[1]);
        grow(bounds, end[0], end[1]);
      }
    }
    if (!path.isEmpty()) {
      double[] xs = new double[path.size()];
      double[] ys = new double[path.size()];
      for (int i = 0; i < path.size(); i++) {
        xs[i] = path.get(i)[1];
        ys[i] = path.get(i)[2];
        grow(bounds, xs[i], ys[i]);
      }
      XYSeries robot = chart.addSeries("robot path", xs, ys);
      robot.setMarker(SeriesMarkers.NONE);
      robot.setLineColor(Color.DARK_GRAY);
      robot.setLineStyle(new BasicStroke(2.5f));
      XYSeries startMark = chart.addSeries("robot start", new double[] {xs[0]}, new double[] {ys[0]});
      startMark.setMarker(SeriesMarkers.DIAMOND);
      startMark.setMarkerColor(Color.DARK_GRAY);
    }
    var collisions = episode.sim().collisions();
    if (!collisions.isEmpty()) {
      XYSeries s = chart.addSeries("base collisions", collisions.stream().mapToDouble(c -> c.x()).toArray(),
          collisions.stream().mapToDouble(c -> c.y()).toArray());
      s.setMarker(SeriesMarkers.TRIANGLE_UP);
      s.setMarkerColor(Color.RED);
      s.setLineStyle(new BasicStroke(0f));
      s.setLineColor(new Color(0, 0, 0, 0));
    }
    double span = Math.max(bounds[2] - bounds[0], bounds[3] - bounds[1]) / 2 + 0.3;
    double cx = (bounds[0] + bounds[2]) / 2;
    double cy = (bounds[1] + bounds[3]) / 2;
    chart.getStyler().setXAxisMin(cx - span).setXAxisMax(cx + span).setYAxisMin(cy - span).setYAxisMax(cy + span);
    BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    return file;
  }

  private static void grow(double[] b, double x, double y) {
    b[0] = Math.min(b[0], x);
    b[1] = Math.min(b[1], y);
    b[2] = Math.max(b[2], x);
    b[3] = Math.max(b[3], y);
  }

  static Color colorOf(String name) {
    return switch (name) {
      case "red" -> new Color(220, 40, 40);
      case "green" -> new Color(40, 170, 60);
      case "blue" -> new Color(40, 80, 220);
      case "yellow" -> new Color(230, 200, 30);
      case "orange" -> new Color(240, 140, 30);
      case "purple" -> new Color(140, 60, 180);
      case "white" -> new Color(170, 170, 170);
      default -> Color.BLACK;
    };
  }
}
