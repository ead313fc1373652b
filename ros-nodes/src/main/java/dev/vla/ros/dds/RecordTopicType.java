package dev.vla.ros.dds;

import java.io.IOException;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import us.ihmc.idl.CDR;
import us.ihmc.idl.InterchangeSerializer;
import us.ihmc.pubsub.TopicDataType;
import us.ihmc.pubsub.common.SerializedPayload;

/**
 * Adapts a {@link MessageCodec} of an immutable message record to IHMC's {@link TopicDataType}, which
 * deserialises into a caller-owned mutable object: that object is a {@link Box} holding the record.
 */
final class RecordTopicType<T> implements TopicDataType<RecordTopicType.Box<T>> {
  /** The mutable holder the pub-sub layer reads into and writes from. */
  static final class Box<T> {
    T value;
  }

  private final MessageCodec<T> codec;
  private final String rosType;

  RecordTopicType(MessageCodec<T> codec, String rosType) {
    this.codec = codec;
    this.rosType = rosType;
  }

  @Override
  public void serialize(Box<T> data, SerializedPayload payload) throws IOException {
    ByteBuffer buf = payload.getData();
    buf.clear();
    try {
      codec.write(data.value, new CdrWriter(buf));
    } catch (BufferOverflowException e) {
      throw new IOException(rosType + " message is larger than its " + codec.maxSize() + "-byte limit");
    }
    buf.flip();
    payload.setEncapsulation(SerializedPayload.CDR_LE);
    payload.setLength(buf.limit());
  }

  @Override
  public void deserialize(SerializedPayload payload, Box<T> data) throws IOException {
    ByteBuffer buf = payload.getData();
    buf.position(0).limit(payload.getLength());
    data.value = codec.read(new CdrReader(buf));
  }

  @Override
  public void serialize(Box<T> data, InterchangeSerializer serializer) {
    throw new UnsupportedOperationException(rosType + " travels as CDR only");
  }

  @Override
  public void deserialize(InterchangeSerializer serializer, Box<T> data) {
    throw new UnsupportedOperationException(rosType + " travels as CDR only");
  }

  @Override
  public void serialize(Box<T> data, CDR cdr) {
    throw new UnsupportedOperationException(rosType + " is written through CdrWriter");
  }

  @Override
  public void deserialize(Box<T> data, CDR cdr) {
    throw new UnsupportedOperationException(rosType + " is read through CdrReader");
  }

  @Override
  public void copy(Box<T> src, Box<T> dest) {
    dest.value = src.value;
  }

  @Override
  public int getTypeSize() {
    return codec.maxSize();
  }

  @Override
  public String getName() {
    return codec.ddsTypeName();
  }

  @Override
  public Box<T> createData() {
    return new Box<>();
  }

  @Override
  public TopicDataType<Box<T>> newInstance() {
    return new RecordTopicType<>(codec, rosType);
  }
}
