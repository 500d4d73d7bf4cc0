package dev.marketplace.platform;

import dev.marketplace.platform.web.ProblemDetailsAdvice;
import dev.marketplace.platform.web.ProblemErrorController;
import dev.marketplace.platform.web.ProblemErrorReportValve;
import dev.marketplace.platform.web.ProblemResponsesInOpenApi;
import dev.marketplace.platform.web.QueryStringFilter;
import dev.marketplace.platform.web.RequestSizeLimitFilter;
import dev.marketplace.platform.web.StrictJson;
import dev.marketplace.platform.web.UnknownQueryParameters;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.Duration;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Web defaults of every service: problem+json errors (from controllers, filters, the error page and
 * Tomcat itself), the body size limit, strict query strings, OpenAPI, trace context.
 */
@AutoConfiguration(
    beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
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
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  FilterRegistrationBean<QueryStringFilter> queryStringFilter(JsonMapper json) {
    FilterRegistrationBean<QueryStringFilter> registration =
        new FilterRegistrationBean<>(new QueryStringFilter(json));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }

  @Bean
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnMissingBean(ErrorController.class)
  ProblemErrorController problemErrorController() {
    return new ProblemErrorController();
  }

  /**
   * Request bodies are read strictly ({@link StrictJson}), and only they: the service's own JSON
   * (its outbox, stored answers) is read back with the application's mapper, as it was written.
   */
  @Bean
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  WebMvcConfigurer strictRequests(JsonMapper json) {
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new UnknownQueryParameters()).addPathPatterns("/api/**");
      }

      @Override
      public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
        converters.withJsonConverter(
            new JacksonJsonHttpMessageConverter(StrictJson.apply(json.rebuild())));
      }
    };
  }

  /**
   * Tomcat answers its own refusals as problems, and a request body that stops arriving fails after
   * {@code marketplace.http.body-read-timeout} instead of holding a thread for a minute; idle
   * keep-alive connections (the gateway's pool) still live as long as before.
   */
  @Bean
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemTomcat(
      @Value("${marketplace.http.body-read-timeout:3s}") Duration bodyReadTimeout) {
    return factory -> {
      factory.addContextCustomizers(
          context -> {
            if (context.getParent() instanceof StandardHost host) {
              host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
          });
      // The upload timeout applies only while a body is read; connectionTimeout would also cut
      // off a response a slow client takes a while to read.
      factory.addConnectorCustomizers(
          connector -> {
            connector.setProperty("disableUploadTimeout", "false");
            connector.setProperty(
                "connectionUploadTimeout", Long.toString(bodyReadTimeout.toMillis()));
          });
    };
  }

  @Bean
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  ProblemResponsesInOpenApi problemResponsesInOpenApi() {
    return new ProblemResponsesInOpenApi();
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
