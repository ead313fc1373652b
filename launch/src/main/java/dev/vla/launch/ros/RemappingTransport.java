package dev.vla.launch.ros;

import dev.vla.ros.transport.Publisher;
import dev.vla.ros.transport.Topic;
import dev.vla.ros.transport.Transport;
import java.util.Map;
import java.util.function.Consumer;

/** Topic remapping ({@code -r /cmd_vel:=/base/cmd_vel}): a node sees its own names, the graph sees the new ones. */
public final class RemappingTransport implements Transport {
  private final Transport inner;
  private final Map<String, String> remaps;

  public RemappingTransport(Transport inner, Map<String, String> remaps) {
    this.inner = inner;
    this.remaps = Map.copyOf(remaps);
  }

  private <T> Topic<T> map(Topic<T> topic) {
    String to = remaps.get(topic.name());
    return to == null ? topic : topic.renamed(to);
  }

  @Override
  public <T> Publisher<T> advertise(Topic<T> topic) {
    return inner.advertise(map(topic));
  }

  @Override
  public <T> AutoCloseable subscribe(Topic<T> topic, Consumer<T> callback) {
    return inner.subscribe(map(topic), callback);
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public void close() {
    inner.close();
  }
}
