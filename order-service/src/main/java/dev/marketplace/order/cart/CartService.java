package dev.marketplace.order.cart;

import dev.marketplace.order.catalog.ItemKey;
import dev.marketplace.order.catalog.SellableSku;
import dev.marketplace.order.catalog.SellableSkus;
import dev.marketplace.order.config.OrderProperties;
import dev.marketplace.platform.web.ConflictException;
import dev.marketplace.platform.web.InvalidFieldException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Adding to and reading a cart, checked against what the catalog sells now. */
@Service
public class CartService {

  private final Carts carts;
  private final SellableSkus skus;
  private final OrderProperties properties;

  CartService(Carts carts, SellableSkus skus, OrderProperties properties) {
    this.carts = carts;
    this.skus = skus;
    this.properties = properties;
  }

  public CartView setQuantity(String customerId, ItemKey item, int quantity) {
    if (quantity < 1 || quantity > properties.maxQuantityPerLine()) {
      throw new InvalidFieldException(
          "quantity", "must be between 1 and " + properties.maxQuantityPerLine());
    }
    SellableSku sellable =
        skus.find(item)
            .filter(SellableSku::published)
            .orElseThrow(
                () -> new InvalidFieldException("sku", "is not a product this vendor has on sale"));
    Map<ItemKey, Integer> items = carts.items(customerId);
    if (!items.containsKey(sellable.key()) && items.size() >= properties.maxLinesPerCart()) {
      throw new ConflictException(
          "A cart holds at most " + properties.maxLinesPerCart() + " different products.");
    }
    carts.put(customerId, item, quantity);
    return view(customerId);
  }

  public CartView remove(String customerId, ItemKey item) {
    carts.remove(customerId, item);
    return view(customerId);
  }

  public void clear(String customerId) {
    carts.clear(customerId);
  }

  public CartView view(String customerId) {
    Map<ItemKey, Integer> items = carts.items(customerId);
    Map<ItemKey, SellableSku> known = skus.findAll(items.keySet());
    List<CartView.Line> lines = new ArrayList<>();
    long total = 0;
    String currency = null;
    boolean priced = true;
    for (Map.Entry<ItemKey, Integer> item : items.entrySet()) {
      SellableSku sku = known.get(item.getKey());
      boolean available = sku != null && sku.published();
      lines.add(
          new CartView.Line(
              item.getKey().vendorId(),
              item.getKey().sku(),
              item.getValue(),
              sku == null ? null : sku.name(),
              sku == null ? null : new CartView.Price(sku.priceMinor(), sku.currency()),
              available));
      if (available && (currency == null || currency.equals(sku.currency()))) {
        currency = sku.currency();
        total += sku.priceMinor() * item.getValue();
      } else if (available) {
        priced = false; // mixed currencies have no single total
      }
    }
    return new CartView(
        lines, priced && currency != null ? new CartView.Price(total, currency) : null);
  }
}
