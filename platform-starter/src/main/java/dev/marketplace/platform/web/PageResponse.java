package dev.marketplace.platform.web;

import java.util.List;
import java.util.function.Function;

/** The one envelope every paginated list uses. Pages count from 0. */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

  public static <T> PageResponse<T> of(List<T> items, int page, int size, long totalItems) {
    int totalPages = size == 0 ? 0 : (int) ((totalItems + size - 1) / size);
    return new PageResponse<>(items, page, size, totalItems, totalPages);
  }

  public static <S, T> PageResponse<T> from(
      org.springframework.data.domain.Page<S> page, Function<S, T> mapper) {
    return of(
        page.getContent().stream().map(mapper).toList(),
        page.getNumber(),
        page.getSize(),
        page.getTotalElements());
  }
}
