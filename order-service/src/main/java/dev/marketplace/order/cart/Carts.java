package dev.marketplace.order.cart;

import dev.marketplace.order.config.OrderProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

/**
 * Carts in Redis: one hash per shopper (SKU → quantity) that expires after {@code cart-ttl} without
 * changes. A cart is a convenience, not a record: losing one loses no order.
 */
@Repository
public class Carts {

  /** KEYS[1]: the cart; ARGV: SKU, quantity, SKU, quantity, ... */
  private static final RedisScript<Long> REMOVE_ORDERED =
      RedisScript.of(
          """
          for i = 1, #ARGV, 2 do
            if redis.call('HGET', KEYS[1], ARGV[i]) == ARGV[i + 1] then
              redis.call('HDEL', KEYS[1], ARGV[i])
            end
          end
          return 0
          """,
          Long.class);

  private final StringRedisTemplate redis;
  private final OrderProperties properties;

  Carts(StringRedisTemplate redis, OrderProperties properties) {
    this.redis = redis;
    this.properties = properties;
  }

  public Map<String, Integer> items(String customerId) {
    Map<Object, Object> raw = redis.opsForHash().entries(key(customerId));
    Map<String, Integer> items = new TreeMap<>();
    raw.forEach((sku, quantity) -> items.put((String) sku, Integer.parseInt((String) quantity)));
    return new LinkedHashMap<>(items);
  }

  public void put(String customerId, String sku, int quantity) {
    redis.opsForHash().put(key(customerId), sku, Integer.toString(quantity));
    redis.expire(key(customerId), properties.cartTtl());
  }

  public void remove(String customerId, String sku) {
    redis.opsForHash().delete(key(customerId), sku);
  }

  public void clear(String customerId) {
    redis.delete(key(customerId));
  }

  /**
   * Removes the lines a checkout ordered, each only if its quantity is still the ordered one: a
   * line the shopper added or changed while the checkout ran (it may run for seconds under load, or
   * commit after the shopper's client gave up on it) stays in the cart. One script, so no change
   * can slip in between the check and the removal.
   */
  public void removeOrdered(String customerId, Map<String, Integer> ordered) {
    if (ordered.isEmpty()) {
      return;
    }
    Object[] skusAndQuantities = new Object[ordered.size() * 2];
    int i = 0;
    for (Map.Entry<String, Integer> line : ordered.entrySet()) {
      skusAndQuantities[i++] = line.getKey();
      skusAndQuantities[i++] = Integer.toString(line.getValue());
    }
    redis.execute(REMOVE_ORDERED, List.of(key(customerId)), skusAndQuantities);
  }

  private static String key(String customerId) {
    return "cart:" + customerId;
  }
}
