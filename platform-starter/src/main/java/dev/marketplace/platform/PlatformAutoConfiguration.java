package dev.marketplace.platform;

import dev.marketplace.platform.web.ProblemDetailsAdvice;
import dev.marketplace.platform.web.RequestSizeLimitFilter;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * Web defaults of every service: problem+json errors, the body size limit, OpenAPI, trace context.
 */
@AutoConfiguration
public class PlatformAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  TraceContext traceContext(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
    return new TraceContext(tracer.getIfAvailable(), propagator.getIfAvailable());
  }

  @Bean
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnMissingBean
  ProblemDetailsAdvice problemDetailsAdvice() {
    return new ProblemDetailsAdvice();
  }

  @Bean
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
      @Value("${marketplace.http.max-body-size:1MB}") DataSize maxBodySize, JsonMapper json) {
    FilterRegistrationBean<RequestSizeLimitFilter> registration =
        new FilterRegistrationBean<>(new RequestSizeLimitFilter(maxBodySize.toBytes(), json));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  @ConditionalOnProperty("marketplace.parent-pid")
  ParentProcessWatchdog parentProcessWatchdog(@Value("${marketplace.parent-pid}") long parentPid) {
    return new ParentProcessWatchdog(parentPid);
  }

  @Bean
  @ConditionalOnMissingBean
  OpenAPI platformOpenApi(@Value("${spring.application.name:service}") String name) {
    return new OpenAPI()
        .info(new Info().title(name).version("v1"))
        .components(
            new Components()
                .addSecuritySchemes(
                    "bearer",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }
}
