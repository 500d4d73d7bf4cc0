package dev.marketplace.payment.card;

import dev.marketplace.payment.provider.PaymentProvider;
import dev.marketplace.platform.web.NotFoundException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds a shopper's card (validate, tokenise at the provider, keep the token) and finds cards. */
@Service
public class PaymentMethodService {

  private final PaymentMethodRepository methods;
  private final PaymentProvider provider;
  private final Clock clock;

  PaymentMethodService(PaymentMethodRepository methods, PaymentProvider provider, Clock clock) {
    this.methods = methods;
    this.provider = provider;
    this.clock = clock;
  }

  /**
   * The provider is called before, not inside, the transaction: a slow provider must not hold a
   * database connection, and a token the provider issued for a card we then fail to save is
   * harmless (it charges nothing and is never referenced).
   */
  public PaymentMethod add(String customerId, CardRequest request) {
    CardDetails card =
        CardDetails.of(
            request.number(),
            request.expiryMonth(),
            request.expiryYear(),
            request.cvc(),
            request.holderName(),
            YearMonth.now(clock));
    String token = provider.tokenize(card);
    return methods.save(new PaymentMethod(customerId, token, card, clock.instant()));
  }

  @Transactional(readOnly = true)
  public Page<PaymentMethod> list(String customerId, Pageable page) {
    return methods.findByCustomerId(customerId, page);
  }

  /** Another shopper's card is "not found": its existence is not theirs to learn. */
  @Transactional(readOnly = true)
  public PaymentMethod get(String customerId, UUID id) {
    return methods
        .findByIdAndCustomerId(id, customerId)
        .orElseThrow(() -> new NotFoundException("No payment method " + id + "."));
  }

  /** The card behind a saga's card token, if the token names one of ours. */
  @Transactional(readOnly = true)
  public Optional<PaymentMethod> byToken(String cardToken) {
    try {
      return methods.findById(UUID.fromString(cardToken));
    } catch (IllegalArgumentException notAUuid) {
      return Optional.empty();
    }
  }
}
