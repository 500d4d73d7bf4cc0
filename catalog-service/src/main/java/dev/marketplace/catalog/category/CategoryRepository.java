package dev.marketplace.catalog.category;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

public interface CategoryRepository extends ListCrudRepository<Category, String> {

  List<Category> findAllByOrderByNameAsc();
}
