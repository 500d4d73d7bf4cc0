package dev.marketplace.payment.provider.simulated;

import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The simulator is the provider unless another one is configured ({@code
 * marketplace.payment.provider}). Its tables are its own, created if missing, and not part of
 * payment-service's Flyway schema: a real provider keeps this state on its side.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(
    name = "marketplace.payment.provider",
    havingValue = "simulated",
    matchIfMissing = true)
class SimulatedProviderConfiguration {

  @Bean
  DataSourceScriptDatabaseInitializer simulatedProviderSchema(DataSource dataSource) {
    DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
    settings.setSchemaLocations(
        List.of("classpath:dev/marketplace/payment/provider/simulated/schema.sql"));
    settings.setMode(DatabaseInitializationMode.ALWAYS);
    return new DataSourceScriptDatabaseInitializer(dataSource, settings);
  }

  /**
   * Its own transactions (REQUIRES_NEW): a provider's effects stand whatever happens to the
   * caller's transaction.
   */
  @Bean
  SimulatedProvider simulatedProvider(
      DataSource dataSource,
      PlatformTransactionManager transactions,
      SimulatedProviderProperties properties,
      Clock clock) {
    TransactionTemplate ownTransaction = new TransactionTemplate(transactions);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    return new SimulatedProvider(JdbcClient.create(dataSource), ownTransaction, properties, clock);
  }
}
