-- A SKU is unique within its vendor only: two vendors may sell different items under one SKU, so
-- the vendor is part of the key. The stored versions are forgotten so that the catalog topic,
-- replayed from the start under a new consumer group, rewrites every row: an item another vendor's
-- event had taken over under the old key comes back to its own vendor.
ALTER TABLE sellable_sku DROP CONSTRAINT sellable_sku_pkey;
ALTER TABLE sellable_sku ADD PRIMARY KEY (vendor_id, sku);
UPDATE sellable_sku SET product_version = 0;
