package dev.marketplace.customer.auth;

import dev.marketplace.customer.account.AccountRepository;
import dev.marketplace.customer.account.AccountStatus;
import dev.marketplace.customer.privacy.BlindIndex;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs in by email address; the signed-in principal's name is the account id, so tokens, sessions
 * and the authorization tables hold an id, never the address.
 */
@Component
class AccountUserDetailsService implements UserDetailsService {

  private final AccountRepository accounts;
  private final BlindIndex blindIndex;

  AccountUserDetailsService(AccountRepository accounts, BlindIndex blindIndex) {
    this.accounts = accounts;
    this.blindIndex = blindIndex;
  }

  @Override
  @Transactional(readOnly = true)
  public UserDetails loadUserByUsername(String email) {
    return accounts
        .findByEmailIndex(blindIndex.ofEmail(email))
        .filter(a -> a.status() != AccountStatus.ERASED && a.passwordHash() != null)
        .map(
            a ->
                User.withUsername(a.id().toString())
                    .password(a.passwordHash())
                    // Unverified shoppers are "disabled": they see why sign-in failed.
                    .disabled(a.status() != AccountStatus.ACTIVE)
                    .authorities(
                        AuthorityUtils.createAuthorityList(
                            a.roles().stream().map(r -> "ROLE_" + r).toList()))
                    .build())
        .orElseThrow(() -> new UsernameNotFoundException("no account"));
  }
}
