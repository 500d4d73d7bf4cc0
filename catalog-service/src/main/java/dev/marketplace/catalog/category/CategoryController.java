package dev.marketplace.catalog.category;

import dev.marketplace.platform.web.ConflictException;
import dev.marketplace.platform.web.FieldError;
import dev.marketplace.platform.web.ProblemDetailsAdvice;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Everyone reads the category tree; staff (ADMIN) add to it. */
@RestController
@RequestMapping("/api/v1/categories")
class CategoryController {

  private final CategoryRepository categories;

  CategoryController(CategoryRepository categories) {
    this.categories = categories;
  }

  record CategoryRequest(
      @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "must be a lower-case slug")
          String id,
      @NotBlank @Size(max = 100) String name,
      @Size(max = 64) @Nullable String parentId) {}

  @Operation(summary = "List the categories")
  @GetMapping
  List<Category> list() {
    return categories.findAllByOrderByNameAsc();
  }

  @Operation(summary = "Create a category (staff)")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Object> create(@Valid @RequestBody CategoryRequest request) {
    if (request.parentId() != null && !categories.existsById(request.parentId())) {
      return ResponseEntity.badRequest()
          .body(
              ProblemDetailsAdvice.validation(
                  List.of(new FieldError("parentId", "unknown category " + request.parentId()))));
    }
    if (categories.existsById(request.id())) {
      throw new ConflictException("Category " + request.id() + " already exists.");
    }
    Category category =
        categories.save(new Category(request.id(), request.name(), request.parentId()));
    return ResponseEntity.created(URI.create("/api/v1/categories/" + category.id())).body(category);
  }
}
