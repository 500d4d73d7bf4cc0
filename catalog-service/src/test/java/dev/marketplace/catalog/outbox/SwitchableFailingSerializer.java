package dev.marketplace.catalog.outbox;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Fault injection at the edge: while {@link #failing} is set, every send fails inside the Kafka
 * client, the way a broken publisher would. The broker itself stays real.
 */
public class SwitchableFailingSerializer extends StringSerializer {

  static volatile boolean failing;

  @Override
  public byte[] serialize(String topic, String data) {
    if (failing) {
      throw new SerializationException("injected publisher failure");
    }
    return super.serialize(topic, data);
  }
}
