package dev.vla.launch.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vla.model.Decision;
import dev.vla.model.HistoryStep;
import dev.vla.model.Observation;
import dev.vla.model.Policy;
import dev.vla.model.perception.ModelInput;
import dev.vla.model.perception.Proposals;
import dev.vla.model.perception.Tensorizer;
import dev.vla.model.vla.Labels;
import dev.vla.model.vla.ModelSpec;
import dev.vla.sim.episode.Episode;
import dev.vla.sim.render.Lighting;
import dev.vla.sim.render.Renderer;
import dev.vla.sim.render.RgbdFrame;
import dev.vla.sim.scenario.ObjectTag;
import dev.vla.sim.world.Body;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Wraps the teacher (the oracle) and records every decision it makes as a training sample: the
 * model's inputs computed from the very observation the teacher saw, the call as labels, and, from
 * ground truth, each proposal's colour and category. Outcomes are filled in from the history the
 * next decision sees. One per episode; used on the episode's thread.
 */
final class RecordingTeacher implements Policy {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Policy teacher;
  private final Tensorizer tensorizer;
  private final Supplier<Episode> episode;
  private final Map<String, Object> episodeMeta;
  private final List<Sample> samples = new ArrayList<>();
  private Renderer renderer;
  private RgbdFrame ids;

  RecordingTeacher(Policy teacher, Tensorizer tensorizer, Supplier<Episode> episode, Map<String, Object> episodeMeta) {
    this.teacher = teacher;
    this.tensorizer = tensorizer;
    this.episode = episode;
    this.episodeMeta = episodeMeta;
  }

  @Override
  public String name() {
    return teacher.name();
  }

  @Override
  public boolean readsGroundTruth() {
    return true;
  }

  @Override
  public void reset() {
    teacher.reset();
  }

  @Override
  public Decision decide(Observation obs) {
    Decision d = teacher.decide(obs);
    fillOutcomes(obs.history());
    if (d.call().isPresent()) {
      Proposals.Result found = Proposals.find(obs);
      ModelInput input = tensorizer.tensors(obs, found);
      Labels labels = Labels.of(d.call().get(), input, found.labels(), obs.width());
      int[][] attributes = slotAttributes(found, obs.width());
      Map<String, Object> meta = new LinkedHashMap<>(episodeMeta);
      meta.put("step", samples.size());
      meta.put("instruction", obs.instruction());
      meta.put("call", d.call().get().toString());
      meta.put("proposals", found.proposals().size());
      samples.add(new Sample(input, labels, attributes[0], attributes[1], 1f, json(meta)));
    }
    return d;
  }

  /** Outcome of each recorded call, from the history: the i-th call is the i-th history step. */
  private void fillOutcomes(List<HistoryStep> history) {
    for (int i = 0; i < Math.min(history.size(), samples.size()); i++) {
      boolean ok = history.get(i).outcome() == dev.vla.affordances.SkillStatus.State.SUCCEEDED;
      samples.set(i, samples.get(i).withOutcome(ok ? 1f : 0f));
    }
  }

  /** Each slot's majority body in a noise-free id render, as colour and category classes. */
  private int[][] slotAttributes(Proposals.Result found, int width) {
    Episode e = episode.get();
    if (renderer == null) {
      renderer = new Renderer(e.sim().camera());
      ids = new RgbdFrame(e.sim().camera().width(), e.sim().camera().height());
    }
    renderer.render(e.sim().solids(), e.sim().worldFromOptical(), Lighting.standard(), ids);
    int k = Proposals.MAX;
    int[] color = new int[k];
    int[] category = new int[k];
    java.util.Arrays.fill(color, ModelSpec.IGNORE);
    java.util.Arrays.fill(category, ModelSpec.IGNORE);
    List<Map<Integer, Integer>> votes = new ArrayList<>();
    for (int s = 0; s < found.proposals().size(); s++) {
      votes.add(new java.util.HashMap<>());
    }
    int[] labels = found.labels();
    int[] idMap = ids.ids();
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] >= 0) {
        votes.get(labels[i]).merge(idMap[i], 1, Integer::sum);
      }
    }
    for (int s = 0; s < votes.size(); s++) {
      int body = votes.get(s).entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(-1);
      ObjectTag tag = e.sim().bodyById(body).flatMap(Body::tag).orElse(null);
      color[s] = tag == null ? ModelSpec.COLORS.indexOf("other") : ModelSpec.COLORS.indexOf(tag.color());
      category[s] = tag == null ? ModelSpec.CATEGORIES.indexOf("other") : ModelSpec.CATEGORIES.indexOf(tag.category());
    }
    return new int[][] {color, category};
  }

  List<Sample> samples() {
    return samples;
  }

  private static String json(Map<String, Object> m) {
    try {
      return JSON.writeValueAsString(m);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    teacher.close();
  }
}
