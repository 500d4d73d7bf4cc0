package dev.marketplace.customer.account;

import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators disable an account (a compromised or abusive one) and enable it again. */
@RestController
class AccountAdminController {

  private final AccountService accounts;

  AccountAdminController(AccountService accounts) {
    this.accounts = accounts;
  }

  @Operation(summary = "Disable an account: sign-in and every token it holds stop working (admin)")
  @PostMapping("/api/v1/admin/accounts/{accountId}/disable")
  AccountStatusView disable(@PathVariable UUID accountId) {
    return AccountStatusView.of(accounts.disable(accountId));
  }

  @Operation(summary = "Enable a disabled account again (admin)")
  @PostMapping("/api/v1/admin/accounts/{accountId}/enable")
  AccountStatusView enable(@PathVariable UUID accountId) {
    return AccountStatusView.of(accounts.enable(accountId));
  }

  record AccountStatusView(UUID id, AccountStatus status) {
    static AccountStatusView of(Account account) {
      return new AccountStatusView(account.id(), account.status());
    }
  }
}
