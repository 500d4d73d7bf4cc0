package dev.marketplace.customer.auth;

import dev.marketplace.customer.privacy.BlindIndex;
import dev.marketplace.events.audit.AuditEventRecordedV1.Outcome;
import dev.marketplace.platform.audit.Actor;
import dev.marketplace.platform.audit.AuditLog;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in with throttling around it: a locked account or address is refused before the
 * password is checked (so guessing stops), failures count against both, and a success clears the
 * account's count. Unknown addresses count too, so responses do not reveal which accounts exist.
 */
class ThrottledSignIn implements AuthenticationProvider {

  private static final String LOCKED_MESSAGE = "Too many failed sign-ins. Try again later.";

  private final AuthenticationProvider passwords;
  private final LoginThrottle throttle;
  private final BlindIndex blindIndex;
  private final AuthProperties.Login settings;
  private final AuditLog audit;

  ThrottledSignIn(
      AuthenticationProvider passwords,
      LoginThrottle throttle,
      BlindIndex blindIndex,
      AuthProperties.Login settings,
      AuditLog audit) {
    this.audit = audit;
    this.passwords = passwords;
    this.throttle = throttle;
    this.blindIndex = blindIndex;
    this.settings = settings;
  }

  @Override
  public @Nullable Authentication authenticate(Authentication authentication) {
    String accountKey = "account:" + blindIndex.ofEmail(authentication.getName());
    String addressKey = "address:" + clientAddress(authentication);
    if (throttle.locked(accountKey) || throttle.locked(addressKey)) {
      throw new LockedException(LOCKED_MESSAGE);
    }
    try {
      Authentication result = passwords.authenticate(authentication);
      throttle.succeeded(accountKey);
      return result;
    } catch (BadCredentialsException e) {
      if (throttle.failed(accountKey, settings.maxFailuresPerAccount())) {
        // The blind index, shortened: enough to tell lockouts of one account apart, not to look
        // the address up.
        lockedOut("account:" + accountKey.substring("account:".length(), "account:".length() + 12));
      }
      if (throttle.failed(addressKey, settings.maxFailuresPerAddress())) {
        lockedOut("address:" + Actor.maskAddress(clientAddress(authentication)));
      }
      throw e;
    }
  }

  private void lockedOut(String what) {
    audit.record("sign-in.lockout", what, Outcome.DENIED);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private static String clientAddress(Authentication authentication) {
    return authentication.getDetails() instanceof WebAuthenticationDetails details
            && details.getRemoteAddress() != null
        ? details.getRemoteAddress()
        : "unknown";
  }
}
