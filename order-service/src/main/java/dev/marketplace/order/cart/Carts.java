package dev.marketplace.order.cart;

import dev.marketplace.order.catalog.ItemKey;
import dev.marketplace.order.config.OrderProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

/**
 * Carts in Redis: one hash per shopper (item → quantity, the item as {@link ItemKey#field()}) that
 * expires after {@code cart-ttl} without changes. A cart is a convenience, not a record: losing one
 * loses no order, and a line from before items were keyed by vendor is dropped rather than guessed.
 */
@Repository
public class Carts {

  /** KEYS[1]: the cart; ARGV: item, quantity, item, quantity, ... */
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

  public Map<ItemKey, Integer> items(String customerId) {
    Map<Object, Object> raw = redis.opsForHash().entries(key(customerId));
    Map<String, Integer> sorted = new TreeMap<>();
    raw.forEach((item, quantity) -> sorted.put((String) item, Integer.parseInt((String) quantity)));
    Map<ItemKey, Integer> items = new LinkedHashMap<>();
    sorted.forEach(
        (field, quantity) -> {
          ItemKey item = ItemKey.parse(field);
          if (item != null) {
            items.put(item, quantity);
          }
        });
    return items;
  }

  public void put(String customerId, ItemKey item, int quantity) {
    redis.opsForHash().put(key(customerId), item.field(), Integer.toString(quantity));
    redis.expire(key(customerId), properties.cartTtl());
  }

  public void remove(String customerId, ItemKey item) {
    redis.opsForHash().delete(key(customerId), item.field());
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
  public void removeOrdered(String customerId, Map<ItemKey, Integer> ordered) {
    if (ordered.isEmpty()) {
      return;
    }
    Object[] itemsAndQuantities = new Object[ordered.size() * 2];
    int i = 0;
    for (Map.Entry<ItemKey, Integer> line : ordered.entrySet()) {
      itemsAndQuantities[i++] = line.getKey().field();
      itemsAndQuantities[i++] = Integer.toString(line.getValue());
    }
    redis.execute(REMOVE_ORDERED, List.of(key(customerId)), itemsAndQuantities);
  }

  private static String key(String customerId) {
    return "cart:" + customerId;
  }
}
