package dev.marketplace.revocation;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.marketplace.events.customer.AccessRevokedV1;
import dev.marketplace.events.customer.AccessRevokedV1.Reason;
import dev.marketplace.events.customer.AccessRevokedV1.Scope;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * What the revocation check adds to validating a token: CPU per token for decoding and validating
 * an RS256 access token as every resource server does, with and without the check, against a list
 * of 100,000 revocations, in one run. It prints figures and checks nothing; not part of the build
 * (its name is no {@code *Test}): {@code ./mvnw test -pl access-revocation
 * -Dtest=RevocationCheckBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class RevocationCheckBenchmark {

  private static final int TOKENS = 2_000;
  private static final int ROUNDS = 200_000;

  @Test
  void revocationCheckCostPerToken() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("bench").generate();
    RevocationList revocations = new RevocationList();
    for (int i = 0; i < 100_000; i++) {
      revocations.apply(
          new AccessRevokedV1(
              i % 2 == 0 ? Scope.SUBJECT : Scope.VENDOR,
              "revoked-" + i,
              Reason.CLIENT_ROTATED,
              Instant.now()));
    }
    String[] tokens = new String[TOKENS];
    for (int i = 0; i < TOKENS; i++) {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("bench").build(),
              new JWTClaimsSet.Builder()
                  .subject("vendor-user-" + i)
                  .claim("vendor_id", "vendor-" + i)
                  .claim("roles", List.of("VENDOR"))
                  .issueTime(new Date())
                  .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                  .build());
      jwt.sign(new RSASSASigner(key));
      tokens[i] = jwt.serialize();
    }
    NimbusJwtDecoder plain = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
    plain.setJwtValidator(JwtValidators.createDefault());
    NimbusJwtDecoder checked = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
    checked.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            JwtValidators.createDefault(), new NotRevoked(revocations)));
    NotRevoked alone = new NotRevoked(revocations);
    var decoded = java.util.Arrays.stream(tokens).map(plain::decode).toList();

    for (int warmup = 0; warmup < 3; warmup++) {
      cpuNanosPerToken(i -> plain.decode(tokens[i % TOKENS]), 20_000);
      cpuNanosPerToken(i -> checked.decode(tokens[i % TOKENS]), 20_000);
      cpuNanosPerToken(i -> alone.validate(decoded.get(i % TOKENS)), ROUNDS);
    }
    double plainNs = cpuNanosPerToken(i -> plain.decode(tokens[i % TOKENS]), 20_000);
    double checkedNs = cpuNanosPerToken(i -> checked.decode(tokens[i % TOKENS]), 20_000);
    double checkNs = cpuNanosPerToken(i -> alone.validate(decoded.get(i % TOKENS)), ROUNDS);
    System.out.printf(
        "BENCH revocation decode_validate_us=%.1f with_check_us=%.1f check_alone_ns=%.0f"
            + " check_share=%.4f revocations=100000%n",
        plainNs / 1000, checkedNs / 1000, checkNs, checkNs / plainNs);
    System.out.printf(
        "RESULT revocation check_cpu_ns_per_request=%.0f decode_cpu_us_per_request=%.1f%n",
        checkNs, plainNs / 1000);
  }

  private static double cpuNanosPerToken(java.util.function.IntConsumer work, int rounds) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < rounds; i++) {
      work.accept(i);
    }
    return (threads.getCurrentThreadCpuTime() - start) / (double) rounds;
  }
}
