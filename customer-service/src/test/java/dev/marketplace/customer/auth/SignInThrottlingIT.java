package dev.marketplace.customer.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.customer.CustomerIntegrationTest;
import dev.marketplace.testkit.OAuthClient;
import org.junit.jupiter.api.Test;

/** Password guessing stops after five failures: even the right password is refused for a while. */
class SignInThrottlingIT extends CustomerIntegrationTest {

  @Test
  void theSixthRapidSignInIsRefusedEvenWithTheRightPassword() {
    String email = newEmail("guessed");
    signUpVerified(email);
    OAuthClient browser = OAuthClient.at(baseUrl());

    for (int attempt = 1; attempt <= 5; attempt++) {
      OAuthClient.SignIn wrong = browser.signIn(email, "wrong password " + attempt);
      assertThat(wrong.rejected()).as("attempt %d", attempt).isTrue();
    }
    OAuthClient.SignIn sixth = browser.signIn(email, PASSWORD);
    OAuthClient.SignIn fromANewBrowser = OAuthClient.at(baseUrl()).signIn(email, PASSWORD);

    // The page says only "invalid credentials" (it must not tell a guesser which accounts exist
    // or are locked); that the right password fails shows the lock.
    assertThat(sixth.rejected()).isTrue();
    assertThat(fromANewBrowser.rejected()).isTrue();
  }

  @Test
  void anotherAccountIsNotLockedBySomeoneElsesFailures() {
    String victim = newEmail("victim");
    String bystander = newEmail("bystander");
    signUpVerified(victim);
    signUpVerified(bystander);
    OAuthClient attacker = OAuthClient.at(baseUrl());
    for (int attempt = 1; attempt <= 5; attempt++) {
      attacker.signIn(victim, "guess " + attempt);
    }

    OAuthClient.SignIn other = OAuthClient.at(baseUrl()).signIn(bystander, PASSWORD);

    assertThat(other.rejected()).isFalse();
  }

  @Test
  void failuresBelowTheLimitDoNotLockAndASuccessResetsTheCount() {
    String email = newEmail("forgetful");
    signUpVerified(email);
    OAuthClient browser = OAuthClient.at(baseUrl());
    for (int attempt = 1; attempt <= 4; attempt++) {
      browser.signIn(email, "typo " + attempt);
    }
    assertThat(OAuthClient.at(baseUrl()).signIn(email, PASSWORD).rejected()).isFalse();

    for (int attempt = 1; attempt <= 4; attempt++) {
      browser.signIn(email, "typo again " + attempt);
    }
    assertThat(OAuthClient.at(baseUrl()).signIn(email, PASSWORD).rejected()).isFalse();
  }
}
