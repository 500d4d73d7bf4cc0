package dev.marketplace.order.cart;

import dev.marketplace.order.config.OrderProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Repository;

/**
 * Carts in Redis: one hash per shopper (SKU → quantity) that expires after {@code cart-ttl} without
 * changes. A cart is a convenience, not a record: losing one loses no order.
 */
@Repository
public class Carts {

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

  private static String key(String customerId) {
    return "cart:" + customerId;
  }
}
