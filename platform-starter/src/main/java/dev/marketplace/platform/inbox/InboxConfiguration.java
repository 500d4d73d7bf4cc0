package dev.marketplace.platform.inbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The inbox for every service with a (PostgreSQL) DataSource. */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass({JdbcClient.class, DataSourceScriptDatabaseInitializer.class})
@ConditionalOnSingleCandidate(DataSource.class)
@EnableScheduling
public class InboxConfiguration {

  /**
   * Creates the table if it is missing ({@code CREATE ... IF NOT EXISTS}), like Modulith's registry
   * table; a service that manages its schema with Flyway can switch this off and own it.
   */
  @Bean
  @ConditionalOnBooleanProperty(
      name = "marketplace.inbox.schema-initialization",
      matchIfMissing = true)
  DataSourceScriptDatabaseInitializer inboxSchemaInitializer(DataSource dataSource) {
    DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
    settings.setSchemaLocations(
        List.of("classpath:dev/marketplace/platform/inbox/schema-postgresql.sql"));
    settings.setMode(DatabaseInitializationMode.ALWAYS);
    return new DataSourceScriptDatabaseInitializer(dataSource, settings);
  }

  @Bean
  @ConditionalOnMissingBean
  Inbox inbox(
      DataSource dataSource,
      PlatformTransactionManager transactions,
      ObjectProvider<Clock> clock,
      @Value("${marketplace.inbox.retention:P14D}") Duration retention) {
    return new Inbox(
        JdbcClient.create(dataSource),
        new TransactionTemplate(transactions),
        clock.getIfAvailable(Clock::systemUTC),
        retention);
  }
}
