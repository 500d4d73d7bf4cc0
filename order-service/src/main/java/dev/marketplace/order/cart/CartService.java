package dev.marketplace.order.cart;

import dev.marketplace.order.catalog.ItemKey;
import dev.marketplace.order.catalog.SellableSku;
import dev.marketplace.order.catalog.SellableSkus;
import dev.marketplace.order.config.OrderProperties;
import dev.marketplace.order.money.Money;
import dev.marketplace.order.shipping.ShippingQuote;
import dev.marketplace.order.shipping.ShippingRates;
import dev.marketplace.platform.web.ConflictException;
import dev.marketplace.platform.web.InvalidFieldException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Adding to and reading a cart, checked against what the catalog sells now. */
@Service
public class CartService {

  private final Carts carts;
  private final SellableSkus skus;
  private final OrderProperties properties;
  private final ShippingRates shippingRates;

  CartService(
      Carts carts, SellableSkus skus, OrderProperties properties, ShippingRates shippingRates) {
    this.carts = carts;
    this.skus = skus;
    this.properties = properties;
    this.shippingRates = shippingRates;
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
    return view(customerId, null);
  }

  /** The cart priced now; with a destination country, each vendor part's shipping too. */
  public CartView view(String customerId, @Nullable String shipTo) {
    Map<ItemKey, Integer> items = carts.items(customerId);
    Map<ItemKey, SellableSku> known = skus.findAll(items.keySet());
    List<CartView.Line> lines = new ArrayList<>();
    Map<String, Money> itemsByVendor = new LinkedHashMap<>();
    Set<String> currencies = new HashSet<>();
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
      if (available) {
        currencies.add(sku.currency());
        if (currencies.size() == 1) {
          itemsByVendor.merge(
              sku.vendorId(),
              new Money(sku.priceMinor(), sku.currency()).times(item.getValue()),
              Money::plus);
        }
      }
    }
    if (currencies.size() != 1) {
      // Empty, nothing available, or mixed currencies: there is no single total.
      List<CartView.Part> parts =
          lines.stream()
              .map(CartView.Line::vendorId)
              .distinct()
              .map(v -> new CartView.Part(v, null, null, null, null))
              .toList();
      return new CartView(lines, parts, shipTo, null, null, null);
    }
    Money itemsTotal = itemsByVendor.values().stream().reduce(Money::plus).orElseThrow();
    ShippingQuote quote =
        shipTo == null
            ? null
            : ShippingQuote.of(
                itemsByVendor,
                shippingRates.to(itemsByVendor.keySet(), shipTo, itemsTotal.currency()));
    List<CartView.Part> parts = new ArrayList<>();
    itemsByVendor.forEach(
        (vendor, vendorItems) -> {
          Money shipping = quote == null ? null : quote.costFor(vendor).orElse(null);
          parts.add(
              new CartView.Part(
                  vendor,
                  price(vendorItems),
                  quote == null ? null : shipping != null,
                  shipping == null ? null : price(shipping),
                  shipping == null ? null : price(vendorItems.plus(shipping))));
        });
    Money shippingTotal =
        quote == null || !quote.shipsEverything()
            ? null
            : quote.costs().values().stream()
                .reduce(Money::plus)
                .orElse(Money.zero(itemsTotal.currency()));
    return new CartView(
        lines,
        parts,
        shipTo,
        price(itemsTotal),
        shippingTotal == null ? null : price(shippingTotal),
        quote == null
            ? price(itemsTotal)
            : shippingTotal == null ? null : price(itemsTotal.plus(shippingTotal)));
  }

  private static CartView.Price price(Money money) {
    return new CartView.Price(money.amountMinor(), money.currency());
  }
}
