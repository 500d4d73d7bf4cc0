package dev.marketplace.customer.staff;

import dev.marketplace.customer.account.Account;
import dev.marketplace.customer.account.AccountRepository;
import dev.marketplace.customer.privacy.BlindIndex;
import dev.marketplace.platform.web.ConflictException;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts: created by an administrator, the first one from configuration. */
@Service
public class StaffService implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(StaffService.class);

  private final AccountRepository accounts;
  private final BlindIndex blindIndex;
  private final PasswordEncoder passwords;
  private final StaffProperties properties;
  private final Clock clock;

  StaffService(
      AccountRepository accounts,
      BlindIndex blindIndex,
      PasswordEncoder passwords,
      StaffProperties properties,
      Clock clock) {
    this.accounts = accounts;
    this.blindIndex = blindIndex;
    this.passwords = passwords;
    this.properties = properties;
    this.clock = clock;
  }

  @Transactional
  public Account create(String email, String password, List<StaffRole> roles) {
    String index = blindIndex.ofEmail(email);
    if (accounts.existsByEmailIndex(index)) {
      throw new ConflictException("An account with this email address already exists.");
    }
    return accounts.save(
        Account.staff(
            index,
            email.strip(),
            passwords.encode(password),
            roles.stream().map(Enum::name).toList(),
            clock.instant()));
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    String email = properties.email();
    String password = properties.password();
    // Unset environment variables arrive as empty strings: no administrator then.
    if (email == null
        || email.isBlank()
        || password == null
        || password.isBlank()
        || accounts.existsByEmailIndex(blindIndex.ofEmail(email))) {
      return;
    }
    create(email, password, List.of(StaffRole.ADMIN, StaffRole.SUPPORT));
    log.info("created the bootstrap administrator account");
  }

  /** What staff can be. */
  public enum StaffRole {
    SUPPORT,
    ADMIN
  }
}
