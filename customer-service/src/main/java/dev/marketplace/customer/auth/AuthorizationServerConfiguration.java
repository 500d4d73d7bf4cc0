package dev.marketplace.customer.auth;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.marketplace.customer.access.AccessRevocations;
import dev.marketplace.customer.account.AccountRepository;
import dev.marketplace.customer.privacy.BlindIndex;
import dev.marketplace.customer.vendor.VendorApiClientRepository;
import dev.marketplace.customer.vendor.VendorService;
import dev.marketplace.platform.audit.AuditLog;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Spring Authorization Server with everything persistent in PostgreSQL (clients, authorizations,
 * consents), so any replica can continue a flow another one started. Three filter chains: the
 * protocol endpoints, the sign-in pages (a session), and the platform's stateless API chain for
 * everything else.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

  /** The endpoints machine clients call with their own credentials. */
  private static final RequestMatcher CLIENT_ENDPOINTS =
      new OrRequestMatcher(
          PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/oauth2/token"),
          PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/oauth2/revoke"),
          PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/oauth2/introspect"));

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
    http.oauth2AuthorizationServer(
            server -> {
              http.securityMatcher(server.getEndpointsMatcher());
              server.oidc(Customizer.withDefaults());
            })
        .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
        // A browser without a session is sent to sign in (the default, as the first mapping),
        // and the request is resumed afterwards; a machine client of the token endpoints is
        // told so as RFC 6749 says. "Accept: */*" is not a browser.
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), browsers())
                    .defaultAuthenticationEntryPointFor(
                        new MachineClientEntryPoint(), CLIENT_ENDPOINTS))
        .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()));
    return http.build();
  }

  private static MediaTypeRequestMatcher browsers() {
    MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
    html.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
    return html;
  }

  /**
   * The sign-in form. Its authentication manager has the throttled password check only, and no
   * parent: a parent manager would check a failed password a second time (and count it twice).
   */
  @Bean
  @Order(2)
  SecurityFilterChain signInChain(
      HttpSecurity http,
      AccountUserDetailsService users,
      PasswordEncoder passwords,
      LoginThrottle throttle,
      BlindIndex blindIndex,
      AuthProperties properties,
      AuditLog audit)
      throws Exception {
    DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(users);
    passwordCheck.setPasswordEncoder(passwords);
    ThrottledSignIn signIn =
        new ThrottledSignIn(passwordCheck, throttle, blindIndex, properties.login(), audit);
    http.securityMatcher("/login", "/logout", "/default-ui.css")
        .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
        .authenticationManager(new ProviderManager(signIn))
        .formLogin(Customizer.withDefaults())
        .logout(Customizer.withDefaults());
    return http.build();
  }

  /** bcrypt by default; the {id} prefix lets the algorithm change without a mass reset. */
  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  SigningKeys signingKeys(AuthProperties properties) {
    return new SigningKeys(properties.signingKeys());
  }

  /** Published at {@code /oauth2/jwks}: every configured key (public parts only). */
  @Bean
  JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
    return new ImmutableJWKSet<>(keys.all());
  }

  /** Signs with the active key only. */
  @Bean
  JwtEncoder jwtEncoder(SigningKeys keys) {
    return new NimbusJwtEncoder(new ImmutableJWKSet<>(keys.active()));
  }

  /**
   * Validates tokens for this service's own API and the userinfo endpoint, against the same keys
   * and with the same rules as every other service: issuer, audience, and the validators every
   * resource server gets (the revocation list).
   */
  @Bean
  JwtDecoder jwtDecoder(
      SigningKeys keys,
      AuthProperties properties,
      ObjectProvider<OAuth2TokenValidator<Jwt>> additionalValidators) {
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(keys.all())).build();
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    validators.add(JwtValidators.createDefaultWithIssuer(properties.issuer()));
    validators.add(
        new JwtClaimValidator<List<String>>(
            JwtClaimNames.AUD, aud -> aud != null && aud.contains(properties.audience())));
    additionalValidators.orderedStream().forEach(validators::add);
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
    return decoder;
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings(AuthProperties properties) {
    return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
  }

  @Bean
  RegisteredClientRepository registeredClientRepository(
      JdbcOperations jdbc, VendorApiClientRepository vendorClients, VendorService vendors) {
    return new VendorClientGate(new JdbcRegisteredClientRepository(jdbc), vendorClients, vendors);
  }

  @Bean
  OAuth2AuthorizationService authorizationService(
      JdbcOperations jdbc, RegisteredClientRepository clients) {
    return new JdbcOAuth2AuthorizationService(jdbc, clients);
  }

  @Bean
  OAuth2AuthorizationConsentService authorizationConsentService(
      JdbcOperations jdbc, RegisteredClientRepository clients) {
    return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
  }

  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(
      AccountRepository accounts,
      VendorApiClientRepository vendorClients,
      VendorService vendors,
      AccessRevocations revocations,
      AuthProperties properties) {
    return new TokenClaims(accounts, vendorClients, vendors, revocations, properties.audience());
  }

  @Bean
  FirstPartyClients firstPartyClients(
      RegisteredClientRepository clients, PasswordEncoder passwords, AuthProperties properties) {
    return new FirstPartyClients(clients, passwords, properties);
  }
}
