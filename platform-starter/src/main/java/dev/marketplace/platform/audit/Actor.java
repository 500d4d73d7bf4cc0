package dev.marketplace.platform.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who did something, and from where: the token's subject and roles, and the client's address with
 * its host part masked (an address is personal data; its network still says where from).
 */
public record Actor(String subject, List<String> roles, String clientAddress) {

  public static final String ANONYMOUS = "anonymous";

  /** The service itself, acting on a schedule. */
  public static Actor system() {
    return new Actor("system", List.of(), "internal");
  }

  /** The caller of the current request, or the system outside one. */
  public static Actor current() {
    HttpServletRequest request =
        RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
            ? attributes.getRequest()
            : null;
    return of(SecurityContextHolder.getContext().getAuthentication(), request);
  }

  public static Actor of(
      @Nullable Authentication authentication, @Nullable HttpServletRequest request) {
    String address = request == null ? "internal" : maskAddress(request.getRemoteAddr());
    if (authentication == null || !authentication.isAuthenticated()) {
      return new Actor(ANONYMOUS, List.of(), address);
    }
    List<String> roles =
        authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .filter(a -> a != null && a.startsWith("ROLE_"))
            .map(a -> a.substring("ROLE_".length()))
            .sorted()
            .toList();
    return new Actor(authentication.getName(), roles, address);
  }

  /** IPv4 keeps its /24, IPv6 its /48; anything unparsable is withheld. */
  public static String maskAddress(@Nullable String address) {
    // Only literals: getByName would look a host name up.
    if (address == null || !address.matches("[0-9A-Fa-f.:]{2,45}")) {
      return "unknown";
    }
    try {
      byte[] raw = InetAddress.getByName(address).getAddress();
      int keep = raw.length == 4 ? 3 : 6;
      for (int i = keep; i < raw.length; i++) {
        raw[i] = 0;
      }
      return InetAddress.getByAddress(raw).getHostAddress();
    } catch (IllegalArgumentException | UnknownHostException e) {
      return "unknown";
    }
  }

  public boolean isStaff() {
    return roles.contains("ADMIN") || roles.contains("SUPPORT");
  }
}
