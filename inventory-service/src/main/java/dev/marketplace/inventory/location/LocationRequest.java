package dev.marketplace.inventory.location;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new warehouse or store. */
record LocationRequest(@NotBlank @Size(max = 200) String name, @NotNull LocationKind kind) {}
