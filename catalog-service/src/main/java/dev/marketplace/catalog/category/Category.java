package dev.marketplace.catalog.category;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A node of the category tree, identified by a readable slug such as {@code home-lighting}. */
@Document("categories")
public record Category(@Id String id, String name, @Nullable String parentId) {}
