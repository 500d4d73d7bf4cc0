package dev.marketplace.catalog.product;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;

public interface ProductRepository
    extends ListCrudRepository<Product, String>, PagingAndSortingRepository<Product, String> {

  Page<Product> findByVendorId(String vendorId, Pageable pageable);

  Page<Product> findByVendorIdAndStatus(String vendorId, ProductStatus status, Pageable pageable);

  Optional<Product> findByIdAndStatus(String id, ProductStatus status);

  /** The vendor's products that use any of these SKUs, archived ones included. */
  @Query("{ 'vendorId': ?0, 'details.variants.sku': { $in: ?1 } }")
  List<Product> findUsingSkus(String vendorId, Collection<String> skus);
}
