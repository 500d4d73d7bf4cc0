-- The product's category, from the catalog's events, kept on each order line as it was when the
-- order was placed: analytics reports by category, and commission rates may differ by category.
-- Lines and SKUs from before have none (null).
ALTER TABLE sellable_sku ADD COLUMN category_id TEXT;
ALTER TABLE order_line ADD COLUMN category_id TEXT;
