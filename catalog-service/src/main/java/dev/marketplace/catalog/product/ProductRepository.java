package dev.marketplace.catalog.product;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;

public interface ProductRepository
    extends ListCrudRepository<Product, String>, PagingAndSortingRepository<Product, String> {

  Page<Product> findByVendorId(String vendorId, Pageable pageable);

  Page<Product> findByVendorIdAndStatus(String vendorId, ProductStatus status, Pageable pageable);

  Optional<Product> findByIdAndStatus(String id, ProductStatus status);
}
